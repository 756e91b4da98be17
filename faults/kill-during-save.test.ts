/**
 * Kill -9 the real host in the middle of saves, hundreds of times, on one data folder.
 *
 * Each cycle starts `openness-kiosk serve` on the folder, signs in as staff over HTTP, sends a
 * stream of content and settings saves (each a distinct valid version, each based on the revision
 * the previous one returned) and SIGKILLs the process at a random moment: after a random delay,
 * or just as a temp file of an atomic write appears. Then, with the process gone, content.json and
 * settings.json must each parse, pass the schema and be exactly the last version the host
 * acknowledged or the one it was writing: old or new, never torn, never older than acknowledged.
 * The next cycle's host must sweep the temp files the kill left and serve that same content.
 *
 * FAULT_SEED repeats a run; FAULT_CYCLES changes the count (default 200).
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ContentFile, Settings } from '#core/schema';
import { LAST_GOOD_DIR, serialize } from '../host/content-store.js';
import { killHost, PIN, startServe, type HostProcess } from './support/host-process.js';
import { ApiClient } from '../test-support/api-client.js';
import { killSwitch, seededRun } from './support/crash-cycles.js';

const CYCLES = Number(process.env.FAULT_CYCLES ?? 200);
const SEED = Number(process.env.FAULT_SEED ?? 20_260_301);

const FILES = ['content.json', 'settings.json'] as const;
type FileName = (typeof FILES)[number];
const SCHEMAS = { 'content.json': ContentFile, 'settings.json': Settings };
/** A temp file of an atomic write: `<file>.<digits>`. */
const TEMP = /^(content|settings)\.json\.\d+$/;
/** Slides these tests add to make content files of varied sizes (and writes of varied length). */
const FILLER = 'fault-';

let dataDir = '';
let host: HostProcess | undefined;
let keep = false;

afterAll(async () => {
  if (host) await killHost(host);
  if (keep) console.log(`kill-during-save: data folder kept for inspection: ${dataDir}`);
  else if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Version {
  file: FileName;
  /** The file's exact text once the host has saved this version. */
  text: string;
}

/** Words for filler text, picked by the seeded generator. */
const WORDS = 'open innovation partnership diversity belgium kiosk lobby visitor story theme'.split(
  ' ',
);

function contentVersion(base: ContentFile, seq: number, random: () => number): ContentFile {
  const next = structuredClone(base);
  const list = next.playlists.find((p) => p.id === next.defaultPlaylistId) ?? next.playlists[0]!;
  list.name = `Openness, save ${seq}`;
  list.slides = list.slides.filter((slide) => !slide.id.startsWith(FILLER));
  const extra = Math.floor(random() ** 2 * 60);
  for (let i = 0; i < extra; i++) {
    const words = Array.from(
      { length: 50 + Math.floor(random() * 500) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    );
    list.slides.push({
      id: `${FILLER}${i}`,
      kind: 'theme',
      enabled: true,
      durationMs: 2000 + (seq % 1000) * 10,
      title: { en: `Filler ${seq}.${i}` },
      body: { en: words.join(' ').slice(0, 4000) },
    });
  }
  return next;
}

function settingsVersion(base: Settings, seq: number): Settings {
  // Each save gets its own pair of values, so a version on disk names the save it came from.
  return {
    ...base,
    idleTimeoutSec: 10 + (seq % 3591),
    countdownSec: 5 + (Math.floor(seq / 3591) % 116),
  };
}

async function readState(): Promise<Record<FileName, string>> {
  const [content, settings] = await Promise.all(
    FILES.map((name) => readFile(path.join(dataDir, name), 'utf8')),
  );
  return { 'content.json': content!, 'settings.json': settings! };
}

async function tempFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const dir of ['', LAST_GOOD_DIR]) {
    const names = await readdir(path.join(dataDir, dir)).catch(() => [] as string[]);
    found.push(...names.filter((name) => TEMP.test(name)).map((name) => path.join(dir, name)));
  }
  return found;
}

/** Each file parses, passes its schema, and is one of the allowed versions. */
function checkOnDisk(
  state: Record<FileName, string>,
  allowed: Record<FileName, string[]>,
  where: string,
): void {
  for (const name of FILES) {
    const text = state[name];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(
        `${where}: ${name} is not JSON (${(error as Error).message}), ${text.length} bytes`,
        { cause: error },
      );
    }
    const parsed = SCHEMAS[name].safeParse(json);
    expect(parsed.success, `${where}: ${name} fails the schema`).toBe(true);
    if (!allowed[name].includes(text)) {
      throw new Error(
        `${where}: ${name} is valid but neither the acknowledged version nor the one in flight`,
      );
    }
  }
}

