/**
 * Fleet sync on one kiosk: poll a bundle's manifest, fetch what is missing, switch atomically.
 *
 * - The manifest is fetched with If-None-Match, so an unchanged bundle costs one small request.
 * - Only media not already here are downloaded; each is checked against its size and sha256
 *   before it is used, then moved into the media library.
 * - When every file is present, the content and shared settings are switched in with one change
 *   (the player takes it at its next slide boundary).
 * - Any failure keeps the current content playing, is reported, and is retried with back-off.
 * - After a switch, old manifests and media the fleet brought are removed, keeping the previous
 *   revision for "Roll back".
 */
import type { KeyObject } from 'node:crypto';
import {
  judgeSequence,
  sequenceOf,
  type Manifest,
  type SyncProgress,
  type SyncStatus,
} from '../../core/bundle.js';
import { KioskError } from '../../core/errors.js';
import type { Settings } from '../../core/schema.js';
import type { ContentStore } from '../content-store.js';
import type { MediaLibrary } from '../media/media-library.js';
import { fetchManifest, SyncFailure } from './download.js';
import { parsePublicKey } from './keys.js';
import { fetchMissing } from './media-fetch.js';
import { SyncState } from './sync-state.js';

export { FLEET_DIR } from './sync-state.js';

/** First retry after a failure; doubles each time up to the larger of the interval and 5 min. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_FLOOR_MS = 300_000;
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
  private running: Promise<void> | undefined;
  private stopped = false;
  private unsubscribe: (() => void) | undefined;
  private watched: { url?: string; interval: number; key?: string } | undefined;
  private readonly now: () => number;

  private constructor(
    private readonly options: SyncOptions,
    private readonly kept: SyncState,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Load the saved state; call `start()` to begin polling. */
  static async open(options: SyncOptions): Promise<FleetSync> {
    return new FleetSync(options, await SyncState.open(options.dataDir));
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
    await this.running?.catch(() => undefined);
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

  /** Check the manifest now (one check at a time); resolves when it is done. */
  syncNow(): Promise<void> {
    if (this.running) return this.running;
    clearTimeout(this.timer);
    this.running = this.check().finally(() => {
      this.running = undefined;
      this.schedule();
    });
    return this.running;
  }

  /** Go back to the previous revision; the revision left is not taken again. */
  async rollBack(): Promise<void> {
    await this.running?.catch(() => undefined);
    const { previous, current } = this.kept.value;
    if (!previous) {
      throw new KioskError('not-found', 'There is no previous revision to roll back to.');
    }
    const manifest = await this.kept.manifest(previous);
    if (!manifest) {
      throw new KioskError(
        'failed',
        `The previous revision ${short(previous)} is no longer on this kiosk.`,
      );
    }
    for (const file of manifest.files) {
      if (!(await this.options.media.present(file.ref, file.size))) {
        throw new KioskError(
          'failed',
          `The previous revision's file ${file.path} is no longer on this kiosk.`,
        );
      }
    }
    await this.options.store.applyFleet(manifest.content, manifest.settings);
    await this.kept.update({
      current: previous,
      sequence: sequenceOf(manifest),
      previous: undefined,
      rolledBackFrom: current,
      lastSyncAt: new Date(this.now()).toISOString(),
    });
    this.options.log?.('info', `fleet: rolled back from ${short(current)} to ${short(previous)}`);
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
    if (
      !first &&
      before &&
      before.url === next.url &&
      before.interval === next.interval &&
      before.key === next.key
    ) {
      return;
    }
    this.failures = 0;
    if (!next.url) {
      clearTimeout(this.timer);
      this.phase = 'off';
      this.nextCheckAt = undefined;
      return;
    }
    if (this.phase === 'off') this.phase = 'idle';
    if (this.running) return;
    void this.syncNow();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const { syncManifestUrl, syncIntervalSec } = this.settings();
    if (this.stopped || !syncManifestUrl) {
      this.nextCheckAt = undefined;
      return;
    }
    const interval = syncIntervalSec * 1000;
    let delay = interval;
    if (this.failures > 0) {
      const cap = Math.max(interval, MAX_RETRY_FLOOR_MS);
      const base = Math.min(cap, FIRST_RETRY_MS * 2 ** (this.failures - 1));
      // ±20% so a fleet that lost its server does not come back in lockstep.
      delay = Math.round(base * (0.8 + 0.4 * (this.options.random ?? Math.random)()));
    }
    this.nextCheckAt = this.now() + delay;
    this.timer = setTimeout(() => void this.syncNow(), delay);
    this.timer.unref();
  }

  private async check(): Promise<void> {
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
      this.failures += 1;
      const message = error instanceof Error ? error.message : String(error);
      this.lastError = { message, at: this.now() };
      this.phase = 'error';
      this.options.log?.('warn', `fleet: ${message}`);
    } finally {
      this.progress = undefined;
    }
  }

  // Fetch the manifest; when it is new, fetch its files, then look again before switching.
  private async follow(url: string, publicKey: KeyObject | undefined): Promise<void> {
    // Some servers make weak ETags (time in seconds and size): ask without one now and then.
    const full = this.now() - this.lastFullCheck >= FULL_CHECK_EVERY_MS;
    if (full) this.lastFullCheck = this.now();
    let fetched = await this.fetchManifest(
      url,
      full ? undefined : this.kept.etagFor(url),
      publicKey,
    );
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
      const again = await this.fetchManifest(url, etag, publicKey);
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

  private fetchManifest(url: string, etag: string | undefined, publicKey: KeyObject | undefined) {
    return fetchManifest(url, etag, publicKey, this.requestOptions());
  }

  private async download(manifestUrl: string, manifest: Manifest): Promise<void> {
    await fetchMissing({
      manifestUrl,
      manifest,
      media: this.options.media,
      request: this.requestOptions(),
      onStart: (progress) => {
        this.progress = progress;
        if (progress.filesTotal > 0) this.phase = 'downloading';
      },
      onFile: (ref) => this.kept.downloaded(ref),
    });
  }

  private requestOptions(): { idleTimeoutMs: number } {
    return { idleTimeoutMs: this.options.idleTimeoutMs ?? 30_000 };
  }

  private async switchTo(manifest: Manifest, etag: { url: string; value: string } | undefined) {
    await this.kept.keepManifest(manifest);
    await this.options.store.applyFleet(manifest.content, manifest.settings);
    const sequence = sequenceOf(manifest);
    await this.kept.update({
      etag,
      current: manifest.revision,
      sequence,
      highest: Math.max(this.kept.value.highest ?? 0, sequence),
      previous: this.kept.value.current,
      rolledBackFrom: undefined,
      lastSyncAt: new Date(this.now()).toISOString(),
    });
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
