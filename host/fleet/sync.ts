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
import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import * as z from 'zod/mini';
import type { Manifest, SyncProgress, SyncStatus } from '../../core/bundle.js';
import { KioskError } from '../../core/errors.js';
import { formatProblem } from '../../core/problems.js';
import type { Settings } from '../../core/schema.js';
import { sweepTempFiles, writeAtomic } from '../atomic-write.js';
import type { ContentStore } from '../content-store.js';
import type { MediaLibrary } from '../media/media-library.js';
import { parsePublicKey } from './keys.js';
import { parseManifest } from './manifest-io.js';

/** Where fleet state lives inside the data folder. */
export const FLEET_DIR = 'fleet';
const STATE_FILE = 'state.json';
const MANIFESTS_DIR = 'manifests';
/** A manifest larger than this is refused (it would not be one of ours). */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/** First retry after a failure; doubles each time up to the larger of the interval and 5 min. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_FLOOR_MS = 300_000;
/** A manifest that keeps changing while we sync is followed this many times, then next poll. */
const MAX_FOLLOW = 3;
/** How often the manifest is fetched without If-None-Match. */
const FULL_CHECK_EVERY_MS = 3_600_000;

const PersistedState = z.object({
  etag: z.optional(z.object({ url: z.string(), value: z.string() })),
  current: z.optional(z.string()),
  previous: z.optional(z.string()),
  rolledBackFrom: z.optional(z.string()),
  lastSyncAt: z.optional(z.string()),
  /** Media references the fleet brought (only these are ever cleaned up). */
  downloaded: z._default(z.array(z.string()), []),
});
type PersistedState = z.infer<typeof PersistedState>;

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

/** A failure to report: the message is for people and says what and where. */
class SyncFailure extends Error {}

/** The sync client of one kiosk. */
export class FleetSync {
  private state: PersistedState = { downloaded: [] };
  private phase: SyncStatus['state'] = 'off';
  private lastCheckAt: number | undefined;
  private lastError: { message: string; at: number } | undefined;
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
  private readonly dir: string;

  private constructor(private readonly options: SyncOptions) {
    this.now = options.now ?? Date.now;
    this.dir = path.join(options.dataDir, FLEET_DIR);
  }

  /** Load the saved state; call `start()` to begin polling. */
  static async open(options: SyncOptions): Promise<FleetSync> {
    const sync = new FleetSync(options);
    await mkdir(path.join(sync.dir, MANIFESTS_DIR), { recursive: true });
    // Temp files of writes cut short by a crash; manifests/ keeps only what clean-up keeps.
    await sweepTempFiles(sync.dir, [STATE_FILE]);
    for (const name of await readdir(path.join(sync.dir, MANIFESTS_DIR))) {
      if (/\.json\.\d+$/.test(name))
        await rm(path.join(sync.dir, MANIFESTS_DIR, name), { force: true });
    }
    const text = await readFile(path.join(sync.dir, STATE_FILE), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      try {
        const parsed = PersistedState.safeParse(JSON.parse(text));
        if (parsed.success) sync.state = parsed.data;
      } catch {
        // A damaged state file only costs a full check: the content on disk is still valid.
      }
    }
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
    await this.running?.catch(() => undefined);
  }

