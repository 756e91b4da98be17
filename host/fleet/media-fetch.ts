/**
 * Fetching the media a bundle lists that this kiosk does not have yet, into the media library.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, SyncProgress } from '../../core/bundle.js';
import type { MediaLibrary } from '../media/media-library.js';
import { downloadFile, type RequestOptions } from './download.js';

/** What to fetch and whom to tell. */
export interface FetchMissing {
  manifestUrl: string;
  manifest: Manifest;
  media: MediaLibrary;
  request: RequestOptions;
  /** Told what is missing before the first byte is fetched; the object then counts up. */
  onStart(progress: SyncProgress): void;
  /** Told after each file is in the library. */
  onFile(ref: string): Promise<void>;
}

/** Download each missing file, check it, and move it into the media library. */
export async function fetchMissing(options: FetchMissing): Promise<void> {
  const { manifestUrl, manifest, media } = options;
  const missing = [];
  for (const file of manifest.files) {
    if (!(await media.present(file.ref, file.size))) missing.push(file);
  }
  const progress: SyncProgress = {
    filesDone: 0,
    filesTotal: missing.length,
    bytesDone: 0,
    bytesTotal: missing.reduce((sum, file) => sum + file.size, 0),
  };
  options.onStart(progress);
  await mkdir(media.tempDir, { recursive: true });
  for (const file of missing) {
    const fileUrl = new URL(file.path, manifestUrl).href;
    const temp = path.join(media.tempDir, `${randomUUID()}.sync`);
    try {
      await downloadFile(fileUrl, { name: file.path, size: file.size, sha256: file.sha256 }, temp, {
        ...options.request,
        onBytes: (n) => {
          progress.bytesDone += n;
        },
      });
      const { path: _path, sha256: _sha, ...rest } = file;
      await media.adopt(temp, { ...rest, uploadedAt: manifest.createdAt });
    } finally {
      await rm(temp, { force: true });
    }
    progress.filesDone += 1;
    await options.onFile(file.ref);
  }
}
