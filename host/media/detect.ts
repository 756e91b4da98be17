/**
 * What an uploaded file is, judged by its bytes and never by its name.
 */
import { open } from 'node:fs/promises';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { KioskError, type DetailsOf } from '#core/errors';
import { codecRefusal, HEVC_REFUSAL } from '#core/media';
import {
  ACCEPTED_LIST,
  storedTypeOf,
  UPLOAD_TYPES,
  type ConvertedExt,
  type MediaKind,
  type StoredExt,
} from '#core/media-types';
import { looksLikeSrt } from '#core/srt';
import { codecName, fileCodecs, headCodecs, isHevc, type TrackCodec } from './codecs.js';
import { incompleteReason } from './structure.js';

/** A type the library accepts, with the extension its file is stored under. */
export interface AcceptedType {
  kind: MediaKind;
  mime: string;
  ext: StoredExt;
  /** What the upload is turned into the stored type from: HEIC photos, SubRip captions. */
  from?: ConvertedExt;
}

/** The outcome of looking at some bytes: accepted, refused with a reason, or not known yet. */
export type Verdict =
  { ok: true; type: AcceptedType } | { ok: false; error: KioskError } | { ok: 'unknown' };

/** A verdict on a complete file: accepted or refused. */
export type Judgement = Exclude<Verdict, { ok: 'unknown' }>;

/** Bytes enough for every signature we accept (file-type's own sample size). */
export const SNIFF_BYTES = 4100;

/**
 * Every upload type of core's media types table, by its extension, as the type it is stored as:
 * a HEIC photo as the JPEG it is turned into, an iPhone MOV as the MP4 it is (codecs checked
 * below), SubRip captions as WebVTT.
 */
export const ACCEPTED: Readonly<Record<string, AcceptedType>> = Object.fromEntries(
  UPLOAD_TYPES.map((type) => {
    const stored = storedTypeOf(type);
    const accepted: AcceptedType = {
      kind: stored.kind,
      mime: stored.mime,
      ext: stored.ext as StoredExt,
      ...(type.becomes?.converted ? { from: type.ext as ConvertedExt } : {}),
    };
    return [type.ext, accepted];
  }),
);

// Text files are known by their first bytes here, not by file-type.
const VTT = ACCEPTED.vtt!;
const SRT = ACCEPTED.srt!;

/** Judge the first bytes of an upload; `unknown` when they are not enough to say. */
export async function sniffHead(head: Uint8Array): Promise<Verdict> {
  if (looksLikeSvg(head)) return { ok: false, error: svgRefused() };
  if (startsWithWebVtt(head)) return { ok: true, type: VTT };
  if (looksLikeSrt(Buffer.from(head).toString('utf8'))) return { ok: true, type: SRT };
  const found = await safely(() => fileTypeFromBuffer(head));
  if (!found || found.ext === 'xml') return { ok: 'unknown' };
  const judged = judge(found, head);
  if (!judged.ok || judged.type.ext !== 'mp4') return judged;
  // A phone's video often has its moov first: an HEVC one is refused before it is all sent.
  return codecVerdict(found.ext, headCodecs(head)) ?? judged;
}

/** Judge a complete file; refusals are `unsupported-type` errors naming what was found. */
export async function detectFile(
  file: string,
  size: number,
  maxTextBytes: number,
): Promise<Judgement> {
  const head = await readHead(file, SNIFF_BYTES);
  if (looksLikeSvg(head)) return { ok: false, error: svgRefused() };
  if (startsWithWebVtt(head)) {
    // Too big to be captions: let the caller's size limit for captions say so.
    if (size > maxTextBytes) return { ok: true, type: VTT };
    const whole = await readHead(file, size);
    if (isUtf8(whole)) return { ok: true, type: VTT };
    return refuse('This captions file is not valid UTF-8 text; save it as UTF-8 and try again.');
  }
  // SubRip files are often not UTF-8 (Windows-1252): the conversion reads either.
  if (looksLikeSrt(head.toString('utf8'))) return { ok: true, type: SRT };
  const found = await safely(() => fileTypeFromFile(file));
  if (!found) {
    return refuse(`This file's type could not be recognised. Accepted are ${ACCEPTED_LIST}.`);
  }
  const judged = judge(found, head);
  if (!judged.ok) return judged;
  if (judged.type.ext === 'mp4') {
    const refused = codecVerdict(found.ext, await fileCodecs(file, size));
    if (refused) return refused;
  }
  const shape = judged.type.from === 'heic' ? 'avif' : judged.type.ext;
  const reason = await incompleteReason(file, size, shape);
  if (!reason) return judged;
  const what = judged.type.kind === 'video' ? 'video' : 'picture';
  return {
    ok: false,
    error: new KioskError(
      'invalid-input',
      `This ${what} is incomplete or damaged: ${reason}. Upload the whole file again, or save it again from the program that made it.`,
      [],
      { detected: judged.type.mime },
    ),
  };
}

