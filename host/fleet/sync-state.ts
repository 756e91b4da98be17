/**
 * What fleet sync keeps on disk in `<dataDir>/fleet/`: its state file and the manifests of the
 * revisions it may need again (the one playing and the one kept for "Roll back").
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import { sequenceOf, type Manifest } from '#core/bundle';
import { sweepTempFiles, writeAtomic } from '../atomic-write.js';
import type { MediaLibrary } from '../media/media-library.js';
import { parseManifest } from './manifest-io.js';

/** Where fleet state lives inside the data folder. */
export const FLEET_DIR = 'fleet';
const STATE_FILE = 'state.json';
const MANIFESTS_DIR = 'manifests';
const DOWNLOADS_DIR = 'downloads';

/** The state file's contents. */
export const PersistedState = z.object({
  etag: z.optional(z.object({ url: z.string(), value: z.string() })),
  current: z.optional(z.string()),
  /** The sequence of the revision playing. */
  sequence: z.optional(z.number()),
  /** The highest sequence ever taken; a roll back does not lower it. */
  highest: z.optional(z.number()),
  previous: z.optional(z.string()),
  rolledBackFrom: z.optional(z.string()),
  lastSyncAt: z.optional(z.string()),
  /** A switch begun and not yet recorded (a crash cut it): see revisions.ts. */
  pending: z.optional(z.object({ revision: z.string(), kind: z.enum(['sync', 'roll-back']) })),
  /** Media references the fleet brought (only these are ever cleaned up). */
  downloaded: z._default(z.array(z.string()), []),
});
export type PersistedState = z.infer<typeof PersistedState>;

/** The fleet folder of one kiosk: its state, kept manifests, and the media the fleet brought. */
export class SyncState {
  private state: PersistedState = { downloaded: [] };
  private readonly dir: string;

  private constructor(dataDir: string) {
    this.dir = path.join(dataDir, FLEET_DIR);
  }

  /**
   * Create the folder, clear what writes and downloads cut by a crash left (also downloads
   * older versions kept in `legacyDownloads`), and read the state.
   */
  static async open(dataDir: string, legacyDownloads?: string): Promise<SyncState> {
    const kept = new SyncState(dataDir);
    const { dir } = kept;
    await mkdir(path.join(dir, MANIFESTS_DIR), { recursive: true });
    // Downloads a crash or kill cut short, whatever their age: no sync is running yet.
    await kept.clearDownloads();
    for (const name of legacyDownloads ? await readdir(legacyDownloads).catch(() => []) : []) {
      if (name.endsWith('.sync')) await rm(path.join(legacyDownloads!, name), { force: true });
    }
    // Temp files of writes cut short by a crash; manifests/ keeps only what clean-up keeps.
    await sweepTempFiles(dir, [STATE_FILE]);
    for (const name of await readdir(path.join(dir, MANIFESTS_DIR))) {
      if (/\.json\.\d+$/.test(name)) await rm(path.join(dir, MANIFESTS_DIR, name), { force: true });
    }
    const text = await readFile(path.join(dir, STATE_FILE), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      try {
        const parsed = PersistedState.safeParse(JSON.parse(text));
        if (parsed.success) kept.state = parsed.data;
      } catch {
        // A damaged state file only costs a full check: the content on disk is still valid.
      }
    }
    if (kept.state.highest === undefined) await kept.recoverSequence();
    return kept;
  }

  // State from before sequences, or lost: the kept manifests still say what was taken (a bundle
  // published without a number counts as 0), so an old bundle cannot slip in after a crash.
  // With the playing revision lost too, the newest kept bundle itself may come again.
  private async recoverSequence(): Promise<void> {
    const { current } = this.state;
    const kept = await readdir(path.join(this.dir, MANIFESTS_DIR));
    const taken: number[] = [];
    for (const name of kept.filter((file) => /^[a-f0-9]{64}\.json$/.test(file))) {
      const manifest = await this.manifest(name.slice(0, -'.json'.length));
      if (manifest) taken.push(sequenceOf(manifest));
    }
    if (taken.length === 0) return;
    const playing = current === undefined ? undefined : await this.manifest(current);
    await this.update({
      sequence: playing ? sequenceOf(playing) : undefined,
      highest: Math.max(...taken) - (current === undefined ? 1 : 0),
    });
  }

  /** Where files are written while they download. */
  get downloadsDir(): string {
    return path.join(this.dir, DOWNLOADS_DIR);
  }

  /** Remove every partial download (a sync ended, or none is running). */
  async clearDownloads(): Promise<void> {
    await rm(this.downloadsDir, { recursive: true, force: true });
    await mkdir(this.downloadsDir, { recursive: true });
  }

  /** The state as saved. */
  get value(): Readonly<PersistedState> {
    return this.state;
  }

  /** The ETag last seen for `url`. */
  etagFor(url: string): string | undefined {
    return this.state.etag?.url === url ? this.state.etag.value : undefined;
  }

  /** Change some fields and save. */
  async update(change: Partial<PersistedState>): Promise<void> {
    this.state = { ...this.state, ...change };
    await this.save();
  }

  /** Note a media file the fleet brought (only those are ever cleaned up). */
  async downloaded(ref: string): Promise<void> {
    if (this.state.downloaded.includes(ref)) return;
    await this.update({ downloaded: [...this.state.downloaded, ref] });
  }

  /** Keep a revision's manifest for later (roll back, clean-up). */
  keepManifest(manifest: Manifest): Promise<void> {
    return writeAtomic(this.manifestPath(manifest.revision), `${JSON.stringify(manifest)}\n`);
  }

  /** A kept manifest, read through the schema; undefined when it is gone or not valid. */
  async manifest(revision: string): Promise<Manifest | undefined> {
    const text = await readFile(this.manifestPath(revision), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    const parsed = parseManifest(text, `revision ${revision}`);
    return parsed.ok ? parsed.manifest : undefined;
  }

  /** Keep the manifests of the current and previous revisions and the media they use. */
  async cleanUp(media: MediaLibrary): Promise<void> {
    const keep = [this.state.current, this.state.previous].filter((r): r is string => !!r);
    const used = new Set<string>();
    for (const revision of keep) {
      const manifest = await this.manifest(revision);
      for (const file of manifest?.files ?? []) used.add(file.ref);
    }
    const unused = this.state.downloaded.filter((ref) => !used.has(ref));
    await media.removeUnused(unused);
    await this.update({ downloaded: this.state.downloaded.filter((ref) => used.has(ref)) });
    const dir = path.join(this.dir, MANIFESTS_DIR);
    for (const name of await readdir(dir)) {
      if (!keep.some((revision) => name === `${revision}.json`))
        await rm(path.join(dir, name), { force: true });
    }
  }

  private save(): Promise<void> {
    return writeAtomic(path.join(this.dir, STATE_FILE), `${JSON.stringify(this.state, null, 2)}\n`);
  }

  private manifestPath(revision: string): string {
    return path.join(this.dir, MANIFESTS_DIR, `${revision}.json`);
  }
}
