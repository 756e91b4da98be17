/**
 * The content store: playlists and settings in a data folder, validated on every read.
 *
 * An empty folder is seeded from the shipped defaults. A file that is missing its fields, not
 * JSON, or otherwise invalid never stops the kiosk: the store keeps playing the last good copy
 * (or the defaults) and lists what was wrong, by file and JSON path, for staff.
 */
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as z from 'zod/mini';
import type { ContentSnapshot } from '#core/contract';
import { KioskError, ValidationError } from '#core/errors';
import { problemsFromZod } from '#core/problems';
import { migrateContent } from '#core/migrations';
import type { Author, HistoryVersion, SavedState } from '#core/history';
import { ContentFile, Settings } from '#core/schema';
import { sweepTempFiles, writeAtomic } from './atomic-write.js';
import {
  CONTENT_FILE,
  LAST_GOOD_DIR,
  loadContentFile,
  seedDataDir,
  SETTINGS_FILE,
  type Loaded,
} from './content-files.js';
import { keepVersion } from './content-history.js';
import { HistoryStore } from './history-store.js';
import { describeWriteError, serialize, type Known, type Migrate } from './read-validated.js';
import { replayJournal, SWITCH_JOURNAL, switchFiles } from './fleet/switch-journal.js';

export { readValidated, serialize } from './read-validated.js';
export { CONTENT_FILE, LAST_GOOD_DIR, SETTINGS_FILE } from './content-files.js';

/** Where the store keeps things. */
export interface StoreOptions {
  /** The kiosk's data folder (created and seeded when empty). */
  dataDir: string;
  /** The shipped assets folder, holding `content/content.json` and `content/settings.json`. */
  assetsDir: string;
  /** The clock for history times (tests set it). */
  now?: () => number;
}

const KIOSK: Author = { kind: 'kiosk' };

type Listener = (snapshot: ContentSnapshot) => void;

/** Reads, validates and watches the kiosk's content. */
export class ContentStore {
  private current!: ContentSnapshot;
  private readonly listeners = new Set<Listener>();
  private watcher: FSWatcher | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private changedBy: ContentSnapshot['changedBy'] = 'staff';
  // Each file's text as last read (when valid) or written, with its value: a read of the same
  // text is not parsed again, and a watcher event for the store's own write changes nothing.
  private readonly known = new Map<string, Known<unknown>>();
  private loads = 0;
  /** The versions kept after each save (history-store.ts). */
  history!: HistoryStore;

  private constructor(private readonly options: StoreOptions) {}

  /** Open the store: create and seed the data folder if needed, then load and validate it. */
  static async open(options: StoreOptions): Promise<ContentStore> {
    const store = new ContentStore(options);
    await seedDataDir(options);
    // A write killed half-way leaves its temp file, in the data folder or beside the last good copy.
    await sweepTempFiles(options.dataDir, [CONTENT_FILE, SETTINGS_FILE, SWITCH_JOURNAL]);
    await sweepTempFiles(path.join(options.dataDir, LAST_GOOD_DIR), [CONTENT_FILE, SETTINGS_FILE]);
    // A fleet switch cut short: finish it before anything is read.
    await replayJournal(options.dataDir, [CONTENT_FILE, SETTINGS_FILE]);
    store.history = await HistoryStore.open(options.dataDir);
    await store.load();
    return store;
  }

  /** The content the player should show now. */
  snapshot(): ContentSnapshot {
    return this.current;
  }

  /** Be told when the content changes; returns a function that stops listening. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** How many times the files were read into a new snapshot (one per save or edit on disk). */
  get reloads(): number {
    return this.loads;
  }

  /** Read the files again, if they changed on disk, and tell listeners when the revision changed. */
  reload(): Promise<ContentSnapshot> {
    return this.serial(() => this.reloadNow());
  }

  /**
   * Save playlists, if `baseRevision` is still current; resolves to the new snapshot. `content`
   * was parsed with the schema where it came in (the dispatch, for calls): it is not parsed again.
   */
  saveContent(
    baseRevision: string,
    content: ContentFile,
    author: Author = KIOSK,
  ): Promise<ContentSnapshot> {
    return this.save(CONTENT_FILE, baseRevision, content, author);
  }

  /** Save settings (parsed, as for saveContent), if `baseRevision` is still current. */
  saveSettings(
    baseRevision: string,
    settings: Settings,
    author: Author = KIOSK,
  ): Promise<ContentSnapshot> {
    return this.save(SETTINGS_FILE, baseRevision, settings, author);
  }

  /**
   * Bring back a kept version, by id or as just read from the history (content and settings
   * together, as one step through the fleet switch journal), if `baseRevision` is still current;
   * the restore is kept as a new version.
   */
  restore(
    baseRevision: string,
    from: string | HistoryVersion,
    author: Author = KIOSK,
  ): Promise<ContentSnapshot> {
    return this.serial(async () => {
      await this.checkBase(baseRevision);
      const version = typeof from === 'string' ? await this.history.get(from) : from;
      const before = this.saved();
      await this.switchTo({ [SETTINGS_FILE]: version.settings, [CONTENT_FILE]: version.content });
      const after = await this.reloadNow(true);
      await keepVersion(this.history, {
        before,
        after,
        author,
        restoredFrom: version.at,
        now: this.now(),
      });
      return after;
    });
  }

