/**
 * Reading a content or settings file the way the store does, turning every failure into problems.
 */
import { readFile } from 'node:fs/promises';
import type * as z from 'zod/mini';
import type { MigrationResult } from '#core/migrations';
import { problemsFromZod, type Problem } from '#core/problems';

type ReadResult<T> =
  { ok: true; value: T; text: string; migratedFrom?: number } | { ok: false; problems: Problem[] };

/** Brings a parsed file up to the current schema version. */
export type Migrate = (json: unknown) => MigrationResult;

/** A file's text as last read or written, with the value it parses to. */
export interface Known<T> {
  text: string;
  value: T;
}

/**
 * Read a JSON file, migrate it, and parse it with a schema, turning every failure into problems.
 * When the text is exactly `known.text`, its value is reused instead of parsing the same text again.
 */
export async function readValidated<S extends z.ZodMiniType>(
  file: string,
  source: string,
  schema: S,
  migrate?: Migrate,
  known?: Known<z.output<S>>,
): Promise<ReadResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'file is missing' : `cannot read the file (${code ?? String(error)})`;
    return { ok: false, problems: [{ source, path: '$', message }] };
  }
  if (known !== undefined && text === known.text) return { ok: true, value: known.value, text };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [{ source, path: '$', message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  let migratedFrom: number | undefined;
  if (migrate) {
    const migrated = migrate(json);
    if (!migrated.ok) {
      return {
        ok: false,
        problems: [{ source, path: '$.schemaVersion', message: migrated.message }],
      };
    }
    json = migrated.value;
    if (migrated.migrated) migratedFrom = migrated.from;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: problemsFromZod(source, parsed.error) };
  if (migratedFrom === undefined) return { ok: true, value: parsed.data, text };
  return { ok: true, value: parsed.data, text: serialize(json), migratedFrom };
}

/** A write error in words for staff. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'the kiosk may not write to its data folder';
  if (code === 'EROFS') return 'the data folder is read-only';
  return code ?? String(error);
}

/** How content files are written: indented for people, with a final newline. */
export function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
