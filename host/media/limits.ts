/**
 * How big uploads may be, how many may run at once, and how long an idle one is kept.
 */
import { KioskError } from '#core/errors';
import { MAX_UPLOAD_CHUNK_BYTES, MEDIA_SIZE_LIMITS } from '#core/limits';
import type { MediaKind } from '#core/media-types';
import { formatMB } from '#core/units';

/** Sizes and counts the library enforces. */
export interface MediaLimits {
  /** Largest picture, in bytes. */
  image: number;
  /** Largest video, in bytes. */
  video: number;
  /** Largest captions file, in bytes. */
  captions: number;
  /** Largest chunk accepted, in bytes; also the size clients are told to send. */
  chunkSize: number;
  /** Uploads in progress at once. */
  maxUploads: number;
  /** An upload with no chunk for this long is removed. */
  abandonAfterMs: number;
  /** Part files left in `uploads/` this old are removed at start. */
  sweepAfterMs: number;
}

/** The limits used unless others are given. */
export const DEFAULT_LIMITS: Readonly<MediaLimits> = {
  ...MEDIA_SIZE_LIMITS,
  chunkSize: MAX_UPLOAD_CHUNK_BYTES,
  maxUploads: 4,
  abandonAfterMs: 10 * 60_000,
  sweepAfterMs: 60 * 60_000,
};

const KIND_LABEL: Record<MediaKind, string> = {
  image: 'pictures',
  video: 'videos',
  captions: 'captions files',
};

/** The kind with the largest size limit: what a size is checked against before its type is known. */
export function largestKind(limits: MediaLimits): MediaKind {
  return (Object.keys(KIND_LABEL) as MediaKind[]).reduce((a, b) => (limits[b] > limits[a] ? b : a));
}

/** The refusal for a file of `size` bytes over its kind's limit, if it is over. */
export function overLimit(
  limits: MediaLimits,
  name: string,
  size: number,
  kind: MediaKind,
): KioskError | undefined {
  const limit = limits[kind];
  if (size <= limit) return undefined;
  return new KioskError(
    'too-large',
    `${name} is ${formatMB(size)}; the limit for ${KIND_LABEL[kind]} is ${formatMB(limit)}`,
    [],
    { limit },
  );
}
