/**
 * The real Electron kiosk, end to end: the built app opens the player, locked down.
 *
 * Needs the Electron binary and `npm run build:electron`. Where the binary cannot be had (no
 * network on first launch), every test here skips and says why.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary, ROOT } from './electron-binary.js';

const binary = findElectronBinary();
const reason = 'missing' in binary ? binary.missing : '';

let app: ElectronApplication | undefined;
let page: Page;
let dataDir: string;

test.skip('missing' in binary, `Electron binary not available on this machine: ${reason}`);
// One kiosk at a time: the app holds a single-instance lock, so a parallel launch would just quit.
test.describe.configure({ mode: 'default' });

test.beforeEach(async () => {
  if (!('path' in binary)) return;
  expect(
    existsSync(path.join(ROOT, 'out', 'main', 'index.js')),
    'out/main/index.js is missing: run `npm run build:electron` before the Electron tests',
  ).toBe(true);
  dataDir = await mkdtemp(path.join(tmpdir(), 'kiosk-electron-'));
  // Chromium refuses to sandbox as root (CI containers); only there is the sandbox switched off.
  const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await _electron.launch({
    executablePath: binary.path,
    args: ['.', '--data', dataDir, ...asRoot],
    cwd: ROOT,
  });
  page = await app.firstWindow();
});

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('opens the player: a carousel with a slide heading', async () => {
  await expect(page.locator('[aria-roledescription="carousel"]')).toBeVisible();
  await expect(page.getByRole('heading').first()).toBeVisible();
  expect(page.url()).toBe('kiosk://app/index.html');
});

/** What a page script can reach; typed here because this project has no DOM lib. */
type PageGlobals = {
  kiosk?: object;
  require?: unknown;
  process?: unknown;
  open(url: string): unknown;
  location: { href: string };
};

test('the player sees the KioskApi and nothing of Node or Electron', async () => {
  const exposed = await page.evaluate(() => {
    const scope = globalThis as unknown as PageGlobals;
    return {
      kiosk: Object.keys(scope.kiosk ?? {}).sort(),
      require: typeof scope.require,
      process: typeof scope.process,
    };
  });
  expect(exposed).toEqual({
    kiosk: ['invoke', 'onContentChanged'],
    require: 'undefined',
    process: 'undefined',
  });
});

test('navigation away and new windows are refused', async () => {
  await page.evaluate(() => {
    const scope = globalThis as unknown as PageGlobals;
    scope.open('https://example.com/');
    scope.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('kiosk://app/index.html');
  expect(app?.windows()).toHaveLength(1);
});

test('the page runs under the strict CSP', async () => {
  // The violation event proves the CSP itself refused, not merely that the network is down.
  const violated = await page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const scope = globalThis as unknown as EventTarget;
        scope.addEventListener('securitypolicyviolation', (event) =>
          resolve((event as unknown as { effectiveDirective: string }).effectiveDirective),
        );
        fetch('https://example.com/').catch(() => undefined);
        setTimeout(() => resolve(null), 3000);
      }),
  );
  expect(violated).toBe('connect-src');
});

test('permission requests are denied', async () => {
  const permission = await page.evaluate(() => {
    const scope = globalThis as unknown as {
      Notification: { requestPermission(): Promise<string> };
    };
    return scope.Notification.requestPermission();
  });
  expect(permission).toBe('denied');
});

test('a crashed renderer is reloaded within seconds, in the same window', async () => {
  if (!app) return;
  await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer(),
  );
  // recovery.ts reloads after 1 s on a first crash.
  await expect
    .poll(
      () =>
        app!.evaluate(({ BrowserWindow }) => {
          const windows = BrowserWindow.getAllWindows();
          const contents = windows[0]?.webContents;
          return {
            windows: windows.length,
            crashed: contents?.isCrashed() ?? true,
            loading: contents?.isLoading() ?? true,
            url: contents?.getURL(),
          };
        }),
      { timeout: 15_000 },
    )
    .toEqual({ windows: 1, crashed: false, loading: false, url: 'kiosk://app/index.html' });
});
