/**
 * History under faults: kill -9 the real host in the middle of restores, and 10,000 random saves
 * through the content store.
 *
 * Restores: each cycle starts `openness-kiosk serve` on one data folder, makes a save (so there is
 * something to go back from), asks to restore an older version and SIGKILLs the process at a
 * random moment: after a random delay, or as a file of the switch appears. The next start must
 * serve either the content before the restore or the restored one (never a mix, never a problem),
 * and every version file must be whole and valid, at most `HISTORY_LIMIT` of them.
 *
 * Saves: 10,000 random edits of content and settings (and some restores and restarts) through
 * the store itself leave at most `HISTORY_LIMIT` version files, each valid, newest = current.
 *
 * FAULT_SEED repeats a run; FAULT_CYCLES changes the number of kills (default 40).
 */
import { watch, type FSWatcher } from 'node:fs';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it, onTestFailed } from 'vitest';
import { HISTORY_LIMIT, HistoryVersion } from '#core/history';
import { ContentFile, Settings, type Slide } from '#core/schema';
import { appPaths } from '../host/app-paths.js';
import { ContentStore } from '../host/content-store.js';
import { HISTORY_DIR, versionFile } from '../host/history-store.js';
import {
  killHost,
  PIN,
  seededRandom,
  startServe,
  type HostProcess,
} from './support/host-process.js';
import { ApiClient } from '../test-support/api-client.js';
import { killSwitch, seededRun } from './support/crash-cycles.js';

const CYCLES = Number(process.env.FAULT_CYCLES ?? 40);
const SEED = Number(process.env.FAULT_SEED ?? 20_261_202);
const SAVES = 10_000;
/** A temp file of an atomic write, or the switch journal a restore writes first. */
const SWITCHING = /^(content\.json\.\d+|settings\.json\.\d+|fleet-switch\.json(\.\d+)?)$/;

const made: string[] = [];
let host: HostProcess | undefined;
let keep = false;