function judge(found: { ext: string; mime: string }, head: Uint8Array): Judgement {
  // Some detectors call any Matroska file "mkv"; browsers' WebM says "webm" in its header.
  if ((found.ext === 'mkv' || found.mime.endsWith('matroska')) && ebmlDocType(head) === 'webm') {
    return { ok: true, type: ACCEPTED.webm! };
  }
  const type = Object.hasOwn(ACCEPTED, found.ext) ? ACCEPTED[found.ext] : undefined;
  if (type) return { ok: true, type };
  return refuse(
    `This file is ${found.mime} (.${found.ext}), which is not accepted. Accepted are ${ACCEPTED_LIST}.`,
    { detected: found.mime },
  );
}

// HEVC is refused in any container; a QuickTime file must hold H.264 video and AAC sound (what an
// iPhone set to "Most Compatible" records).
function codecVerdict(container: string, codecs: readonly TrackCodec[]): Judgement | undefined {
  const hevc = codecs.find((codec) => isHevc(codec.format));
  if (hevc) return refuse(HEVC_REFUSAL, { detected: 'video/hevc', codec: hevc.format });
  if (container !== 'mov') return undefined;
  const playable = (codec: TrackCodec) =>
    codec.track === 'video' ? ['avc1', 'avc3'].includes(codec.format) : codec.format === 'mp4a';
  const other = codecs.find((codec) => !playable(codec));
  if (other) {
    return refuse(codecRefusal(codecName(other.format)), {
      detected: 'video/quicktime',
      codec: other.format,
    });
  }
  return undefined;
}

function refuse(message: string, details?: DetailsOf<'unsupported-type'>): Judgement {
  return { ok: false, error: new KioskError('unsupported-type', message, [], details) };
}

function svgRefused(): KioskError {
  return new KioskError(
    'unsupported-type',
    'SVG files can carry scripts, so they are not accepted; export the picture as PNG or WebP.',
    [],
    { detected: 'image/svg+xml' },
  );
}

// file-type guards its parsers, but a hostile file must never become anything but "unknown".
async function safely<T>(detect: () => Promise<T>): Promise<T | undefined> {
  try {
    return await detect();
  } catch {
    return undefined;
  }
}

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** Whether bytes begin like a WebVTT file: `WEBVTT` then a space, tab, line break or the end. */
export function startsWithWebVtt(bytes: Uint8Array): boolean {
  const text = withoutBom(bytes);
  const magic = 'WEBVTT';
  for (let i = 0; i < magic.length; i++) if (text[i] !== magic.charCodeAt(i)) return false;
  const next = text[magic.length];
  return next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

/** Whether bytes look like SVG: markup that opens an `<svg` element near the start. */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const text = Buffer.from(withoutBom(bytes)).toString('latin1').trimStart();
  return text.startsWith('<') && /<svg[\s>/]/i.test(text);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The DocType in an EBML header (`webm`, `matroska`), or undefined when there is none. */
export function ebmlDocType(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 0x1a || bytes[1] !== 0x45 || bytes[2] !== 0xdf || bytes[3] !== 0xa3) return;
  const header = readVint(bytes, 4);
  if (!header) return;
  let at = header.next;
  const end = Math.min(bytes.length, at + header.value);
  while (at < end) {
    const id = readVint(bytes, at, true);
    if (!id) return;
    const length = readVint(bytes, id.next);
    if (!length) return;
    if (id.value === 0x4282) {
      const raw = bytes.subarray(length.next, Math.min(end, length.next + length.value));
      return Buffer.from(raw).toString('latin1').replace(/\0.*$/s, '');
    }
    at = length.next + length.value;
  }
  return undefined;
}

// An EBML variable-length integer; element IDs keep their length marker bits.
function readVint(
  bytes: Uint8Array,
  at: number,
  keepMarker = false,
): { value: number; next: number } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return;
  let width = 1;
  while (width <= 8 && (first & (0x80 >> (width - 1))) === 0) width++;
  if (width > 8 || at + width > bytes.length) return;
  let value = keepMarker ? first : first & (0xff >> width);
  for (let i = 1; i < width; i++) value = value * 256 + bytes[at + i]!;
  return { value, next: at + width };
}
