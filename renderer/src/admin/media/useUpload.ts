/**
 * Upload files in chunks through the KioskApi, with the progress and outcome of each file.
 */
import { useCallback, useRef, useState } from 'react';
import type { KioskApi } from '#core/contract';
import { MAX_UPLOAD_NAME_LENGTH } from '#core/limits';
import { alreadyInLibraryMessage, EMPTY_FILE_MESSAGE } from '#core/media';
import { errorMessage } from '../ui/error-message';

/** One file's upload as staff see it. */
export interface UploadEntry {
  key: number;
  name: string;
  size: number;
  /** Bytes the host has received. */
  sent: number;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  /** Why it failed (the host's message), or, when done, that it was already in the library. */
  message?: string;
}

/** The uploads of this visit, and how to start more. */
export interface Uploads {
  entries: UploadEntry[];
  /** Whether any file is still waiting or uploading. */
  busy: boolean;
  /** Queue files for upload; resolves once they are all done or failed. */
  add(files: readonly File[]): Promise<void>;
  /** Forget finished and failed entries. */
  clearFinished(): void;
}

const SHORT_NAME_START = 200;

/** The name sent with an upload: at most 255 characters, keeping its start and its extension. */
export function shortName(name: string): string {
  if (name.length <= MAX_UPLOAD_NAME_LENGTH) return name;
  // The start, an ellipsis, and as much of the end as still fits (the extension and more).
  const end = MAX_UPLOAD_NAME_LENGTH - SHORT_NAME_START - 1;
  return `${name.slice(0, SHORT_NAME_START)}…${name.slice(-end)}`;
}

/**
 * Send each file with media:upload-begin, media:upload-chunk per slice, media:upload-finish; an
 * upload that fails half-way is cancelled (media:upload-cancel).
 */
export function useUpload(api: KioskApi, onUploaded: () => unknown): Uploads {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const nextKey = useRef(1);
  // One file at a time: progress stays meaningful and the host's upload slots stay free.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const patch = useCallback((key: number, change: Partial<UploadEntry>) => {
    setEntries((all) => all.map((entry) => (entry.key === key ? { ...entry, ...change } : entry)));
  }, []);

  const send = useCallback(
    async (key: number, file: File) => {
      if (file.size === 0) {
        patch(key, { state: 'failed', message: EMPTY_FILE_MESSAGE });
        return;
      }
      patch(key, { state: 'uploading' });
      let uploadId: string | undefined;
      try {
        const started = await api.invoke('media:upload-begin', {
          name: shortName(file.name),
          size: file.size,
        });
        uploadId = started.uploadId;
        const { chunkSize } = started;
        for (let offset = 0; offset < file.size; offset += chunkSize) {
          const bytes = new Uint8Array(await file.slice(offset, offset + chunkSize).arrayBuffer());
          const { received } = await api.invoke('media:upload-chunk', { uploadId, offset, bytes });
          patch(key, { sent: received });
        }
        const stored = await api.invoke('media:upload-finish', { uploadId });
        patch(key, {
          state: 'done',
          sent: file.size,
          ...(stored.existing && { message: alreadyInLibraryMessage(stored.name) }),
        });
      } catch (error) {
        // Free the host's upload slot now rather than when it expires (the host may already have
        // ended it, after a refusal: then this is refused too, and that is fine).
        if (uploadId) void api.invoke('media:upload-cancel', { uploadId }).catch(() => undefined);
        patch(key, {
          state: 'failed',
          message: errorMessage(error),
        });
      }
    },
    [api, patch],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return queue.current;
      const batch = files.map((file) => ({ key: nextKey.current++, file }));
      setEntries((all) => [
        ...all,
        ...batch.map(({ key, file }) => ({
          key,
          name: file.name,
          size: file.size,
          sent: 0,
          state: 'waiting' as const,
        })),
      ]);
      queue.current = queue.current
        .then(async () => {
          for (const { key, file } of batch) await send(key, file);
          await onUploaded();
        })
        .catch(() => undefined);
      return queue.current;
    },
    [send, onUploaded],
  );

  return {
    entries,
    busy: entries.some((entry) => entry.state === 'waiting' || entry.state === 'uploading'),
    add,
    clearFinished: () =>
      setEntries((all) => all.filter((e) => e.state === 'waiting' || e.state === 'uploading')),
  };
}
