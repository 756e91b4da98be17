/**
 * The one table of media types: each extension with its MIME type, its kind, whether the library
 * takes it as an upload, what it is stored as, and what the upload control offers for it.
 *
 * Everything else is derived from it: the extensions media references may carry, the MIME type
 * a file is served with, the host's detection, the bundle's kinds, the upload control's `accept`
 * list and the sentences that name the formats (with the size limits of core/limits.ts).
 */
import { MEDIA_SIZE_LIMITS } from './limits.js';
import { formatMB } from './units.js';

/** What a media file is used as. */
export const MEDIA_KINDS = ['image', 'video', 'captions'] as const;
/** What a media file is used as. */
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** One row of the table. */
interface MediaTypeRow {
  /** The file extension, lower case, without the dot. */
  readonly ext: string;
  /** The MIME type of a file with this extension. */
  readonly mime: string;
  readonly kind: MediaKind;
  /** How staff know it ("JPEG"); none for another spelling of a type already named. */
  readonly name?: string;
  /** What follows the name in the upload hint ("with H.264", ".vtt"). */
  readonly detail?: string;
  /** Whether the library takes an upload of this type (judged by its bytes, not its name). */
  readonly upload: boolean;
  /** Served under this extension: from uploads and shipped media, or shipped artwork only. */
  readonly served?: 'media' | 'builtin';
  /** The served type an upload is kept as: its bytes converted, or only renamed. */
  readonly becomes?: { readonly ext: string; readonly converted: boolean };
  /** What the upload control's `accept` lists for it (the host decides by the bytes anyway). */
  readonly accept: readonly string[];
}

const TABLE = [
  {
    ext: 'jpg',
    mime: 'image/jpeg',
    kind: 'image',
    name: 'JPEG',
    upload: true,
    served: 'media',
    accept: ['image/jpeg'],
  },
  { ext: 'jpeg', mime: 'image/jpeg', kind: 'image', upload: false, served: 'media', accept: [] },
  {
    ext: 'png',
    mime: 'image/png',
    kind: 'image',
    name: 'PNG',
    upload: true,
    served: 'media',
    accept: ['image/png'],
  },
  {
    ext: 'webp',
    mime: 'image/webp',
    kind: 'image',
    name: 'WebP',
    upload: true,
    served: 'media',
    accept: ['image/webp'],
  },
  {
    ext: 'avif',
    mime: 'image/avif',
    kind: 'image',
    name: 'AVIF',
    upload: true,
    served: 'media',
    accept: ['image/avif'],
  },
  {
    ext: 'gif',
    mime: 'image/gif',
    kind: 'image',
    name: 'GIF',
    upload: true,
    served: 'media',
    accept: ['image/gif'],
  },
  {
    ext: 'heic',
    mime: 'image/heic',
    kind: 'image',
    name: 'HEIC',
    upload: true,
    becomes: { ext: 'jpg', converted: true },
    accept: ['image/heic', 'image/heif', '.heic', '.heif'],
  },
  // SVG can carry scripts: only shipped artwork, never an upload.
  {
    ext: 'svg',
    mime: 'image/svg+xml',
    kind: 'image',
    upload: false,
    served: 'builtin',
    accept: [],
  },
  {
    ext: 'mp4',
    mime: 'video/mp4',
    kind: 'video',
    name: 'MP4',
    upload: true,
    served: 'media',
    accept: ['video/mp4'],
  },
  // Apple's names for the MP4 container: browsers play them as MP4 (the host checks the codecs).
  {
    ext: 'm4v',
    mime: 'video/x-m4v',
    kind: 'video',
    upload: true,
    becomes: { ext: 'mp4', converted: false },
    accept: [],
  },
  {
    ext: 'webm',
    mime: 'video/webm',
    kind: 'video',
    name: 'WebM',
    upload: true,
    served: 'media',
    accept: ['video/webm'],
  },
  {
    ext: 'mov',
    mime: 'video/quicktime',
    kind: 'video',
    name: 'iPhone MOV',
    detail: 'with H.264',
    upload: true,
    becomes: { ext: 'mp4', converted: false },
    accept: ['video/quicktime', '.mov'],
  },
  {
    ext: 'vtt',
    mime: 'text/vtt',
    kind: 'captions',
    name: 'WebVTT',
    detail: '.vtt',
    upload: true,
    served: 'media',
    accept: ['.vtt'],
  },
  {
    ext: 'srt',
    mime: 'application/x-subrip',
    kind: 'captions',
    name: 'SubRip',
    detail: '.srt',
    upload: true,
    becomes: { ext: 'vtt', converted: true },
    accept: ['.srt'],
  },
] as const satisfies readonly MediaTypeRow[];

