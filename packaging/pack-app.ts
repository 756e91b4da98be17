/**
 * Pack the app offline, as `npm run dist` would for Linux, into a temporary folder.
 *
 * No Electron binary can be downloaded here, so electron-builder gets a stand-in: a shell script
 * named `electron` that carries Electron's fuse sentinel and a fuse wire, as the real binary
 * does. electron-builder copies it, renames it to the product's executable and runs the afterPack
 * hook on it, so the fuses it flips can be read back. Only the `dir` target runs: AppImage, deb,
 * NSIS and dmg need tools that are downloaded at build time.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project's root folder. */
export const ROOT = path.resolve(import.meta.dirname, '..');

/** The sentinel @electron/fuses looks for; the wire follows it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The stand-in's wire, as in a stock Electron: RunAsNode, CookieEncryption, NodeOptions,
 * NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocolPrivileges and
 * WasmTrapHandlers. Every fuse the kiosk sets starts in the opposite state here.
 */
export const STOCK_FUSE_WIRE = '101100011';

/** What a pack produced. */
export interface PackedApp {
  /** The temporary folder holding everything; remove it when done. */
  work: string;
  /** The unpacked app folder (`linux-unpacked`). */
  appDir: string;
  /** The packed executable. */
  executable: string;
  /** `resources/app.asar`. */
  asar: string;
  /** electron-builder's output, for failure messages. */
  log: string;
}

/** A stand-in `electron`: a shell script whose comment line holds the sentinel and fuse wire. */
export function standInElectron(): Buffer {
  return Buffer.concat([
    Buffer.from(`#!/bin/sh\n# ${FUSE_SENTINEL}`),
    // Fuse wire version 1, then its length, then one '0' or '1' per fuse.
    Buffer.from([1, STOCK_FUSE_WIRE.length]),
    Buffer.from(`${STOCK_FUSE_WIRE}\necho "stand-in for Electron"\n`),
  ]);
}

/** Build out/ with electron-vite when it is missing (npm test builds it before the tests). */
async function ensureBuilt(): Promise<void> {
  if (existsSync(path.join(ROOT, 'out', 'main', 'index.js'))) return;
  const cli = path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  await run(process.execPath, [cli, 'build'], { cwd: ROOT, timeout: 120_000 });
}

/** Pack the app with electron-builder's `dir` target and the stand-in Electron. */
export async function packApp(): Promise<PackedApp> {
  await ensureBuilt();
  const work = await mkdtemp(path.join(os.tmpdir(), 'kiosk-pack-'));
  const dist = path.join(work, 'electron-dist');
  await mkdir(dist);
  await writeFile(path.join(dist, 'electron'), standInElectron());
  await chmod(path.join(dist, 'electron'), 0o755);
  const output = path.join(work, 'release');
  const cli = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const args = [
    cli,
    '--linux',
    'dir',
    '--x64',
    '--publish',
    'never',
    '--projectDir',
    ROOT,
    `-c.electronDist=${dist}`,
    `-c.directories.output=${output}`,
  ];
  let log: string;
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT, timeout: 120_000 });
    log = stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    await rm(work, { recursive: true, force: true });
    throw new Error(`electron-builder failed:\n${stdout}${stderr}`, { cause: error });
  }
  const appDir = path.join(output, 'linux-unpacked');
  return {
    work,
    appDir,
    executable: path.join(appDir, 'openness-kiosk'),
    asar: path.join(appDir, 'resources', 'app.asar'),
    log,
  };
}
