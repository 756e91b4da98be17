/**
 * The media library: files staff upload, stored by their sha256 in `<dataDir>/media/`.
 *
 * Uploads arrive in chunks (the same calls over HTTP and Electron IPC, with progress), are
 * written to `<dataDir>/uploads/`, judged by their bytes, then moved into place with a rename.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { KioskError } from '#core/errors';
import { EMPTY_FILE_MESSAGE } from '#core/media';
import type { Problem } from '#core/problems';
import { fsyncDir, sweepTempFiles, writeAtomic } from '../atomic-write.js';
import { convertUpload } from './convert.js';
import { detectFile, sniffHead } from './detect.js';
import { describe, loadIndex, sweepOld } from './load-index.js';
import { byNewest, fileOfRef, INDEX_FILE, serializeIndex, type MediaItem } from './media-index.js';
import { DEFAULT_LIMITS, largestKind, overLimit, type MediaLimits } from './limits.js';
import { displayName } from './names.js';
import { Upload } from './upload.js';

/** Where the library lives and how it behaves. */
export interface MediaLibraryOptions {
  dataDir: string;
  /** The clock, epoch ms (default `Date.now`). */
  now?: () => number;
  limits?: Partial<MediaLimits>;
}

/** A finished upload's item; `existing` when the same bytes were already in the library. */
export type StoredItem = MediaItem & { existing?: true };

/** Uploaded pictures, videos and captions, and the uploads in progress. */
export class MediaLibrary {
  private readonly items = new Map<string, MediaItem>();
  private readonly uploads = new Map<string, Upload>();
  private readonly found: Problem[] = [];
  private readonly limits: MediaLimits;
  private readonly now: () => number;
  private readonly mediaDir: string;
  private readonly uploadsDir: string;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  private constructor(options: MediaLibraryOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
    this.mediaDir = path.join(options.dataDir, 'media');
    this.uploadsDir = path.join(options.dataDir, 'uploads');
  }

  /** Open the library: create its folders, clear leftovers and load the index. */
  static async open(options: MediaLibraryOptions): Promise<MediaLibrary> {
    const library = new MediaLibrary(options);
    const { mediaDir, uploadsDir, limits } = library;
    await mkdir(mediaDir, { recursive: true });
    await mkdir(uploadsDir, { recursive: true });
    await sweepTempFiles(mediaDir, [INDEX_FILE]);
    await sweepOld(uploadsDir, limits.sweepAfterMs, library.now());
    const loaded = await loadIndex(mediaDir, limits.captions);
    for (const item of loaded.items) library.items.set(item.ref, item);
    library.found.push(...loaded.problems);
    if (loaded.changed) await library.saveIndex();
    const every = Math.min(60_000, limits.abandonAfterMs);
    library.timer = setInterval(() => void library.sweepAbandoned().catch(() => undefined), every);
    library.timer.unref();
    return library;
  }

  /** Every uploaded file, newest first. */
  list(): MediaItem[] {
    return [...this.items.values()].sort(byNewest);
  }

  /** The record of an uploaded file. */
  get(ref: string): MediaItem | undefined {
    return this.items.get(ref);
  }

  /** Whether a reference names an uploaded file. */
  has(ref: string): boolean {
    return this.items.has(ref);
  }

  /** Be told after a file is added or removed; returns a function that stops listening. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What was wrong with the library on disk when it was opened. */
  problems(): Problem[] {
    return [...this.found];
  }