  /** What the sync is doing and how it went. */
  status(): SyncStatus {
    const url = this.settings().syncManifestUrl;
    const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
    return {
      state: url ? this.phase : 'off',
      manifestUrl: url ?? null,
      revision: this.state.current ?? null,
      previousRevision: this.state.previous ?? null,
      rolledBackFrom: this.state.rolledBackFrom ?? null,
      lastCheckAt: iso(this.lastCheckAt),
      lastSyncAt: this.state.lastSyncAt ?? null,
      lastError: this.lastError
        ? { message: this.lastError.message, at: new Date(this.lastError.at).toISOString() }
        : null,
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
    const { previous, current } = this.state;
    if (!previous) {
      throw new KioskError('not-found', 'There is no previous revision to roll back to.');
    }
    const text = await readFile(this.manifestPath(previous), 'utf8').catch(() => undefined);
    const parsed = text === undefined ? undefined : parseManifest(text, `revision ${previous}`);
    if (!parsed?.ok) {
      throw new KioskError(
        'failed',
        `The previous revision ${short(previous)} is no longer on this kiosk.`,
      );
    }
    for (const file of parsed.manifest.files) {
      if (!(await this.options.media.present(file.ref, file.size))) {
        throw new KioskError(
          'failed',
          `The previous revision's file ${file.path} is no longer on this kiosk.`,
        );
      }
    }
    await this.options.store.applyFleet(parsed.manifest.content, parsed.manifest.settings);
    this.state = {
      ...this.state,
      current: previous,
      previous: undefined,
      rolledBackFrom: current,
      lastSyncAt: new Date(this.now()).toISOString(),
    };
    await this.saveState();
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
    let fetched = await this.fetchManifest(url, full ? undefined : this.etagFor(url), publicKey);
    for (let round = 0; fetched; round += 1) {
      const { manifest, etag } = fetched;
      if (
        manifest.revision === this.state.current ||
        manifest.revision === this.state.rolledBackFrom
      ) {
        await this.remember({ etag: etag ? { url, value: etag } : undefined });
        return;
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

  private etagFor(url: string): string | undefined {
    return this.state.etag?.url === url ? this.state.etag.value : undefined;
  }

  /** The manifest, or undefined when the server says it did not change (304). */
  private async fetchManifest(
    url: string,
    etag: string | undefined,
    publicKey: KeyObject | undefined,
  ): Promise<{ manifest: Manifest; etag: string | undefined } | undefined> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (etag) headers['if-none-match'] = etag;
    const response = await this.request(url, headers);
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    const bytes = await this.readAll(url, response, MAX_MANIFEST_BYTES);
    const parsed = parseManifest(new TextDecoder().decode(bytes), 'manifest.json', publicKey);
    if (!parsed.ok) {
      const first = parsed.problems.slice(0, 3).map(formatProblem).join('; ');
      throw new SyncFailure(`the manifest at ${url} was refused: ${first}`);
    }
    return { manifest: parsed.manifest, etag: response.headers.get('etag') ?? undefined };
  }

  private async download(manifestUrl: string, manifest: Manifest): Promise<void> {
    const missing = [];
    for (const file of manifest.files) {
      if (!(await this.options.media.present(file.ref, file.size))) missing.push(file);
    }
    const progress: SyncProgress = {
      filesDone: 0,
      filesTotal: missing.length,
      bytesDone: 0,
      bytesTotal: missing.reduce((sum, file) => sum + file.size, 0),
    };
    this.progress = progress;
    if (missing.length > 0) this.phase = 'downloading';
    await mkdir(this.options.media.tempDir, { recursive: true });
    for (const file of missing) {
      const fileUrl = new URL(file.path, manifestUrl).href;
      const temp = path.join(this.options.media.tempDir, `${randomUUID()}.sync`);
      try {
        await this.fetchFile(fileUrl, file.path, file.size, file.sha256, temp, (n) => {
          progress.bytesDone += n;
        });
        const { path: _path, sha256: _sha, ...rest } = file;
        await this.options.media.adopt(temp, { ...rest, uploadedAt: manifest.createdAt });
      } finally {
        await rm(temp, { force: true });
      }
      progress.filesDone += 1;
      if (!this.state.downloaded.includes(file.ref)) {
        this.state.downloaded = [...this.state.downloaded, file.ref];
        await this.saveState();
      }
    }
  }

  private async fetchFile(
    url: string,
    name: string,
    size: number,
    sha256: string,
    temp: string,
    onBytes: (n: number) => void,
  ): Promise<void> {
    const response = await this.request(url, {});
    if (!response.body) throw new SyncFailure(`${name}: the server sent no body`);
    const hash = createHash('sha256');
    const out = createWriteStream(temp, { flags: 'wx' });
    let received = 0;
    try {
      await this.eachChunk(url, response, (chunk) => {
        received += chunk.length;
        if (received > size) {
          throw new SyncFailure(
            `${name}: the server sent more than the ${size} bytes the manifest names`,
          );
        }
        hash.update(chunk);
        out.write(chunk);
        onBytes(chunk.length);
      });
    } finally {
      out.end();
      await finished(out).catch(() => undefined);
    }
    if (received !== size) {
      throw new SyncFailure(
        `${name}: got ${received} of ${size} bytes (the file on the server is cut short)`,
      );
    }
    if (hash.digest('hex') !== sha256) {
      throw new SyncFailure(
        `${name}: its sha256 does not match the manifest (the file on the server is not the one published)`,
      );
    }
  }

  // One request; errors become messages that name the address and what went wrong.
  private idleController: AbortController | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private async request(url: string, headers: Record<string, string>): Promise<Response> {
    this.idleController = new AbortController();
    this.touch();
    let response: Response;
    try {
      response = await fetch(url, {
        headers,
        signal: this.idleController.signal,
        redirect: 'follow',
      });
    } catch (error) {
      clearTimeout(this.idleTimer);
      throw new SyncFailure(`cannot reach ${url}: ${networkReason(error)}`);
    }
    if (response.status !== 200 && response.status !== 304) {
      clearTimeout(this.idleTimer);
      await response.body?.cancel().catch(() => undefined);
      throw new SyncFailure(`${url} answered ${response.status} ${response.statusText}`.trim());
    }
    return response;
  }

  // Restart the idle timer: a request is given up when no bytes arrive for the idle timeout.
  private touch(): void {
    clearTimeout(this.idleTimer);
    const controller = this.idleController;
    this.idleTimer = setTimeout(
      () => controller?.abort(new Error('timed out')),
      this.options.idleTimeoutMs ?? 30_000,
    );
    this.idleTimer.unref();
  }

  private async eachChunk(
    url: string,
    response: Response,
    use: (chunk: Uint8Array) => void,
  ): Promise<void> {
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        this.touch();
        use(chunk);
      }
    } catch (error) {
      if (error instanceof SyncFailure) throw error;
      throw new SyncFailure(`the download of ${url} broke off: ${networkReason(error)}`);
    } finally {
      clearTimeout(this.idleTimer);
    }
  }

  private async readAll(url: string, response: Response, limit: number): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let total = 0;
    await this.eachChunk(url, response, (chunk) => {
      total += chunk.length;
      if (total > limit)
        throw new SyncFailure(`${url} is larger than ${limit} bytes; it is not a bundle manifest`);
      chunks.push(chunk);
    });
    return Buffer.concat(chunks);
  }

