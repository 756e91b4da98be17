/**
 * Media references and the URLs they are served at, the same in the browser host and Electron.
 */
import type { MediaRef } from './schema.js';

/** The URL path a media reference is served at: `/builtin/art/x.svg` or `/media/<sha256>.<ext>`. */
export function mediaUrl(ref: MediaRef): string {
  if (ref.startsWith('builtin:')) return `/builtin/${ref.slice('builtin:'.length)}`;
  return `/media/${ref.slice('media:'.length)}`;
}

/** The extensions files are stored and served under (SVG only for shipped artwork). */
export const STORED_EXTENSIONS = [
  'png',
  'jpg',
  'jpeg',
  'webp',
  'avif',
  'gif',
  'mp4',
  'webm',
  'vtt',
] as const;
const EXT = STORED_EXTENSIONS.join('|');

/** What a media reference must look like: `builtin:art/<name>.<ext>` or `media:<sha256>.<ext>`. */
export const MEDIA_REF_PATTERN = new RegExp(
  `^(builtin:(art|media)/[a-z0-9][a-z0-9-]*\\.(svg|${EXT})|media:[a-f0-9]{64}\\.(${EXT}))$`,
);
/** What a bundle's media path must look like: `media/<sha256>.<ext>`. */
export const BUNDLE_PATH_PATTERN = new RegExp(`^media/[a-f0-9]{64}\\.(${EXT})$`);

const BUILTIN_PATH = new RegExp(`^/builtin/(art|media)/([a-z0-9][a-z0-9-]*\\.(svg|${EXT}))$`);
const MEDIA_PATH = new RegExp(`^/media/([a-f0-9]{64}\\.(${EXT}))$`);

/** Where a served media path lives: in the shipped assets or the data folder; null if not a media path. */
export function parseMediaPath(
  urlPath: string,
): { root: 'assets'; relative: string } | { root: 'data'; relative: string } | null {
  const builtin = BUILTIN_PATH.exec(urlPath);
  if (builtin) return { root: 'assets', relative: `${builtin[1]}/${builtin[2]}` };
  const media = MEDIA_PATH.exec(urlPath);
  if (media) return { root: 'data', relative: `media/${media[1]}` };
  return null;
}

/** MIME type of a media file by its (already validated) extension. */
export function mediaType(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  const types: Record<string, string> = {
    svg: 'image/svg+xml',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    webp: 'image/webp',
    avif: 'image/avif',
    gif: 'image/gif',
    mp4: 'video/mp4',
    webm: 'video/webm',
    vtt: 'text/vtt',
  };
  return types[ext] ?? 'application/octet-stream';
}

/** What an uploaded file is used as. */
export type UploadKind = 'image' | 'video' | 'captions';

const MIB = 1024 * 1024;

/** The largest file of each kind the library accepts, in bytes. */
export const MEDIA_SIZE_LIMITS: Readonly<Record<UploadKind, number>> = {
  image: 25 * MIB,
  video: 500 * MIB,
  captions: 1 * MIB,
};

/** A size in megabytes for messages: `600 MB`, `25.3 MB`, `0.5 MB`. */
export function formatMB(bytes: number): string {
  const mb = bytes / MIB;
  const text = mb >= 100 ? Math.ceil(mb).toString() : (Math.ceil(mb * 10) / 10).toString();
  return `${text} MB`;
}

/** The formats staff may upload, by kind, as people name them. */
export const UPLOAD_FORMATS: Readonly<Record<UploadKind, { label: string; formats: string }>> = {
  image: { label: 'Pictures', formats: 'JPEG, PNG, WebP, AVIF, GIF; HEIC becomes JPEG' },
  video: { label: 'videos', formats: 'MP4, WebM, iPhone MOV with H.264' },
  captions: { label: 'captions', formats: 'WebVTT .vtt; SubRip .srt becomes WebVTT' },
};

/** One sentence with every accepted format and its size limit, built from the limits above. */
export function uploadFormatsSummary(limits: Readonly<Record<UploadKind, number>>): string {
  const parts = (Object.keys(UPLOAD_FORMATS) as UploadKind[]).map((kind) => {
    const { label, formats } = UPLOAD_FORMATS[kind];
    return `${label} (${formats}) up to ${formatMB(limits[kind])}`;
  });
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.`;
}

/** The formats named in refusals of a file the library does not take. */
export const ACCEPTED_LIST =
  'JPEG, PNG, WebP, AVIF, GIF and HEIC pictures, MP4, WebM and iPhone MOV (H.264) videos, and WebVTT (.vtt) or SubRip (.srt) captions';

/** The file types the upload control offers (the host decides by the bytes, not this list). */
export const UPLOAD_ACCEPT =
  'image/jpeg,image/png,image/webp,image/avif,image/gif,image/heic,image/heif,.heic,.heif,' +
  'video/mp4,video/webm,video/quicktime,.mov,.vtt,.srt';

/** Said of a file with no bytes at all. */
export const EMPTY_FILE_MESSAGE =
  'the file is empty (0 bytes). Choose it again, or save it again from the program that made it.';

/** Said when the same bytes are uploaded again: the library keeps the first copy and its name. */
export function alreadyInLibraryMessage(existingName: string): string {
  return `already in the library as ${existingName}`;
}

/** The refusal of an HEVC (H.265) video, which Chromium cannot play. */
export const HEVC_REFUSAL =
  'This video uses HEVC (H.265), which the kiosk cannot play. On an iPhone choose Settings > Camera > Formats > Most Compatible, or export it as H.264.';

/** The refusal of a video whose codec the kiosk cannot play, naming the codec. */
export function codecRefusal(codec: string): string {
  return `This video uses ${codec}, which the kiosk cannot play. Export it as an MP4 with H.264 video and AAC sound, then upload that.`;
}

/** The refusal of an HEIC photo that could not be turned into a JPEG. */
export function heicRefusal(reason: string): string {
  return `This HEIC photo could not be turned into a JPEG (${reason}). On an iPhone choose Settings > Camera > Formats > Most Compatible, or share the photo as JPEG, then upload that.`;
}

/** The refusal of a SubRip file that could not be turned into WebVTT, naming the line. */
export function srtRefusal(problem: string): string {
  return `This SubRip (.srt) captions file could not be read: ${problem}. Correct that line in a text editor, then upload it again.`;
}
