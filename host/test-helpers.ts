/**
 * Helpers for host tests: temporary data folders and the real shipped assets.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { KioskError } from '#core/errors';
import { appPaths } from './app-paths.js';

/** The app's real paths (assets, built renderer). */
export const paths = appPaths();

const made: string[] = [];

/** A fresh temporary folder, removed after the test. */
export async function tempDir(prefix = 'kiosk-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The KioskError a promise, or a call (throwing or rejecting), fails with; fails the test if not. */
export async function failure(run: Promise<unknown> | (() => unknown)): Promise<KioskError> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    expect(error).toBeInstanceOf(KioskError);
    return error as KioskError;
  }
  throw new Error('expected a failure');
}