  private async switchTo(manifest: Manifest, etag: PersistedState['etag']): Promise<void> {
    await writeAtomic(this.manifestPath(manifest.revision), `${JSON.stringify(manifest)}\n`);
    await this.options.store.applyFleet(manifest.content, manifest.settings);
    const previous = this.state.current;
    this.state = {
      ...this.state,
      etag,
      current: manifest.revision,
      previous,
      rolledBackFrom: undefined,
      lastSyncAt: new Date(this.now()).toISOString(),
    };
    await this.saveState();
    this.options.log?.('info', `fleet: switched to revision ${short(manifest.revision)}`);
    await this.cleanUp().catch((error: unknown) =>
      this.options.log?.('warn', `fleet: clean-up failed: ${String(error)}`),
    );
  }

  // Keep the manifests of the current and previous revisions and the media they use.
  private async cleanUp(): Promise<void> {
    const keep = [this.state.current, this.state.previous].filter((r): r is string => !!r);
    const used = new Set<string>();
    for (const revision of keep) {
      const text = await readFile(this.manifestPath(revision), 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      for (const file of (JSON.parse(text) as Manifest).files) used.add(file.ref);
    }
    const unused = this.state.downloaded.filter((ref) => !used.has(ref));
    await this.options.media.removeUnused(unused);
    this.state.downloaded = this.state.downloaded.filter((ref) => used.has(ref));
    await this.saveState();
    const dir = path.join(this.dir, MANIFESTS_DIR);
    for (const name of await readdir(dir)) {
      if (!keep.some((revision) => name === `${revision}.json`))
        await rm(path.join(dir, name), { force: true });
    }
  }

  private manifestPath(revision: string): string {
    return path.join(this.dir, MANIFESTS_DIR, `${revision}.json`);
  }

  private async remember(change: Partial<PersistedState>): Promise<void> {
    this.state = { ...this.state, ...change };
    await this.saveState();
  }

  private saveState(): Promise<void> {
    return writeAtomic(path.join(this.dir, STATE_FILE), `${JSON.stringify(this.state, null, 2)}\n`);
  }
}

function short(revision: string | undefined): string {
  return revision ? revision.slice(0, 12) : 'none';
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'the server refused the connection (is it down?)';
  if (cause?.code === 'ENOTFOUND') return 'the server name is not known';
  if (cause?.message === 'timed out' || (error as Error).message === 'timed out')
    return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
