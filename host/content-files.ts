/**
 * The content store's files on disk: seeding an empty data folder, and reading one file with its
 * fallbacks (the file itself, else its last good copy, else the shipped default).
 */
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type * as z from 'zod/mini';
import type { Problem } from '#core/problems';
import { writeAtomic } from './atomic-write.js';
import { readValidated, type Known, type Migrate } from './read-validated.js';

export const CONTENT_FILE = 'content.json';
export const SETTINGS_FILE = 'settings.json';
/** Folder inside the data folder that holds the last valid copy of each file. */
export const LAST_GOOD_DIR = 'last-good';

/** The data folder, and the shipped assets folder holding `content/<file>` defaults. */
export interface ContentFolders {
  dataDir: string;
  assetsDir: string;
}

/** One file as the kiosk plays it, and what was wrong with the file itself. */
export interface Loaded<T> {
  value: T;
  text: string;
  problems: Problem[];
  /** The file itself was valid (its text is what the data folder holds now). */
  valid: boolean;
}

/** Create the data folder if needed and copy in the shipped default of each missing file. */
export async function seedDataDir({ dataDir, assetsDir }: ContentFolders): Promise<void> {
  await mkdir(path.join(dataDir, LAST_GOOD_DIR), { recursive: true });
  const present = new Set(await readdir(dataDir));
  for (const name of [CONTENT_FILE, SETTINGS_FILE]) {
    if (!present.has(name)) {
      await writeAtomic(
        path.join(dataDir, name),
        await readFile(path.join(assetsDir, 'content', name)),
      );
    }
  }
}

/**
 * Read one file: the file itself if valid (kept as the last good copy; migrated in place), else
 * its last good copy, else the shipped default. `known`: the file's text as last read, whose
 * value is reused when the text has not changed.
 */
export async function loadContentFile<S extends z.ZodMiniType>(
  { dataDir, assetsDir }: ContentFolders,
  name: string,
  schema: S,
  migrate?: Migrate,
  known?: Known<z.output<S>>,
): Promise<Loaded<z.output<S>>> {
  const file = path.join(dataDir, name);
  const primary = await readValidated(file, name, schema, migrate, known);
  if (primary.ok) {
    if (primary.migratedFrom !== undefined) {
      // Keep the file as it was before the migration, then write the migrated version.
      const original = path.join(dataDir, LAST_GOOD_DIR, `${name}.v${primary.migratedFrom}`);
      await writeAtomic(original, await readFile(file));
      await writeAtomic(file, primary.text);
    }
    await keepLastGood(path.join(dataDir, LAST_GOOD_DIR, name), primary.text);
    return { value: primary.value, text: primary.text, problems: [], valid: true };
  }
  const problems = primary.problems;
  const lastGood = await readValidated(
    path.join(dataDir, LAST_GOOD_DIR, name),
    name,
    schema,
    migrate,
  );
  if (lastGood.ok) {
    problems.push({ source: name, path: '$', message: 'playing the last good copy instead' });
    return { value: lastGood.value, text: lastGood.text, problems, valid: false };
  }
  const shipped = await readValidated(path.join(assetsDir, 'content', name), name, schema, migrate);
  if (!shipped.ok)
    throw new Error(`the shipped default ${name} is invalid: ${shipped.problems[0]?.message}`);
  problems.push({ source: name, path: '$', message: 'playing the default content instead' });
  return { value: shipped.value, text: shipped.text, problems, valid: false };
}

async function keepLastGood(file: string, text: string): Promise<void> {
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== text) await writeAtomic(file, text);
}
