/**
 * End-to-end tests: the real host (the `openness-kiosk serve` command) with the built renderer,
 * driven in Chromium. CHROMIUM_PATH picks the browser; Debian's chromium is the default.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium.mjs';

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
      executablePath: findChromium(),
      args: [...CHROMIUM_ARGS],
    },
  },
});
