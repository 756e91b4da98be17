/**
 * Fleet sync on one kiosk: poll a bundle's manifest, fetch what is missing, switch atomically.
 *
 * - The manifest is fetched with If-None-Match, so an unchanged bundle costs one small request.
 * - Only a bundle with a higher sequence than any taken is new (an old one served again is
 *   refused); only media not here with their sha256 are downloaded, if the disk has room.
 * - A sync has a deadline; when it ends, what it downloaded in part is removed.
 * - Content and shared settings switch as one step (revisions.ts); the player takes them at its
 *   next slide boundary. Any failure keeps the current content playing, is reported, and is
 *   retried with back-off. Old manifests and media are then removed, keeping the previous
 *   revision for "Roll back".
 */
import type { KeyObject } from 'node:crypto';
import {
  judgeSequence,
  sequenceOf,
  syncDeadlineMs,
  type Manifest,
  type SyncProgress,
  type SyncStatus,
} from '#core/bundle';
import type { Settings } from '#core/schema';
import type { ContentStore } from '../content-store.js';
import type { MediaLibrary } from '../media/media-library.js';
import { fetchManifest, SyncFailure } from './download.js';
import { parsePublicKey } from './keys.js';
import { fetchMissing } from './media-fetch.js';
import { previousForRollBack, resumeSwitch, switchTo, type Switching } from './revisions.js';
import { nextDelay, Runner, type SyncRun } from './sync-run.js';
import { SyncState } from './sync-state.js';

export { FLEET_DIR } from './sync-state.js';

/** A manifest that keeps changing while we sync is followed this many times, then next poll. */
const MAX_FOLLOW = 3;
/** How often the manifest is fetched without If-None-Match. */
const FULL_CHECK_EVERY_MS = 3_600_000;

export interface SyncOptions {
  dataDir: string;
  store: ContentStore;
  media: MediaLibrary;
  /** Give up on a request when no bytes arrive for this long (default 30 s). */
  idleTimeoutMs?: number;
  /** How long one sync may take in all (default: `syncDeadlineMs` of what it downloads). */
  deadlineMs?: number;
  now?: () => number;
  /** Told about each failure and switch, for the host's log. */
  log?(level: 'info' | 'warn', message: string): void;
  /** Called after the files are downloaded and before the switch (tests use it). */
  beforeSwitch?(manifest: Manifest): Promise<void> | void;
  /** Random factor for back-off jitter, 0..1 (default Math.random). */
  random?: () => number;
}

/** The sync client of one kiosk. */
export class FleetSync {
  private phase: SyncStatus['state'] = 'off';
  private lastCheckAt: number | undefined;
  private lastError: { message: string; at: number } | undefined;
  private refused: SyncStatus['refused'] = null;
  private nextCheckAt: number | undefined;
  private progress: SyncProgress | undefined;
  private failures = 0;
  private lastFullCheck = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private readonly runner: Runner;
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  private watched: { url?: string; interval: number; key?: string } | undefined;
  private readonly now: () => number;

  private constructor(
    private readonly options: SyncOptions,
    private readonly kept: SyncState,
  ) {
    this.now = options.now ?? Date.now;
    this.runner = new Runner(
      (run) => this.check(run),
      () => this.schedule(),
      () => options.deadlineMs ?? syncDeadlineMs(0),
      this.now,
    );
  }

  /** Load the saved state; call `start()` to begin polling. */
  static async open(options: SyncOptions): Promise<FleetSync> {
    const kept = await SyncState.open(options.dataDir, options.media.tempDir);
    const sync = new FleetSync(options, kept);
    await resumeSwitch(sync.switching());
    return sync;
  }

  /** Poll now and then every interval; follows changes of the sync settings. */
  start(): void {
    this.stopped = false;
    this.unsubscribe = this.options.store.onChange(({ settings }) =>
      this.settingsChanged(settings),
    );
    this.settingsChanged(this.options.store.snapshot().settings, true);
  }

  /** Stop polling and wait for a sync in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    await this.runner.interrupt('the kiosk is stopping');
  }

  /** What the sync is doing and how it went. */
  status(): SyncStatus {
    const url = this.settings().syncManifestUrl;
    const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
    const state = this.kept.value;
    return {
      state: url ? this.phase : 'off',
      manifestUrl: url ?? null,
      revision: state.current ?? null,
      sequence: state.current === undefined ? null : (state.sequence ?? 0),
      previousRevision: state.previous ?? null,
      rolledBackFrom: state.rolledBackFrom ?? null,
      lastCheckAt: iso(this.lastCheckAt),
      lastSyncAt: state.lastSyncAt ?? null,
      lastError: this.lastError
        ? { message: this.lastError.message, at: new Date(this.lastError.at).toISOString() }
        : null,
      refused: this.refused,
      nextCheckAt: url ? iso(this.nextCheckAt) : null,
      progress: this.progress ?? null,
    };
  }

  /**
   * Check the manifest now; resolves when it is done. A sync already running (perhaps stuck on
   * a slow server) is ended, what it downloaded in part is removed, and a fresh check starts.
   */
  syncNow(): Promise<void> {
    clearTimeout(this.timer);
    return this.runner.start();
  }

  /** Go back to the previous revision; the revision left is not taken again. */
  async rollBack(): Promise<void> {
    await this.runner.interrupt('staff rolled back');
    const { dataDir, media } = this.options;
    const { current } = this.kept.value;
    const manifest = await previousForRollBack(this.kept, dataDir, media);
    await switchTo(this.switching(), manifest, 'roll-back');
    this.options.log?.(
      'info',
      `fleet: rolled back from ${short(current)} to ${short(manifest.revision)}`,
    );
  }