  /**
   * Switch to content and shared settings from a fleet bundle as one step: both texts go into a
   * journal first (replayed at the next start if a crash cuts the switch), then both files are
   * written and read once, so the player sees one change (marked as coming from the fleet).
   */
  applyFleet(
    content: ContentFile,
    shared: Partial<Settings>,
    sequence = 0,
  ): Promise<ContentSnapshot> {
    return this.serial(async () => {
      await this.reloadNow();
      const settings = Settings.safeParse({ ...this.current.settings, ...shared });
      if (!settings.success)
        throw new ValidationError(problemsFromZod(SETTINGS_FILE, settings.error));
      const parsed = ContentFile.safeParse(content);
      if (!parsed.success) throw new ValidationError(problemsFromZod(CONTENT_FILE, parsed.error));
      const before = this.saved();
      await this.switchTo({ [SETTINGS_FILE]: settings.data, [CONTENT_FILE]: parsed.data });
      this.changedBy = 'fleet';
      let after: ContentSnapshot;
      try {
        after = await this.reloadNow(true);
      } finally {
        this.changedBy = 'staff';
      }
      if (after.revision !== before.revision) {
        const author: Author = { kind: 'fleet', sequence };
        await keepVersion(this.history, { before, after, author, now: this.now() });
      }
      return after;
    });
  }

  /** Write parsed values to their files as one step (through the switch journal). */
  private async switchTo(values: Record<string, unknown>): Promise<void> {
    const { dataDir } = this.options;
    const texts = Object.fromEntries(
      Object.entries(values).map(([name, value]) => [name, serialize(value)]),
    );
    try {
      await switchFiles(dataDir, texts);
    } catch (error) {
      throw new KioskError(
        'failed',
        `Could not switch to the new content in ${dataDir}: ${describeWriteError(error)}.`,
      );
    }
    for (const [name, text] of Object.entries(texts)) {
      this.known.set(name, { text, value: values[name] });
    }
  }

  /** The state as saved now, for the history (with the revision, to tell whether a save changed it). */
  private saved(): SavedState & { revision: string } {
    const { content, settings, revision } = this.current;
    return { content, settings, revision };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async checkBase(baseRevision: string): Promise<void> {
    // Catch edits made on disk that the watcher has not delivered yet.
    await this.reloadNow();
    if (baseRevision !== this.current.revision) {
      throw new KioskError(
        'conflict',
        'Someone else saved changes since you opened this. Reload to see them, then make your change again.',
        [],
        { revision: this.current.revision },
      );
    }
  }

  private save(
    name: string,
    baseRevision: string,
    value: unknown,
    author: Author,
  ): Promise<ContentSnapshot> {
    return this.serial(async () => {
      await this.checkBase(baseRevision);
      const before = this.saved();
      const text = serialize(value);
      try {
        await writeAtomic(path.join(this.options.dataDir, name), text);
      } catch (error) {
        throw new KioskError(
          'failed',
          `Could not save ${name} in ${this.options.dataDir}: ${describeWriteError(error)}. Nothing was changed.`,
        );
      }
      this.known.set(name, { text, value });
      const after = await this.reloadNow(true);
      // A save that changed nothing is not a version.
      if (after.revision !== before.revision) {
        await keepVersion(this.history, { before, after, author, now: this.now() });
      }
      return after;
    });
  }

  /** Load the files (unless `force`, only when one changed on disk since it was last read). */
  private async reloadNow(force = false): Promise<ContentSnapshot> {
    if (!force && (await this.unchangedOnDisk())) {
      if (this.current.changedBy !== this.changedBy) {
        this.current = { ...this.current, changedBy: this.changedBy };
      }
      return this.current;
    }
    const before = this.current.revision;
    await this.load();
    if (this.current.revision !== before) {
      for (const listener of this.listeners) listener(this.current);
    }
    return this.current;
  }

  /** Whether both files still hold the valid text last read or written (a failed read: no). */
  private async unchangedOnDisk(): Promise<boolean> {
    for (const name of [CONTENT_FILE, SETTINGS_FILE]) {
      const known = this.known.get(name);
      if (known === undefined) return false;
      const text = await readFile(path.join(this.options.dataDir, name), 'utf8').catch(() => null);
      if (text !== known.text) return false;
    }
    return true;
  }

  // Loads and saves run one at a time, so a save's revision check and its write cannot interleave.
  private queue: Promise<unknown> = Promise.resolve();
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Watch the data folder so edits made on disk reach the player without a restart. */
  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.options.dataDir, (_event, name) => {
      if (name !== CONTENT_FILE && name !== SETTINGS_FILE) return;
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.reload().catch(() => undefined), 100);
    });
    this.watcher.on('error', () => undefined);
  }

  /** Stop watching. */
  close(): void {
    clearTimeout(this.reloadTimer);
    this.watcher?.close();
    this.watcher = undefined;
    this.listeners.clear();
  }

  private async load(): Promise<void> {
    this.loads++;
    const content = await this.loadFile(CONTENT_FILE, ContentFile, migrateContent);
    const settings = await this.loadFile(SETTINGS_FILE, Settings);
    const playlist =
      content.value.playlists.find((p) => p.id === content.value.defaultPlaylistId) ??
      content.value.playlists[0]!;
    const revision = createHash('sha256')
      .update(content.text)
      .update('\0')
      .update(settings.text)
      .digest('hex')
      .slice(0, 16);
    this.current = {
      revision,
      playlist,
      content: content.value,
      settings: settings.value,
      problems: [...content.problems, ...settings.problems],
      changedBy: this.changedBy,
    };
  }

  /** Read one file (content-files.ts), reusing its value when its text is the one last read. */
  private async loadFile<S extends z.ZodMiniType>(
    name: string,
    schema: S,
    migrate?: Migrate,
  ): Promise<Loaded<z.output<S>>> {
    const known = this.known.get(name) as Known<z.output<S>> | undefined;
    this.known.delete(name);
    const loaded = await loadContentFile(this.options, name, schema, migrate, known);
    if (loaded.valid) this.known.set(name, { text: loaded.text, value: loaded.value });
    return loaded;
  }
}