afterAll(async () => {
  if (host) await killHost(host);
  if (keep) console.log(`history faults: data folders kept for inspection: ${made.join(', ')}`);
  else await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

// A RAM disk where there is one: 10,000 saves of fsync'd files test the logic, not the disk.
async function dataFolder(prefix: string, fast = false): Promise<string> {
  const parent = fast && existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = await mkdtemp(path.join(parent, prefix));
  made.push(dir);
  return dir;
}

/** Every version file on disk parses and passes the schema; at most the limit; no temp file. */
async function checkHistory(dataDir: string, where: string): Promise<HistoryVersion[]> {
  const names = (await readdir(path.join(dataDir, HISTORY_DIR))).sort();
  const versions: HistoryVersion[] = [];
  for (const name of names) {
    expect(name, `${where}: a stray file in the history`).toMatch(/^v\d{12}\.json(\.\d+)?$/);
    if (!name.endsWith('.json')) continue; // a temp file a kill left: swept at the next start
    const text = await readFile(path.join(dataDir, HISTORY_DIR, name), 'utf8');
    const parsed = HistoryVersion.safeParse(JSON.parse(text));
    expect(parsed.success, `${where}: ${name} fails the schema`).toBe(true);
    expect(versionFile(Number(parsed.data!.id)), `${where}: ${name} id`).toBe(name);
    versions.push(parsed.data!);
  }
  expect(versions.length, `${where}: versions kept`).toBeLessThanOrEqual(HISTORY_LIMIT);
  return versions;
}

function withTitle(content: ContentFile, title: string): ContentFile {
  const next = structuredClone(content);
  next.playlists[0]!.slides[0]!.title.en = title;
  return next;
}

it(`keeps content whole and the history valid through ${CYCLES} kill -9s during restores`, async () => {
  const random = seededRun('history faults', SEED, () => {
    keep = true;
  });
  const dataDir = await dataFolder('kiosk-fault-history-');
  const tally = { cycles: 0, old: 0, restored: 0, byFile: 0, byTimer: 0 };

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const where = `cycle ${cycle} (seed ${SEED})`;
    host = await startServe(dataDir);
    const api = new ApiClient(host.url);
    await api.signIn(PIN);
    const start = await api.call('content:get');
    expect(start.body.problems, `${where}: problems at start`).toEqual([]);

    const saved = await api.call('content:save', {
      baseRevision: start.body.revision,
      content: withTitle(start.body.content, `Cycle ${cycle}`),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const list = await api.call('history:list');
    expect(list.status).toBe(200);
    const older = list.body.versions.slice(1);
    const target = older[Math.floor(random() * older.length)]!;
    const version = await api.call('history:get', { id: target.id });
    expect(version.status).toBe(200);
    const before = (await api.call('content:get')).body;

    const running = host;
    const killer = killSwitch(running);
    const kill = () => killer.kill();
    let watcher: FSWatcher | undefined;
    if (random() < 0.6) {
      tally.byFile++;
      let skip = Math.floor(random() * 4);
      watcher = watch(dataDir, (_event, name) => {
        if (killer.killed || typeof name !== 'string' || !SWITCHING.test(name) || skip-- > 0)
          return;
        if (random() < 0.5) kill();
        else setImmediate(kill);
      });
      setTimeout(kill, 1500);
    } else {
      tally.byTimer++;
      setTimeout(kill, Math.floor(random() * 40));
    }
    await api
      .call('history:restore', { baseRevision: saved.body.revision, id: target.id })
      .catch(() => undefined); // the connection dies with the host
    kill();
    await running.exited;
    watcher?.close();
    host = undefined;
    await checkHistory(dataDir, `${where}, after the kill`);

    host = await startServe(dataDir);
    const again = new ApiClient(host.url);
    const served = (await again.call('content:get')).body;
    expect(served.problems, `${where}: problems after the restart`).toEqual([]);
    const restored = served.content.playlists[0]!.slides[0]!.title.en;
    const isOld = served.revision === before.revision;
    const isRestored =
      JSON.stringify(served.content) === JSON.stringify(version.body.content) &&
      JSON.stringify(served.settings) === JSON.stringify(version.body.settings);
    expect(
      isOld || isRestored,
      `${where}: neither the old nor the restored state (${restored})`,
    ).toBe(true);
    if (isOld && !isRestored) tally.old++;
    else tally.restored++;
    await again.signIn(PIN);
    const listed = await again.call('history:list');
    expect(listed.status).toBe(200);
    expect(listed.body.versions.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    const health = await again.call('health:get');
    expect(health.body.problems, `${where}: history problems`).toEqual([]);
    expect(await checkHistory(dataDir, `${where}, after the restart`)).toHaveLength(
      listed.body.versions.length,
    );
    await killHost(host);
    host = undefined;
    tally.cycles++;
  }
  console.log(
    `history faults: ${tally.cycles} kills during restores (by a file of the switch ${tally.byFile}, ` +
      `by a timer ${tally.byTimer}); after the restart: old ${tally.old}, restored ${tally.restored}`,
  );
  expect(tally.cycles).toBe(CYCLES);
  // Both outcomes must have happened, or the kills did not land inside restores.
  expect(tally.old).toBeGreaterThan(0);
  expect(tally.restored).toBeGreaterThan(0);
});

it(`keeps at most ${HISTORY_LIMIT} valid versions through ${SAVES} random saves`, async () => {
  onTestFailed(() => {
    keep = true;
  });
  const random = seededRandom(SEED + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const dataDir = await dataFolder('kiosk-fault-history-saves-', true);
  const options = { dataDir, assetsDir: appPaths().assetsDir };
  let store = await ContentStore.open(options);
  const tally = { content: 0, settings: 0, restores: 0, restarts: 0 };
  for (let n = 0; n < SAVES; n++) {
    const { revision, content, settings } = store.snapshot();
    const roll = random();
    if (roll < 0.02) {
      await store.restore(revision, pick(store.history.list()).id);
      tally.restores++;
    } else if (roll < 0.25) {
      const next: Settings = { ...settings, idleTimeoutSec: 10 + Math.floor(random() * 3591) };
      await store.saveSettings(revision, next, { kind: 'remote', address: `10.0.0.${n % 255}` });
      tally.settings++;
    } else {
      await store.saveContent(revision, edit(content, n, random));
      tally.content++;
    }
    if (random() < 0.005) {
      store.close();
      store = await ContentStore.open(options);
      tally.restarts++;
    }
  }
  const versions = await checkHistory(dataDir, 'after the saves');
  expect(versions).toHaveLength(HISTORY_LIMIT);
  const newest = versions.at(-1)!;
  expect(newest.content).toEqual(store.snapshot().content);
  expect(newest.settings).toEqual(store.snapshot().settings);
  expect(store.history.list().map((v) => v.id)).toEqual(versions.map((v) => v.id).reverse());
  expect(store.history.problems()).toEqual([]);
  store.close();
  console.log(`history faults: ${SAVES} saves ${JSON.stringify(tally)}`);
});

/** A random edit that always changes something: a title, a duration, a slide added or removed. */
function edit(content: ContentFile, n: number, random: () => number): ContentFile {
  const next = structuredClone(content);
  const list = next.playlists[0]!;
  const roll = random();
  if (roll < 0.2 && list.slides.length < 12) {
    const slide: Slide = {
      id: `extra-${n}`,
      kind: 'theme',
      enabled: true,
      durationMs: 12_000,
      title: { en: `Extra ${n}` },
      body: { en: 'Added by the fault test.' },
    };
    list.slides.splice(Math.floor(random() * list.slides.length), 0, slide);
  } else if (roll < 0.35 && list.slides.length > 2) {
    list.slides.splice(Math.floor(random() * list.slides.length), 1);
  } else if (roll < 0.5) {
    const slide = list.slides[Math.floor(random() * list.slides.length)]!;
    slide.durationMs = 2000 + ((slide.durationMs + 1000 * (1 + (n % 7))) % 598_000);
  } else {
    list.slides[Math.floor(random() * list.slides.length)]!.title.en = `Title ${n}`;
  }
  return next;
}
