import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text) return text;
    if (Date.now() > end) throw new Error(`${file} did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('start:browser serves the kiosk and opens the player in Chromium kiosk mode', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-browser-'));
  // Headless here (no display); the same script opens a real full-screen window on a kiosk.
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/start-browser.mjs'), '--data', dataDir],
    {
      env: {
        ...process.env,
        KIOSK_BROWSER_ARGS: '--headless=new --no-sandbox --disable-gpu --remote-debugging-port=0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const port = (
      await waitForFile(path.join(dataDir, 'browser-profile', 'DevToolsActivePort'), 20_000)
    ).split('\n')[0];
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const page = browser.contexts()[0]!.pages()[0]!;
    await expect(page.locator('[aria-roledescription="carousel"]')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'About us' })).toBeVisible();
    expect(output).toMatch(/serving .* at http:\/\/127\.0\.0\.1:\d+; opening .* in kiosk mode/);
    await browser.close();
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
  expect(child.exitCode).toBe(0);
});
