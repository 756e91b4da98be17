/**
 * Remote admin over HTTPS in real Chromium: the host started with `--host 0.0.0.0` makes its own
 * certificate; a browser that trusts exactly that certificate's public key (as staff do once they
 * have compared the fingerprint) opens the admin over HTTPS, signs in and reads the fingerprint
 * on the Status screen. A browser that does not trust it gets no page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { PIN, setPin } from './admin-helpers';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = findChromium();

let dataDir = '';
let child: ChildProcess | undefined;
let remoteUrl = '';

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-https-'));
  await setPin(dataDir);
  child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'bin/openness-kiosk.mjs'),
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--host',
      '0.0.0.0',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    child!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /remote admin: https:\/\/[^:]+:(\d+)\//.exec(output);
      if (match && output.includes('http://127.0.0.1:')) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  remoteUrl = `https://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('staff open the admin over HTTPS and see the certificate fingerprint on Status', async () => {
  const cert = new X509Certificate(await readFile(path.join(dataDir, 'tls', 'cert.pem')));
  const spki = createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');

  // Without trusting the certificate, Chromium refuses the page.
  const wary = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  try {
    const page = await wary.newPage();
    await expect(page.goto(`${remoteUrl}/#/admin`)).rejects.toThrow(/ERR_CERT/);
  } finally {
    await wary.close();
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${spki}`],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${remoteUrl}/#/admin`);
    const dialog = page.getByRole('dialog', { name: 'Staff access' });
    await dialog.getByLabel('PIN', { exact: true }).fill(PIN);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    const nav = page.getByRole('navigation');
    await expect(nav).toBeVisible({ timeout: 20_000 });
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'kiosk_session')).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
    });
    await nav.getByRole('link', { name: 'Status' }).click();
    const fact = page.getByRole('definition').filter({ hasText: cert.fingerprint256 });
    await expect(fact).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Certificate SHA-256', { exact: true })).toBeVisible();
  } finally {
    await browser.close();
  }
});