/** A row of the media types table. */
export type MediaType = MediaTypeRow;

/** Every media type the kiosk knows, in the order the formats are named to staff. */
export const MEDIA_TYPES: readonly MediaType[] = TABLE;

type Row = (typeof TABLE)[number];
type ServedRow = Extract<Row, { served: 'media' }>;

/** An extension files are stored and served under. */
export type StoredExt = ServedRow['ext'];

/** What an upload's bytes are converted from before it is stored. */
export type ConvertedExt = Extract<Row, { becomes: { converted: true } }>['ext'];

/** The extensions files are stored and served under (SVG only for shipped artwork). */
export const STORED_EXTENSIONS: readonly StoredExt[] = TABLE.filter(
  (type): type is ServedRow => 'served' in type && type.served === 'media',
).map((type) => type.ext);

/** The row of an extension (`jpg`, `MOV`), if the table has one. */
export function mediaTypeOfExt(ext: string): MediaType | undefined {
  const lower = ext.toLowerCase();
  return MEDIA_TYPES.find((type) => type.ext === lower);
}

/** MIME type of a media file by its (already validated) extension. */
export function mediaType(file: string): string {
  const found = mediaTypeOfExt(file.slice(file.lastIndexOf('.') + 1));
  return found?.mime ?? 'application/octet-stream';
}

/** The served type an upload of this type is kept as (itself, unless it becomes another). */
export function storedTypeOf(type: MediaType): MediaType {
  return type.becomes ? mediaTypeOfExt(type.becomes.ext)! : type;
}

/** The types the library takes as uploads. */
export const UPLOAD_TYPES: readonly MediaType[] = MEDIA_TYPES.filter((type) => type.upload);

/** The file types the upload control offers (the host decides by the bytes, not this list). */
export const UPLOAD_ACCEPT = UPLOAD_TYPES.flatMap((type) => type.accept).join(',');

/** How each kind is named in the sentences that list formats. */
const KIND_WORDS: Readonly<Record<MediaKind, string>> = {
  image: 'pictures',
  video: 'videos',
  captions: 'captions',
};

/** The formats of a kind as people name them: `JPEG, PNG, WebP, AVIF, GIF; HEIC becomes JPEG`. */
export function formatsOfKind(kind: MediaKind): string {
  const named = UPLOAD_TYPES.filter((type) => type.kind === kind && type.name);
  const label = (type: MediaType) => (type.detail ? `${type.name} ${type.detail}` : type.name);
  const kept = named.filter((type) => !type.becomes?.converted);
  const becomes = named
    .filter((type) => type.becomes?.converted)
    .map((type) => `; ${label(type)} becomes ${storedTypeOf(type).name}`);
  return kept.map(label).join(', ') + becomes.join('');
}

/** Each kind with its formats, joined as a list: `pictures (…), videos (…) and captions (…)`. */
function listOfKinds(item: (kind: MediaKind) => string): string {
  const parts = MEDIA_KINDS.map(item);
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** One sentence with every accepted format and its size limit, from the table and the limits. */
export function uploadFormatsSummary(
  limits: Readonly<Record<MediaKind, number>> = MEDIA_SIZE_LIMITS,
): string {
  const sentence = listOfKinds(
    (kind) => `${KIND_WORDS[kind]} (${formatsOfKind(kind)}) up to ${formatMB(limits[kind])}`,
  );
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** The formats named in refusals of a file the library does not take. */
export const ACCEPTED_LIST = listOfKinds((kind) => `${KIND_WORDS[kind]} (${formatsOfKind(kind)})`);
