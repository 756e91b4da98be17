/**
 * Fuzzing content files with fast-check, from a fixed seed (printed; `FUZZ_SEED=<n>` repeats
 * another run): 10,000 random and malformed content.json and settings.json texts (random bytes,
 * truncated files, wrong schema versions, mutated valid files, deep nesting, prototype keys) read
 * the way the store reads them (readValidated with the store's schemas and migration), then 400
 * more through the full ContentStore: reloaded over good content, and opened in a fresh folder.
 * Each gives problems that name the file and the JSON path of what is wrong, never an exception;
 * the store keeps its last good content (or the shipped default when there is none), and the bad
 * file stays byte for byte as staff left it, with nothing else written.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateContent } from '#core/migrations';
import { ContentFile, Settings } from '#core/schema';
import {
  CONTENT_FILE,
  ContentStore,
  LAST_GOOD_DIR,
  readValidated,
  SETTINGS_FILE,
} from '../host/content-store.js';
import { HISTORY_DIR } from '../host/history-store.js';
import { appPaths } from '../host/app-paths.js';
import { checkProblems, fileCaseArb, schemaOf, type FileName } from './support/fuzz-files.js';
import { excerpt } from './support/json-mutations.js';
import { changedFiles, snapshotDir } from './support/snapshot.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_514);
const FILE_RUNS = 10_000;
const STORE_RUNS = 200; // per scenario: reload over good content, and open in a fresh folder

const paths = appPaths();

describe('fuzz: content files', () => {
  let sandbox: string;
  let shipped: Record<FileName, string>;
  const cases = () => fileCaseArb(shipped);

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=<n> runs another one)`);
    sandbox = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fuzz-files-'));
    shipped = {
      [CONTENT_FILE]: await readFile(path.join(paths.assetsDir, 'content', CONTENT_FILE), 'utf8'),
      [SETTINGS_FILE]: await readFile(path.join(paths.assetsDir, 'content', SETTINGS_FILE), 'utf8'),
    };
  });

  afterAll(async () => {
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
  });

  it(`reads ${FILE_RUNS} random and malformed files as the store does: problems, never a throw`, async () => {
    const started = Date.now();
    const dir = path.join(sandbox, 'read');
    await mkdir(dir);
    const tally = { valid: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(cases(), async (c) => {
        const file = path.join(dir, c.file);
        await writeFile(file, c.bytes);
        const [schema, migrate] = schemaOf(c.file);
        const what = `${c.file}: ${c.label}: ${excerpt(c.bytes.toString('utf8'))}`;
        const result = await readValidated(file, c.file, schema, migrate);
        if (c.expectValid !== undefined) expect(result.ok, what).toBe(c.expectValid);
        if (result.ok) {
          tally.valid++;
          expect(schema.safeParse(result.value).success, what).toBe(true);
        } else {
          tally.refused++;
          checkProblems(c, result.problems, what);
        }
        expect((await readFile(file)).equals(c.bytes), `the file changed: ${what}`).toBe(true);
      }),
      { seed: SEED, numRuns: FILE_RUNS },
    );
    console.log(
      `fuzz files: ${FILE_RUNS} files read in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      tally,
    );
    expect(tally.valid).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(FILE_RUNS / 2);
  });

  it(`reloads ${STORE_RUNS} bad files over good content: keeps the last good copy, writes nothing`, async () => {
    const dataDir = path.join(sandbox, 'reload');
    const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
    const good = {
      [CONTENT_FILE]: store.snapshot().content,
      [SETTINGS_FILE]: store.snapshot().settings,
    };
    const valueOf = (file: FileName) =>
      file === CONTENT_FILE ? store.snapshot().content : store.snapshot().settings;
    try {
      await fc.assert(
        fc.asyncProperty(cases(), async (c) => {
          const what = `${c.file}: ${c.label}: ${excerpt(c.bytes.toString('utf8'))}`;
          const file = path.join(dataDir, c.file);
          const [schema, migrate] = schemaOf(c.file);
          const other = c.file === CONTENT_FILE ? SETTINGS_FILE : CONTENT_FILE;
          await writeFile(file, c.bytes);
          const verdict = await readValidated(file, c.file, schema, migrate);
          const before = await snapshotDir(dataDir);

          const snapshot = await store.reload();
          const after = await snapshotDir(dataDir);
          const problems = snapshot.problems.filter((p) => p.source === c.file);
          if (verdict.ok) {
            expect(problems, what).toEqual([]);
            expect(valueOf(c.file), what).toEqual(verdict.value);
            good[c.file] = verdict.value as never;
            // Only a migration rewrites the file (keeping the original beside the last good copy).
            const allowed = [`${LAST_GOOD_DIR}/${c.file}`];
            if (verdict.migratedFrom !== undefined) {
              allowed.push(c.file, `${LAST_GOOD_DIR}/${c.file}.v${verdict.migratedFrom}`);
            }
            expect(
              changedFiles(before, after).filter((f) => !allowed.includes(f)),
              what,
            ).toEqual([]);
          } else {
            checkProblems(c, verdict.problems, what);
            expect(problems, what).toEqual([
              ...verdict.problems,
              { source: c.file, path: '$', message: 'playing the last good copy instead' },
            ]);
            expect(valueOf(c.file), `not the last good copy: ${what}`).toEqual(good[c.file]);
            expect(changedFiles(before, after), `files written: ${what}`).toEqual([]);
            expect((await readFile(file)).equals(c.bytes), `the bad file changed: ${what}`).toBe(
              true,
            );
          }
          expect(valueOf(other), what).toEqual(good[other]);
        }),
        { seed: SEED + 1, numRuns: STORE_RUNS },
      );
    } finally {
      store.close();
    }
  });

  it(`opens ${STORE_RUNS} bad files with no good copy: plays the defaults, writes nothing`, async () => {
    const defaults = {
      [CONTENT_FILE]: ContentFile.parse(migrateContentOk(JSON.parse(shipped[CONTENT_FILE]))),
      [SETTINGS_FILE]: Settings.parse(JSON.parse(shipped[SETTINGS_FILE])),
    };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(cases(), async (c) => {
        const what = `${c.file}: ${c.label}: ${excerpt(c.bytes.toString('utf8'))}`;
        const dataDir = path.join(sandbox, `open-${n++}`);
        await mkdir(dataDir);
        const file = path.join(dataDir, c.file);
        await writeFile(file, c.bytes);
        const [schema, migrate] = schemaOf(c.file);
        const verdict = await readValidated(file, c.file, schema, migrate);
        const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
        try {
          const snapshot = store.snapshot();
          const value = c.file === CONTENT_FILE ? snapshot.content : snapshot.settings;
          const problems = snapshot.problems.filter((p) => p.source === c.file);
          const files = await snapshotDir(dataDir);
          const other = c.file === CONTENT_FILE ? SETTINGS_FILE : CONTENT_FILE;
          if (verdict.ok) {
            expect(problems, what).toEqual([]);
            expect(value, what).toEqual(verdict.value);
          } else {
            checkProblems(c, verdict.problems, what);
            expect(problems, what).toEqual([
              ...verdict.problems,
              { source: c.file, path: '$', message: 'playing the default content instead' },
            ]);
            expect(value, `not the defaults: ${what}`).toEqual(defaults[c.file]);
            expect((await readFile(file)).equals(c.bytes), `the bad file changed: ${what}`).toBe(
              true,
            );
            // Only the missing file was seeded: the bad one never became a last good copy. (The
            // history's folder is made at open; it stays empty until a save.)
            expect([...files.keys()].sort(), what).toEqual(
              [
                c.file,
                other,
                `${LAST_GOOD_DIR}/`,
                `${LAST_GOOD_DIR}/${other}`,
                `${HISTORY_DIR}/`,
              ].sort(),
            );
          }
        } finally {
          store.close();
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
      { seed: SEED + 2, numRuns: STORE_RUNS },
    );
  });
});

/** The shipped content, migrated to the current version. */
function migrateContentOk(json: unknown): unknown {
  const migrated = migrateContent(json);
  if (!migrated.ok) throw new Error(migrated.message);
  return migrated.value;
}