  /** Start an upload of `size` bytes; `name` is kept for display only. */
  begin(name: string, size: number): { uploadId: string; chunkSize: number } {
    const shown = displayName(String(name));
    if (size === 0) throw new KioskError('invalid-input', `${shown}: ${EMPTY_FILE_MESSAGE}`);
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new KioskError(
        'invalid-input',
        `The size of ${shown} must be a whole number of bytes.`,
      );
    }
    const refusal = overLimit(this.limits, shown, size, largestKind(this.limits));
    if (refusal) throw refusal;
    this.expireAbandoned();
    if (this.uploads.size >= this.limits.maxUploads) {
      throw new KioskError(
        'conflict',
        `${this.limits.maxUploads} uploads are already in progress; wait for one to finish, then try again.`,
        [],
        { maxUploads: this.limits.maxUploads },
      );
    }
    const uploadId = randomUUID();
    const partFile = path.join(this.uploadsDir, `${uploadId}.part`);
    this.uploads.set(uploadId, Upload.start(uploadId, shown, size, partFile, this.now()));
    return { uploadId, chunkSize: this.limits.chunkSize };
  }

  /** Add the bytes at `offset`, which must be where the previous chunk ended. */
  async chunk(uploadId: string, offset: number, bytes: Uint8Array): Promise<{ received: number }> {
    const upload = this.upload(uploadId);
    if (!(bytes instanceof Uint8Array) || bytes.length > this.limits.chunkSize) {
      throw new KioskError(
        'invalid-input',
        `A chunk must be at most ${this.limits.chunkSize} bytes.`,
      );
    }
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new KioskError('invalid-input', 'A chunk offset must be a whole number of bytes.');
    }
    return upload.serial(async () => {
      this.upload(uploadId);
      upload.lastActivity = this.now();
      try {
        await upload.append(offset, bytes);
      } catch (error) {
        if (error instanceof KioskError) throw error;
        await this.abort(upload);
        throw new KioskError('failed', `Could not save ${upload.name}: ${describe(error)}.`);
      }
      upload.lastActivity = this.now();
      await this.sniff(upload);
      return { received: upload.received };
    });
  }

  /**
   * Check the complete upload and add it to the library; identical bytes give the item already
   * there, marked `existing` (with its first name and date).
   */
  async finish(uploadId: string): Promise<StoredItem> {
    const upload = this.upload(uploadId);
    return upload.serial(async () => {
      this.upload(uploadId);
      upload.lastActivity = this.now();
      if (upload.received !== upload.size) {
        throw new KioskError(
          'invalid-input',
          `The upload of ${upload.name} ended at ${upload.received} of ${upload.size} bytes; send the rest, then finish again.`,
          [],
          { received: upload.received, size: upload.size },
        );
      }
      this.uploads.delete(uploadId);
      try {
        return await this.store(upload);
      } catch (error) {
        await upload.discard().catch(() => undefined);
        if (error instanceof KioskError) throw error;
        throw new KioskError('failed', `Could not store ${upload.name}: ${describe(error)}.`);
      }
    });
  }

  /** Stop an upload in progress: its slot is freed and its bytes removed at once. */
  async cancel(uploadId: string): Promise<void> {
    const upload = this.upload(uploadId);
    await upload.serial(async () => {
      if (this.uploads.get(uploadId) === upload) await this.abort(upload);
    });
  }

  /** Remove an uploaded file, unless slides use it (`usedBy`: the slides, as people name them). */
  delete(ref: string, usedBy: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const item = this.items.get(ref);
      if (!item) throw new KioskError('not-found', `There is no uploaded file ${ref}.`);
      if (usedBy.length > 0) {
        throw new KioskError('in-use', `${item.name} is used by slides: ${usedBy.join(', ')}`, [], {
          slides: [...usedBy],
        });
      }
      const file = path.join(this.mediaDir, fileOfRef(ref));
      // Moved aside first, so a failed index write can put it back and nothing is lost.
      const trash = path.join(this.uploadsDir, `${randomUUID()}.deleted`);
      const moved = await rename(file, trash).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw new KioskError('failed', `Could not delete ${item.name}: ${describe(error)}.`);
        },
      );
      this.items.delete(ref);
      try {
        await this.saveIndex();
      } catch (error) {
        this.items.set(ref, item);
        if (moved) await rename(trash, file).catch(() => undefined);
        throw new KioskError('failed', `Could not delete ${item.name}: ${describe(error)}.`);
      }
      if (moved) await rm(trash, { force: true });
      this.changed();
    });
  }

  /**
   * Add a file whose bytes were already checked elsewhere (a fleet download verified against its
   * sha256): `tempFile` is moved into the library under the item's reference.
   */
  adopt(tempFile: string, item: MediaItem): Promise<MediaItem> {
    return this.serial(async () => {
      await rename(tempFile, path.join(this.mediaDir, fileOfRef(item.ref)));
      await fsyncDir(this.mediaDir);
      const known = this.items.get(item.ref);
      if (known) return known;
      this.items.set(item.ref, item);
      await this.saveIndex();
      this.changed();
      return item;
    });
  }

  /** Remove files no content uses any more (fleet clean-up); unknown references are ignored. */
  removeUnused(refs: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const gone = refs.filter((ref) => this.items.delete(ref));
      if (gone.length === 0) return;
      await this.saveIndex();
      for (const ref of gone) await rm(path.join(this.mediaDir, fileOfRef(ref)), { force: true });
      this.changed();
    });
  }

  /** Where uploads in progress are kept (fleet downloads of older versions were kept here too). */
  get tempDir(): string {
    return this.uploadsDir;
  }

  /** Remove uploads that have had no chunk for the abandon time; resolves when their files are gone. */
  async sweepAbandoned(): Promise<number> {
    const stale = this.expireAbandoned();
    await Promise.all(stale);
    return stale.length;
  }

  private expireAbandoned(): Promise<void>[] {
    const cutoff = this.now() - this.limits.abandonAfterMs;
    const stale = [...this.uploads.values()].filter((upload) => upload.lastActivity < cutoff);
    return stale.map((upload) => this.drop(upload));
  }

  // Forget an upload now; its part file goes once any step in progress on it is done.
  private drop(upload: Upload): Promise<void> {
    this.uploads.delete(upload.id);
    return upload.serial(() => upload.discard()).catch(() => undefined);
  }

  /** Stop the sweeper and remove uploads in progress. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.uploads.values()].map((upload) => this.drop(upload)));
  }

  private upload(uploadId: string): Upload {
    const upload = typeof uploadId === 'string' ? this.uploads.get(uploadId) : undefined;
    if (upload && upload.lastActivity >= this.now() - this.limits.abandonAfterMs) return upload;
    if (upload) void this.drop(upload);
    throw new KioskError(
      'not-found',
      'This upload is not in progress (it finished, failed or was abandoned); start it again.',
    );
  }

  // Judge the first bytes as soon as there are enough, so a 400 MB file of the wrong type or
  // size is refused now rather than after it has all been sent.
  private async sniff(upload: Upload): Promise<void> {
    const head = upload.headToJudge();
    if (!head) return;
    const verdict = await sniffHead(head);
    upload.judged(verdict.ok !== 'unknown');
    if (verdict.ok === 'unknown') return;
    const refusal = verdict.ok
      ? overLimit(this.limits, upload.name, upload.size, verdict.type.kind)
      : verdict.error;
    if (refusal) {
      await this.abort(upload);
      throw refusal;
    }
  }

  private async store(upload: Upload): Promise<StoredItem> {
    let sha256 = await upload.complete();
    const verdict = await detectFile(upload.partFile, upload.size, this.limits.captions);
    if (!verdict.ok) throw verdict.error;
    const { kind, mime, ext, from } = verdict.type;
    const refusal = overLimit(this.limits, upload.name, upload.size, kind);
    if (refusal) throw refusal;
    let size = upload.size;
    if (from) {
      // The part file becomes the converted file, so every path below handles it the same.
      const converted = await convertUpload(upload.partFile, from);
      await writeDurably(upload.partFile, converted);
      sha256 = createHash('sha256').update(converted).digest('hex');
      size = converted.length;
    }
    const file = `${sha256}.${ext}`;
    const ref = `media:${file}`;
    const target = path.join(this.mediaDir, file);
    return this.serial(async () => {
      const existing = await stat(target).catch(() => undefined);
      const moved = !(existing?.isFile() && existing.size === size);
      if (moved) {
        await rename(upload.partFile, target);
        await fsyncDir(this.mediaDir);
      } else {
        await upload.discard();
      }
      // The same bytes again keep the first upload's name and date.
      const known = this.items.get(ref);
      if (known) return { ...known, existing: true };
      const uploadedAt = new Date(this.now()).toISOString();
      const item: MediaItem = { ref, kind, mime, size, name: upload.name, uploadedAt };
      this.items.set(ref, item);
      try {
        await this.saveIndex();
      } catch (error) {
        this.items.delete(ref);
        // A file the index does not list must not stay either: the upload failed, and the next
        // start would otherwise adopt it under its hash as name (a full disk fails here).
        if (moved) await rm(target, { force: true }).catch(() => undefined);
        throw error;
      }
      this.changed();
      return item;
    });
  }

  private async abort(upload: Upload): Promise<void> {
    this.uploads.delete(upload.id);
    await upload.discard().catch(() => undefined);
  }

  // A listener's failure is its own: the change is already saved.
  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // ignored, see above
      }
    }
  }

  private saveIndex(): Promise<void> {
    return writeAtomic(path.join(this.mediaDir, INDEX_FILE), serializeIndex(this.list()));
  }

  // Index changes and file moves run one at a time, so a delete and a finish cannot interleave.
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

// Replace a file's bytes and flush them, so a rename after this never exposes a half-written file.
async function writeDurably(file: string, bytes: Buffer): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
