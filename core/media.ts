/**
 * Media references and the URLs they are served at, the same in the browser host and Electron.
 */
import { STORED_EXTENSIONS } from './media-types.js';
import type { MediaRef } from './schema.js';

// Readers of this module find the served MIME types here too; the table is in media-types.ts.
export { mediaType } from './media-types.js';

/** The URL path a media reference is served at: `/builtin/art/x.svg` or `/media/<sha256>.<ext>`. */
export function mediaUrl(ref: MediaRef): string {
  if (ref.startsWith('builtin:')) return `/builtin/${ref.slice('builtin:'.length)}`;
  return `/media/${ref.slice('media:'.length)}`;
}

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
