/**
 * Media references and the URLs they are served at, the same in the browser host and Electron.
 */
import type { MediaRef } from './schema.js';

/** The URL path a media reference is served at: `/builtin/art/x.svg` or `/media/<sha256>.<ext>`. */
export function mediaUrl(ref: MediaRef): string {
  if (ref.startsWith('builtin:')) return `/builtin/${ref.slice('builtin:'.length)}`;
  return `/media/${ref.slice('media:'.length)}`;
}

const BUILTIN_PATH =
  /^\/builtin\/(art|media)\/([a-z0-9][a-z0-9-]*\.(svg|png|jpg|jpeg|webp|avif|mp4|webm|vtt))$/;
const MEDIA_PATH = /^\/media\/([a-f0-9]{64}\.(png|jpg|jpeg|webp|avif|mp4|webm|vtt))$/;

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
    mp4: 'video/mp4',
    webm: 'video/webm',
    vtt: 'text/vtt',
  };
  return types[ext] ?? 'application/octet-stream';
}
