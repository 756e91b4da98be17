/**
 * End-to-end tests: the real host (the `openness-kiosk serve` command) with the built renderer,
 * driven in Chromium. CHROMIUM_PATH picks the browser; Debian's chromium is the default.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromiumPath =
  process.env.CHROMIUM_PATH ??
  ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) =>
    existsSync(p),
  );

export default defineConfig({
  testDir: '.',
  testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts'],
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
