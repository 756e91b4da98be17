/**
 * Which Chromium the e2e tests and the benchmarks launch, and with which flags. One module that
 * playwright.config.ts, e2e/remote-admin.spec.ts and bench/lib/config.mjs all import (plain .mjs,
 * so the benchmarks run it without a TypeScript step; types in chromium.d.mts).
 */
import { existsSync } from 'node:fs';

/** Where Debian (and Google's package) put Chromium, in the order they are tried. */
export const KNOWN_CHROMIUM_PATHS = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/google-chrome',
];

/**
 * The browser to launch: CHROMIUM_PATH when set, else the first known path that exists, else
 * undefined (Playwright's own browser).
 */
export function findChromium(env = process.env, exists = existsSync) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return KNOWN_CHROMIUM_PATHS.find((p) => exists(p));
}

/** Launch flags that keep headless Chromium quiet and offline (see the shared TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
