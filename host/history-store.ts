/**
 * The history store: one file per kept version in `<data>/history/`, newest `HISTORY_LIMIT` kept.
 *
 * Each version is written whole and atomically (`v<sequence>.json`, see atomic-write.ts); the
 * folder listing is the index, so a crash leaves every file either absent or complete. Files
 * that cannot be read or fail the schema are skipped and reported as problems, never fatal.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { HISTORY_LIMIT, HistoryVersion, type HistoryEntry, type SavedState } from '#core/history';
import { KioskError } from '#core/errors';
import { problemsFromZod, type Problem } from '#core/problems';
import { fsyncDir, writeAtomic } from './atomic-write.js';

/** The folder inside the data folder that holds the versions. */
export const HISTORY_DIR = 'history';

const VERSION_FILE = /^v(\d{12})\.json$/;
/** A temp file of an atomic write that a kill left behind: `v<sequence>.json.<digits>`. */
const TEMP_FILE = /^v\d{12}\.json\.\d+$/;

/** The file name of version `sequence`: zero-padded, so names sort as numbers do. */
export function versionFile(sequence: number): string {
  return `v${String(sequence).padStart(12, '0')}.json`;
}

/** What a new version says about itself; the store gives it its id. */
export type NewEntry = Omit<HistoryEntry, 'id'>;

/** Kept versions of content and settings, on disk. */
export class HistoryStore {
  /** Sequence numbers of every version file on disk, oldest first (readable or not). */
  private sequences: number[] = [];
  /** Readable versions by sequence. */
  private readonly entries = new Map<number, HistoryEntry>();
  private readonly unreadable = new Map<number, Problem[]>();
  /** Why the latest save could not be kept, until a later one is. */
  private failure: Problem | undefined;

  private constructor(
    private readonly dir: string,
    private readonly limit: number,
  ) {}

  /** Open the history in `dataDir`: sweep temp files, read every version, drop those past the limit. */
  static async open(dataDir: string, limit = HISTORY_LIMIT): Promise<HistoryStore> {
    const store = new HistoryStore(path.join(dataDir, HISTORY_DIR), limit);
    await mkdir(store.dir, { recursive: true });
    for (const name of await readdir(store.dir)) {
      if (TEMP_FILE.test(name)) await rm(path.join(store.dir, name), { force: true });
      const match = VERSION_FILE.exec(name);
      if (match) store.sequences.push(Number(match[1]));
    }
    store.sequences.sort((a, b) => a - b);
    await store.prune();
    for (const sequence of store.sequences) {
      const read = await store.read(sequence);
      if (read.ok) store.entries.set(sequence, entryOf(read.version));
      else store.unreadable.set(sequence, read.problems);
    }
    return store;
  }

  /** The readable versions, newest first. */
  list(): HistoryEntry[] {
    return [...this.entries.values()].reverse();
  }

  /** The newest readable version's entry, if any. */
  newest(): HistoryEntry | undefined {
    return this.entries.get(this.sequences.findLast((s) => this.entries.has(s)) ?? -1);
  }

  /** Version files that could not be read, each with what is wrong with it. */
  problems(): Problem[] {
    const found = [...this.unreadable.values()].flat();
    return this.failure ? [...found, this.failure] : found;
  }

  /** A save went through but could not be kept in the history: say so until one is kept. */
  reportFailure(error: unknown): void {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const message = `the latest save was not kept in the history (${code})`;
    this.failure = { source: HISTORY_DIR, path: '$', message };
  }

  /** One version, whole; a version that is gone or unreadable is a clear `not-found`. */
  async get(id: string): Promise<HistoryVersion> {
    const sequence = Number(id);
    if (!this.entries.has(sequence)) throw notFound(id);
    const read = await this.read(sequence);
    if (!read.ok) {
      this.entries.delete(sequence);
      this.unreadable.set(sequence, read.problems);
      throw notFound(id);
    }
    return read.version;
  }

  /** Keep a new version of `state`, then remove the oldest past the limit. */
  async record(state: SavedState, entry: NewEntry): Promise<HistoryEntry> {
    const sequence = (this.sequences.at(-1) ?? 0) + 1;
    const version: HistoryVersion = { id: String(sequence), ...entry, ...state };
    await writeAtomic(path.join(this.dir, versionFile(sequence)), `${JSON.stringify(version)}\n`);
    this.sequences.push(sequence);
    this.entries.set(sequence, entryOf(version));
    this.failure = undefined;
    await this.prune();
    return entryOf(version);
  }

  // Oldest first; a crash half-way leaves a few extra files, which the next prune removes.
  private async prune(): Promise<void> {
    const extra = this.sequences.length - this.limit;
    if (extra <= 0) return;
    for (const sequence of this.sequences.splice(0, extra)) {
      await rm(path.join(this.dir, versionFile(sequence)), { force: true });
      this.entries.delete(sequence);
      this.unreadable.delete(sequence);
    }
    await fsyncDir(this.dir);
  }

  private async read(
    sequence: number,
  ): Promise<{ ok: true; version: HistoryVersion } | { ok: false; problems: Problem[] }> {
    const name = versionFile(sequence);
    const source = `${HISTORY_DIR}/${name}`;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(this.dir, name), 'utf8'));
    } catch (error) {
      const message = `version skipped, cannot be read: ${(error as Error).message}`;
      return { ok: false, problems: [{ source, path: '$', message }] };
    }
    const parsed = HistoryVersion.safeParse(json);
    if (!parsed.success) {
      const problems = problemsFromZod(source, parsed.error).map((problem) => ({
        ...problem,
        message: `version skipped: ${problem.message}`,
      }));
      return { ok: false, problems };
    }
    if (parsed.data.id !== String(sequence)) {
      const message = `version skipped: its id ${parsed.data.id} does not match its file name`;
      return { ok: false, problems: [{ source, path: '$.id', message }] };
    }
    return { ok: true, version: parsed.data };
  }
}

function entryOf({ id, at, who, summary, restoredFrom }: HistoryVersion): HistoryEntry {
  return restoredFrom === undefined
    ? { id, at, who, summary }
    : { id, at, who, summary, restoredFrom };
}

function notFound(id: string): KioskError {
  return new KioskError(
    'not-found',
    `Version ${id} is no longer kept (only the last ${HISTORY_LIMIT} are). Reload the history.`,
  );
}
