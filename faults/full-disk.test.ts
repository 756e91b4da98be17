/**
 * The real host on a full disk: its data folder is a small tmpfs that a filler file fills up.
 *
 * Saves (of content, settings and media) must fail with a message that says what and where,
 * leave the old files whole on disk and still served, leave no temp or partial file behind, and
 * work again once space is freed. The host must keep running and answering health throughout,
 * log or no log, and must even start on a full disk.
 *
 * Needs root (or CAP_SYS_ADMIN) to mount the tmpfs; CI runs as root. Without it the test fails
 * and says so: a skipped fault test would prove nothing.
 */
import { closeSync, openSync, statfsSync, writeSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, rmdir, stat, truncate } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Health } from '#core/contract';
import type { ContentFile } from '#core/schema';
import {
  killHost,
  PIN,
  requireBuiltHost,
  startServe,
  type HostProcess,
} from './support/host-process.js';
import { ApiClient } from '../test-support/api-client.js';
import { bigPng } from './support/samples.js';
import { mountTmpfs } from './support/tmpfs.js';

const DISK_SIZE = '2m';
const PAGE = 4096;

let dataDir = '';
let unmount: (() => void) | undefined;
let host: HostProcess | undefined;

beforeAll(async () => {
  requireBuiltHost();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fault-disk-'));
  unmount = mountTmpfs(dataDir, DISK_SIZE, 'full-disk test');
});

afterAll(async () => {
  if (host) await killHost(host);
  unmount?.();
  if (dataDir) await rmdir(dataDir).catch(() => undefined);
});

const FILLER = () => path.join(dataDir, 'filler.bin');

/** Grow the filler file until the disk takes not one more byte. */
function fillDisk(): void {
  const fd = openSync(FILLER(), 'a');
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  expect(statfsSync(dataDir).bavail, 'the disk should be full').toBe(0);
}

/** Leave `pages` pages free: less than a save needs, so its write is cut short, then fails. */
async function leaveFree(pages: number): Promise<void> {
  fillDisk();
  const { size } = await stat(FILLER());
  await truncate(FILLER(), size - pages * PAGE);
}

/** Files left by an atomic write or an upload that did not finish. */
async function leftovers(): Promise<string[]> {
  const found: string[] = [];
  for (const dir of ['', 'last-good', 'media']) {
    for (const name of await readdir(path.join(dataDir, dir))) {
      if (/\.\d+$/.test(name)) found.push(path.join(dir, name));
    }
  }
  for (const name of await readdir(path.join(dataDir, 'uploads'))) found.push(`uploads/${name}`);
  return found;
}

async function mediaFiles(): Promise<string[]> {
  return (await readdir(path.join(dataDir, 'media'))).filter((name) => name !== 'index.json');
}

/** A content version named `name`, padded with `slides` long slides to make it `~slides × 4 KB`. */
function version(base: ContentFile, name: string, slides = 0): ContentFile {
  const next = structuredClone(base);
  const list = next.playlists.find((p) => p.id === next.defaultPlaylistId)!;
  list.name = name;
  list.slides = list.slides.filter((slide) => !slide.id.startsWith('pad-'));
  for (let i = 0; i < slides; i++) {
    list.slides.push({
      id: `pad-${i}`,
      kind: 'theme',
      enabled: true,
      durationMs: 12_000,
      title: { en: `Padding ${i}` },
      body: { en: 'Open for innovation. '.repeat(190) },
    });
  }
  return next;
}

