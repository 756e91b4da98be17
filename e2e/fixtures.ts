/**
 * Test fixtures: each test gets its own data folder and its own running host, always stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';

/** A host started with `openness-kiosk serve` on a free port. */
export interface Host {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/** Start the real CLI on port 0 and wait for the line that names its URL. */
export async function startHost(dataDir: string): Promise<Host> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/openness-kiosk.mjs'), 'serve', '--data', dataDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/[\d.]+:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  return { url, dataDir, process: child };
}

/** Stop a host and wait for it to exit. */
export async function stopHost(host: Host): Promise<void> {
  if (host.process.exitCode !== null) return;
  const exited = new Promise((resolve) => host.process.once('exit', resolve));
  host.process.kill('SIGTERM');
  await exited;
}

/** Make every framer-motion animation complete at once (for fake-clock tests). */
export async function skipAnimations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __SKIP_ANIMATIONS__: boolean }).__SKIP_ANIMATIONS__ = true;
  });
}

export const test = base.extend<{ dataDir: string; host: Host }>({
  // Playwright requires the object pattern even when a fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  host: async ({ dataDir }, use) => {
    const host = await startHost(dataDir);
    try {
      await use(host);
    } finally {
      await stopHost(host);
    }
  },
});

export { expect } from '@playwright/test';