  private switching(): Switching {
    return { kept: this.kept, store: this.options.store, now: this.now };
  }

  private settings(): Settings {
    return this.options.store.snapshot().settings;
  }

  private settingsChanged(settings: Settings, first = false): void {
    const next = {
      url: settings.syncManifestUrl,
      interval: settings.syncIntervalSec,
      key: settings.syncPublicKey,
    };
    const before = this.watched;
    this.watched = next;
    if (!first && JSON.stringify(before) === JSON.stringify(next)) return;
    this.failures = 0;
    if (!next.url) {
      clearTimeout(this.timer);
      this.phase = 'off';
      this.nextCheckAt = undefined;
      return;
    }
    if (this.phase === 'off') this.phase = 'idle';
    if (!this.runner.busy) void this.syncNow();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const { syncManifestUrl, syncIntervalSec } = this.settings();
    if (this.stopped || !syncManifestUrl) {
      this.nextCheckAt = undefined;
      return;
    }
    const random = this.options.random ?? Math.random;
    const delay = nextDelay(this.failures, syncIntervalSec * 1000, random);
    this.nextCheckAt = this.now() + delay;
    this.timer = setTimeout(() => void this.syncNow(), delay);
    this.timer.unref();
  }

  private async check(run: SyncRun): Promise<void> {
    const settings = this.settings();
    const url = settings.syncManifestUrl;
    if (!url) return;
    this.phase = 'checking';
    this.lastCheckAt = this.now();
    try {
      const publicKey = settings.syncPublicKey
        ? parsePublicKey(settings.syncPublicKey, 'The "Bundle public key" setting')
        : undefined;
      await this.follow(url, publicKey);
      this.failures = 0;
      this.lastError = undefined;
      this.refused = null;
      this.phase = 'idle';
    } catch (error) {
      if (run.interrupted) {
        // Ended on purpose (Sync now, Roll back, stop): not a failure of the server.
        this.phase = 'idle';
        return;
      }
      this.failures += 1;
      const message = error instanceof Error ? error.message : String(error);
      this.lastError = { message, at: this.now() };
      this.phase = 'error';
      this.options.log?.('warn', `fleet: ${message}`);
    } finally {
      this.progress = undefined;
      await this.kept
        .clearDownloads()
        .catch((error: unknown) => this.options.log?.('warn', `fleet: ${String(error)}`));
    }
  }

  // Fetch the manifest; when it is new, fetch its files, then look again before switching.
  private async follow(url: string, publicKey: KeyObject | undefined): Promise<void> {
    // Some servers make weak ETags (time in seconds and size): ask without one now and then.
    const full = this.now() - this.lastFullCheck >= FULL_CHECK_EVERY_MS;
    if (full) this.lastFullCheck = this.now();
    const etag = full ? undefined : this.kept.etagFor(url);
    let fetched = await fetchManifest(url, etag, publicKey, this.requestOptions());
    for (let round = 0; fetched; round += 1) {
      const { manifest, etag } = fetched;
      const judged = judgeSequence(manifest, this.kept.value);
      if (judged.verdict === 'same') {
        await this.kept.update({ etag: etag ? { url, value: etag } : undefined });
        return;
      }
      if (judged.verdict === 'refuse') {
        const at = new Date(this.now()).toISOString();
        this.refused = { revision: manifest.revision, sequence: sequenceOf(manifest), at };
        throw new SyncFailure(
          `refused the bundle at ${url}: ${judged.reason}. This kiosk keeps playing ${short(this.kept.value.current)}.`,
        );
      }
      await this.download(url, manifest);
      await this.options.beforeSwitch?.(manifest);
      // The manifest may have been replaced while we downloaded: switch only to the newest.
      const again = await fetchManifest(url, etag, publicKey, this.requestOptions());
      if (again && again.manifest.revision !== manifest.revision) {
        if (round + 1 >= MAX_FOLLOW) {
          throw new SyncFailure(`${url} kept changing during the sync; trying again later`);
        }
        fetched = again;
        continue;
      }
      await this.switchTo(manifest, etag ? { url, value: etag } : undefined);
      return;
    }
  }

  private async download(manifestUrl: string, manifest: Manifest): Promise<void> {
    await fetchMissing({
      manifestUrl,
      manifest,
      dataDir: this.options.dataDir,
      media: this.options.media,
      downloadsDir: this.kept.downloadsDir,
      request: { ...this.requestOptions(), signal: this.runner.run!.signal },
      onStart: (progress) => {
        this.progress = progress;
        if (progress.filesTotal > 0) this.phase = 'downloading';
        // The deadline grows with what must be downloaded.
        if (this.options.deadlineMs === undefined && progress.bytesTotal > 0) {
          this.runner.run?.setDeadline(syncDeadlineMs(progress.bytesTotal));
        }
      },
      onFile: (ref) => this.kept.downloaded(ref),
    });
  }

  private requestOptions(): { idleTimeoutMs: number; signal?: AbortSignal } {
    return { idleTimeoutMs: this.options.idleTimeoutMs ?? 30_000, signal: this.runner.run?.signal };
  }

  private async switchTo(manifest: Manifest, etag: { url: string; value: string } | undefined) {
    await switchTo(this.switching(), manifest, 'sync', etag);
    this.options.log?.('info', `fleet: switched to revision ${short(manifest.revision)}`);
    await this.kept
      .cleanUp(this.options.media)
      .catch((error: unknown) =>
        this.options.log?.('warn', `fleet: clean-up failed: ${String(error)}`),
      );
  }
}

function short(revision: string | undefined): string {
  return revision ? revision.slice(0, 12) : 'none';
}
