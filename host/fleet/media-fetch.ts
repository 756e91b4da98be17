/**
 * Fetching the media a bundle lists that this kiosk does not have yet, into the media library.
 *
 * A file already here is reused only when its bytes match the sha256 the manifest names. Before
 * the first byte is fetched the disk must have room for every missing file plus a margin.
 */
import { randomUUID } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { SYNC_DISK_MARGIN, type BundleFile, type Manifest, type SyncProgress } from '#core/bundle';
import { fileOfRef } from '../media/media-index.js';
import type { MediaLibrary } from '../media/media-library.js';
import { formatMB } from '../media/names.js';
import { downloadFile, SyncFailure, type RequestOptions } from './download.js';
import { hashFile } from './manifest-io.js';

/** What to fetch, where, and whom to tell. */
export interface FetchMissing {
  manifestUrl: string;
  manifest: Manifest;
  dataDir: string;
  media: MediaLibrary;
  /** Where files are written while they download (emptied when each sync ends). */
  downloadsDir: string;
  request: RequestOptions & { signal: AbortSignal };
  /** Told what is missing before the first byte is fetched; the object then counts up. */
  onStart(progress: SyncProgress): void;
  /** Told after each file is in the library. */
  onFile(ref: string): Promise<void>;
}

/** Whether the library holds a bundle file with exactly the bytes the manifest names. */
export async function intact(dataDir: string, media: MediaLibrary, file: BundleFile) {
  if (!media.has(file.ref)) return false;
  const where = path.join(dataDir, 'media', fileOfRef(file.ref));
  const found = await hashFile(where).catch(() => undefined);
  return found?.sha256 === file.sha256 && found.size === file.size;
}

/** Download each missing file, check it, and move it into the media library. */
export async function fetchMissing(options: FetchMissing): Promise<void> {
  const { manifestUrl, manifest, media, request } = options;
  const missing = [];
  for (const file of manifest.files) {
    if (!(await intact(options.dataDir, media, file))) missing.push(file);
  }
  const progress: SyncProgress = {
    filesDone: 0,
    filesTotal: missing.length,
    bytesDone: 0,
    bytesTotal: missing.reduce((sum, file) => sum + file.size, 0),
  };
  if (missing.length > 0) await checkRoom(options, progress);
  options.onStart(progress);
  for (const file of missing) {
    request.signal.throwIfAborted();
    const fileUrl = new URL(file.path, manifestUrl).href;
    const temp = path.join(options.downloadsDir, `${randomUUID()}.part`);
    await downloadFile(fileUrl, { name: file.path, size: file.size, sha256: file.sha256 }, temp, {
      ...request,
      onBytes: (n) => {
        progress.bytesDone += n;
      },
    });
    const { path: _path, sha256: _sha, ...rest } = file;
    await media.adopt(temp, { ...rest, uploadedAt: manifest.createdAt });
    progress.filesDone += 1;
    await options.onFile(file.ref);
  }
}

// Refuse a bundle that would fill the disk, before a single byte of it is downloaded.
async function checkRoom(options: FetchMissing, progress: SyncProgress): Promise<void> {
  const disk = await statfs(options.downloadsDir);
  const free = disk.bavail * disk.bsize;
  const margin = Math.max(
    SYNC_DISK_MARGIN.bytes,
    disk.blocks * disk.bsize * SYNC_DISK_MARGIN.fraction,
  );
  // The manifest is written three times more: kept, and as content and settings.
  const needed = progress.bytesTotal + 3 * JSON.stringify(options.manifest).length;
  if (needed + margin <= free) return;
  throw new SyncFailure(
    `the bundle does not fit on this kiosk: its ${progress.filesTotal} new files need ${formatMB(needed)}, the disk of ${options.dataDir} has ${formatMB(free)} free, and the kiosk keeps ${formatMB(margin)} free; nothing was downloaded (free some space, or publish a smaller bundle)`,
  );
}