it('keeps the old content, says the disk is full, and recovers once space is freed', async () => {
  const started = Date.now();
  host = await startServe(dataDir);
  let api = new ApiClient(host.url);
  await api.signIn(PIN);
  const admin = async () => (await api.call('admin:get')).body;
  const served = async () => (await api.call('content:get')).body;
  const healthy = async (where: string) => {
    expect(host!.alive(), `${where}: the host exited:\n${host!.output()}`).toBe(true);
    const health = await api.get<Health>('/api/health');
    expect(health.status, where).toBe(200);
    return health.body;
  };
  const contentFile = () => readFile(path.join(dataDir, 'content.json'), 'utf8');
  const settingsFile = () => readFile(path.join(dataDir, 'settings.json'), 'utf8');
  const diskFull = `Could not save content.json in ${dataDir}: the disk is full. Nothing was changed.`;
  const logText = async () => {
    const dir = path.join(dataDir, 'logs');
    const names = await readdir(dir);
    return (await Promise.all(names.map((name) => readFile(path.join(dir, name), 'utf8')))).join(
      '',
    );
  };

  // 1. A save with room to spare.
  let state = await admin();
  const saved = await api.call('content:save', {
    baseRevision: state.revision,
    content: version(state.content, 'Saved before the disk filled'),
  });
  expect(saved.status).toBe(200);
  const goodContent = await contentFile();
  const goodSettings = await settingsFile();
  state = await admin();
  expect(state.revision).toBe(saved.body.revision);

  // 2. An upload that just fits, with no room left for the media list: it fails, and the file,
  //    though whole, is not left in the library (the next start would adopt it).
  const fits = bigPng(100 * 1024);
  await leaveFree(Math.ceil(fits.length / PAGE));
  const noIndex = await api.upload('just-fits.png', fits);
  expect(noIndex.step).toBe('finish');
  expect(noIndex.status).toBe(500);
  expect(noIndex.error?.message).toBe('Could not store just-fits.png: the disk is full.');
  expect(await mediaFiles()).toEqual([]);
  expect(await leftovers()).toEqual([]);

  // 3. A full disk: content and settings saves fail, clearly, and change nothing.
  fillDisk();
  const refused = await api.call('content:save', {
    baseRevision: state.revision,
    content: version(state.content, 'Never saved'),
  });
  expect(refused.status).toBe(500);
  expect(refused.error).toMatchObject({ code: 'failed', message: diskFull });
  const refusedSettings = await api.call('settings:save', {
    baseRevision: state.revision,
    settings: { ...state.settings, idleTimeoutSec: 120 },
  });
  expect(refusedSettings.status).toBe(500);
  expect(refusedSettings.error?.message).toBe(
    `Could not save settings.json in ${dataDir}: the disk is full. Nothing was changed.`,
  );
  expect(await contentFile()).toBe(goodContent);
  expect(await settingsFile()).toBe(goodSettings);
  expect((await served()).playlist.name).toBe('Saved before the disk filled');
  expect(await leftovers()).toEqual([]);
  await healthy('after failed saves on a full disk');

  // 4. A nearly full disk: room for part of the file only. The write is cut short; the torn
  //    file must never replace the good one, and the save must not claim success.
  await leaveFree(3);
  const torn = await api.call('content:save', {
    baseRevision: state.revision,
    content: version(state.content, 'Too big for what is left', 12),
  });
  expect(torn.status, JSON.stringify(torn.body)).toBe(500);
  expect(torn.error?.message).toBe(diskFull);
  expect(await contentFile()).toBe(goodContent);
  const stillServed = await served();
  expect(stillServed.playlist.name).toBe('Saved before the disk filled');
  expect(stillServed.problems).toEqual([]);
  expect(await leftovers()).toEqual([]);

  // 5. Media uploads on a full and on a nearly full disk fail cleanly: no part file, nothing new
  //    in the media library, and the upload is over.
  for (const free of [0, 16]) {
    if (free === 0) fillDisk();
    else await leaveFree(free);
    const name = `lobby-${free}.png`;
    const failed = await api.upload(name, bigPng(200 * 1024));
    expect(failed.step, `upload with ${free} pages free`).toBe('chunk');
    expect(failed.status).toBe(500);
    expect(failed.error).toMatchObject({
      code: 'failed',
      message: `Could not save ${name}: the disk is full.`,
    });
    expect(await mediaFiles()).toEqual([]);
    expect((await admin()).media).toEqual([]);
    expect(await leftovers()).toEqual([]);
    await healthy(`after a failed upload with ${free} pages free`);
  }

  // 6. The log does not bring the host down: many failed calls, each logged as an error, while
  //    the disk takes nothing.
  fillDisk();
  for (let i = 0; i < 100; i++) {
    const again = await api.call('content:save', {
      baseRevision: state.revision,
      content: version(state.content, `Retry ${i}`, i % 3),
    });
    expect(again.status).toBe(500);
  }
  const health = await healthy('after 100 failed saves on a full disk');
  expect(health.revision).toBe(state.revision);

  // 7. Space freed, same host: saving works again, and so does its log.
  await rm(FILLER());
  const resumed = await api.call('content:save', {
    baseRevision: state.revision,
    content: version(state.content, 'Saved after space was freed', 12),
  });
  expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
  expect(JSON.parse(await contentFile()).playlists[0].name).toBe('Saved after space was freed');
  expect((await served()).playlist.name).toBe('Saved after space was freed');
  await expect
    .poll(logText, { timeout: 5000, message: 'the log writes again once space is freed' })
    .toContain(resumed.body.revision);

  // 8. A restart on a full disk: the host stops cleanly, starts again, and plays what was saved.
  fillDisk();
  host.child.kill('SIGTERM');
  expect(await host.exited).toEqual({ code: 0, signal: null });
  host = await startServe(dataDir);
  api = new ApiClient(host.url);
  const afterRestart = await served();
  expect(afterRestart.playlist.name).toBe('Saved after space was freed');
  expect(afterRestart.problems).toEqual([]);
  await healthy('after a restart on a full disk');
  await api.signIn(PIN);

  // 9. Space freed again: saving and uploading work.
  await rm(FILLER());
  state = await admin();
  const last = await api.call('content:save', {
    baseRevision: state.revision,
    content: version(state.content, 'Saved after the restart'),
  });
  expect(last.status, JSON.stringify(last.body)).toBe(200);
  expect((await served()).playlist.name).toBe('Saved after the restart');
  const png = bigPng(200 * 1024);
  const stored = await api.upload('lobby.png', png);
  expect(stored.status, JSON.stringify(stored.body)).toBe(200);
  if (stored.step !== 'finish') throw new Error(`the upload stopped at its ${stored.step}`);
  expect(stored.body.size).toBe(png.length);
  expect(await mediaFiles()).toEqual([stored.body.ref.slice('media:'.length)]);
  expect((await admin()).media.map((item) => item.name)).toEqual(['lobby.png']);
  expect(await leftovers()).toEqual([]);
  await healthy('after space was freed');

  host.child.kill('SIGTERM');
  expect(await host.exited).toEqual({ code: 0, signal: null });
  host = undefined;
  console.log(`full-disk: passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
