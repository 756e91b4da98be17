import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallContext } from '#core/contract';
import { AlertStore } from './alert-store.js';
import { PLAYS_DIR } from './analytics/play-log.js';
import { ContentStore, CONTENT_FILE, SETTINGS_FILE } from './content-store.js';
import { FleetSync } from './fleet/sync.js';
import { MediaLibrary } from './media/media-library.js';
import { openServices, type Services } from './services.js';
import { paths, tempDir } from './test-helpers.js';

interface Line {
  level: number;
  msg: string;
  problem?: { source: string; path: string };
}

/** A real pino logger whose lines the test can read. */
function memoryLog() {
  const lines: Line[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

let services: Services | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
  vi.restoreAllMocks();
});

async function open(dataDir: string, log = memoryLog().log): Promise<Services> {
  services = await openServices({ dataDir, assetsDir: paths.assetsDir, version: '9.9.9', log });
  return services;
}

/** Change settings.json on disk as an operator would, with an editor. */
async function editSettings(dataDir: string, change: Record<string, unknown>): Promise<void> {
  const file = path.join(dataDir, SETTINGS_FILE);
  const settings = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...settings, ...change }, null, 2));
}

const context: CallContext = {
  local: true,
  sessionId: undefined,
  startSession: () => undefined,
  endSession: () => undefined,
};

describe('openServices', () => {
  it('applies the staff idle lock from settings.json at open and after an edit on disk', async () => {
    const dataDir = await tempDir();
    await open(dataDir);
    expect(services!.auth.staffIdleMs).toBe(300_000);
    await services!.close();

    await editSettings(dataDir, { staffIdleLockSec: 120 });
    const { auth } = await open(dataDir);
    expect(auth.staffIdleMs).toBe(120_000);

    // Edited while running: the store's watcher sees it, and auth follows.
    await editSettings(dataDir, { staffIdleLockSec: 45 });
    await vi.waitFor(() => expect(auth.staffIdleMs).toBe(45_000), { timeout: 10_000 });
  });

  it('applies the staff idle lock saved by staff', async () => {
    const { store, handlers, auth } = await open(await tempDir());
    const { revision, settings } = store.snapshot();
    await handlers['settings:save'](
      { baseRevision: revision, settings: { ...settings, staffIdleLockSec: 600 } },
      context,
    );
    expect(auth.staffIdleMs).toBe(600_000);
  });

  it('deletes play-log days past a shortened retention when the setting changes', async () => {
    const dataDir = await tempDir();
    const day = (daysAgo: number) =>
      new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    await mkdir(path.join(dataDir, PLAYS_DIR), { recursive: true });
    for (const daysAgo of [3, 20]) {
      await writeFile(path.join(dataDir, PLAYS_DIR, `${day(daysAgo)}.jsonl`), '');
    }
    await open(dataDir);
    expect(await readdir(path.join(dataDir, PLAYS_DIR))).toHaveLength(2);
    await editSettings(dataDir, { playLogRetentionDays: 10 });
    await vi.waitFor(
      async () => expect(await readdir(path.join(dataDir, PLAYS_DIR))).toEqual([`${day(3)}.jsonl`]),
      { timeout: 10_000 },
    );
  });

  it('logs the content problems found at open, and does not repeat them at each change', async () => {
    const dataDir = await tempDir();
    await open(dataDir);
    await services!.close();
    await writeFile(path.join(dataDir, CONTENT_FILE), '{ not json');
    const { log, lines } = memoryLog();
    const { auth } = await open(dataDir, log);
    const problems = () => lines.filter((line) => line.msg === 'content problem');
    expect(problems().length).toBeGreaterThan(0);
    expect(problems().every((line) => line.problem?.source === CONTENT_FILE)).toBe(true);
    expect(problems().every((line) => line.level === pino.levels.values.warn)).toBe(true);
    const logged = problems().length;

    await editSettings(dataDir, { staffIdleLockSec: 45 });
    await vi.waitFor(() => expect(auth.staffIdleMs).toBe(45_000), { timeout: 10_000 });
    expect(lines.some((line) => line.msg === 'content changed')).toBe(true);
    expect(problems()).toHaveLength(logged);
  });

  it('closes every service in reverse order of opening, once', async () => {
    const storeClose = vi.spyOn(ContentStore.prototype, 'close');
    const mediaClose = vi.spyOn(MediaLibrary.prototype, 'close');
    const fleetStop = vi.spyOn(FleetSync.prototype, 'stop');
    const opened = await open(await tempDir());
    await opened.close();
    await opened.close();
    expect(fleetStop).toHaveBeenCalledOnce();
    expect(mediaClose).toHaveBeenCalledOnce();
    expect(storeClose).toHaveBeenCalledOnce();
    const order = [fleetStop, mediaClose, storeClose].map((s) => s.mock.invocationCallOrder[0]!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('closes what it opened when a later service fails to open, and throws its error', async () => {
    const storeClose = vi.spyOn(ContentStore.prototype, 'close');
    const mediaClose = vi.spyOn(MediaLibrary.prototype, 'close');
    const fleetOpen = vi.spyOn(FleetSync, 'open');
    vi.spyOn(AlertStore, 'open').mockRejectedValue(new Error('alert.json: disk on fire'));
    await expect(open(await tempDir())).rejects.toThrow('alert.json: disk on fire');
    expect(mediaClose).toHaveBeenCalledOnce();
    expect(storeClose).toHaveBeenCalledOnce();
    expect(fleetOpen).not.toHaveBeenCalled();
  });
});
