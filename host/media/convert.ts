/**
 * Uploads turned into what the kiosk plays: HEIC photos into JPEG, SubRip captions into WebVTT.
 */
// The package ships no types; a reference lets every tsconfig that reaches this file see ours.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./heic-convert.d.ts" />
import { readFile } from 'node:fs/promises';
import { KioskError } from '../../core/errors.js';
import { heicRefusal, srtRefusal } from '../../core/media.js';
import { SrtError, srtToVtt } from '../../core/srt.js';

/** JPEG quality for converted photos: visually the same as the phone's own, half the size. */
const JPEG_QUALITY = 0.9;

/** The bytes an upload of `from` is stored as; refusals say what was wrong and what to do. */
export async function convertUpload(file: string, from: 'heic' | 'srt'): Promise<Buffer> {
  const bytes = await readFile(file);
  return from === 'heic' ? heicToJpeg(bytes) : srtBytesToVtt(bytes);
}

async function heicToJpeg(bytes: Buffer): Promise<Buffer> {
  // Loaded on first use: the decoder is a large WebAssembly module most kiosks never need.
  const { default: convert } = await import('heic-convert');
  try {
    return Buffer.from(await convert({ buffer: bytes, format: 'JPEG', quality: JPEG_QUALITY }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KioskError('unsupported-type', heicRefusal(reason), [], { detected: 'image/heic' });
  }
}

function srtBytesToVtt(bytes: Buffer): Buffer {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: subtitle files saved on Windows are Windows-1252 (Latin-1 with € and quotes).
    text = decodeWindows1252(bytes);
  }
  try {
    return Buffer.from(srtToVtt(text), 'utf8');
  } catch (error) {
    if (!(error instanceof SrtError)) throw error;
    throw new KioskError('invalid-input', srtRefusal(error.message), [], { line: error.line });
  }
}

// Windows-1252 is Latin-1 except 0x80-0x9F (€, curly quotes, dashes). Node's own decoder treats the
// label as plain Latin-1 and loses those, so they are mapped here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}