it(`keeps content and settings whole through ${CYCLES} kill -9s during saves`, async () => {
  const random = seededRun('kill-during-save', SEED, () => {
    keep = true;
  });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fault-kill-'));
  const started = Date.now();
  const tally = {
    cycles: 0,
    acked: 0,
    inFlight: 0,
    midWrite: 0,
    tempsLeft: 0,
    old: 0,
    new: 0,
    byTimer: 0,
    byTempFile: 0,
  };
  let seq = 0;
  let leftByKill: string[] = [];

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const where = `cycle ${cycle} (seed ${SEED})`;
    host = await startServe(dataDir);
    const api = new ApiClient(host.url);

    // The host came up on what the last kill left: it swept the temp files and serves the files
    // on disk as they are, not a last good copy or the defaults.
    const stillThere = (await tempFiles()).filter((name) => leftByKill.includes(name));
    expect(stillThere, `${where}: temp files left by the kill were not swept`).toEqual([]);
    const served = await api.call('content:get');
    expect(served.status).toBe(200);
    expect(served.body.problems, `${where}: problems at start`).toEqual([]);
    const state = await readState();
    expect(served.body.content).toEqual(ContentFile.parse(JSON.parse(state['content.json'])));
    expect(served.body.settings).toEqual(Settings.parse(JSON.parse(state['settings.json'])));

    await api.signIn(PIN);
    const admin = await api.call('admin:get');
    expect(admin.status).toBe(200);
    let revision = admin.body.revision;
    const acked: Record<FileName, string> = { ...state };
    let inFlight: Version | undefined;
    const killer = killSwitch(host);
    const kill = () => killer.kill();

    // Half the kills come after a random delay; the others as a temp file appears, so that many
    // land between the temp file's creation and its rename.
    const byTempFile = random() < 0.5;
    let watchers: FSWatcher[] = [];
    if (byTempFile) {
      tally.byTempFile++;
      let skip = Math.floor(random() * 6);
      const lag = random();
      const onEvent = (_event: string, name: string | Buffer | null) => {
        if (killer.killed || typeof name !== 'string' || !TEMP.test(name) || skip-- > 0) return;
        if (lag < 0.4) kill();
        else if (lag < 0.7) setImmediate(kill);
        else setTimeout(kill, Math.floor(random() * 4));
      };
      watchers = ['', LAST_GOOD_DIR].map((dir) => watch(path.join(dataDir, dir), onEvent));
      // Never wait forever for a temp file that does not come.
      setTimeout(kill, 1500);
    } else {
      tally.byTimer++;
      setTimeout(kill, 5 + Math.floor(random() * 400));
    }

    const base = admin.body;
    while (!killer.killed) {
      seq++;
      const isSettings = random() < 0.25;
      const file: FileName = isSettings ? 'settings.json' : 'content.json';
      const name = isSettings ? 'settings:save' : 'content:save';
      const value = isSettings
        ? settingsVersion(base.settings, seq)
        : contentVersion(base.content, seq, random);
      inFlight = { file, text: serialize(SCHEMAS[file].parse(value)) };
      const input = isSettings
        ? { baseRevision: revision, settings: value }
        : { baseRevision: revision, content: value };
      let answer;
      try {
        answer = await api.call(name, input);
      } catch {
        break; // the connection died with the host
      }
      if (answer.status !== 200) {
        throw new Error(
          `${where}: ${name} refused (${answer.status}): ${JSON.stringify(answer.body)}`,
        );
      }
      acked[file] = inFlight.text;
      revision = answer.body.revision;
      inFlight = undefined;
      tally.acked++;
    }
    kill();
    await host.exited;
    for (const watcher of watchers) watcher.close();
    host = undefined;

    const after = await readState();
    const allowed: Record<FileName, string[]> = {
      'content.json': [acked['content.json']],
      'settings.json': [acked['settings.json']],
    };
    if (inFlight) allowed[inFlight.file].push(inFlight.text);
    checkOnDisk(after, allowed, where);
    for (const name of FILES) {
      const lastGood = await readFile(path.join(dataDir, LAST_GOOD_DIR, name), 'utf8');
      expect(SCHEMAS[name].safeParse(JSON.parse(lastGood)).success, `${where}: last-good`).toBe(
        true,
      );
    }
    if (inFlight) {
      tally.inFlight++;
      if (after[inFlight.file] === inFlight.text) tally.new++;
      else tally.old++;
    }
    leftByKill = await tempFiles();
    if (leftByKill.length > 0) tally.midWrite++;
    tally.tempsLeft += leftByKill.length;
    tally.cycles++;
  }

  // A last, clean start: it comes up on the last state, leaves no temp file, stops when asked.
  const last = await readState();
  host = await startServe(dataDir);
  const api = new ApiClient(host.url);
  const served = await api.call('content:get');
  expect(served.body.problems).toEqual([]);
  expect(served.body.content).toEqual(ContentFile.parse(JSON.parse(last['content.json'])));
  expect(await tempFiles()).toEqual([]);
  host.child.kill('SIGTERM');
  expect(await host.exited).toEqual({ code: 0, signal: null });
  host = undefined;
  const logs = await readdir(path.join(dataDir, 'logs'));
  expect(logs.length, 'log files pile up across restarts').toBeLessThanOrEqual(10);

  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `kill-during-save: ${tally.cycles} cycles in ${seconds} s (seed ${SEED}): ${tally.acked} saves acknowledged; ` +
      `kills with a save in flight ${tally.inFlight} (on disk: old ${tally.old}, new ${tally.new}); ` +
      `kills inside a write (temp file left) ${tally.midWrite}, ${tally.tempsLeft} temp files swept at the next start; ` +
      `kill triggers: timer ${tally.byTimer}, temp file ${tally.byTempFile}; never torn, never older than acknowledged`,
  );
  expect(tally.cycles).toBe(CYCLES);
  // The test means little unless many kills land while a save is under way.
  expect(tally.inFlight).toBeGreaterThan(CYCLES / 2);
  expect(tally.midWrite).toBeGreaterThan(0);
});
