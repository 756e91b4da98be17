/**
 * Real files for media tests: a PNG encoder, executable headers, captions, the browser fixtures.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import type { MediaLibrary } from './media-library.js';
import type { MediaItem } from './media-index.js';

/** A fixture file recorded by Chromium (see fixtures/make-fixtures.mjs). */
export function fixture(name: 'canvas.jpg' | 'canvas.webp' | 'recorded.webm' | 'recorded.mp4') {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A valid RGB PNG of `width` × `height`, its pixels varied by `seed` so each seed differs. */
export function makePng(width = 8, height = 6, seed = 1): Buffer {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < width * 3; x++) raw[y * row + 1 + x] = (x * 31 + y * 17 + seed * 101) & 255;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One PNG chunk: length, type, data and CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The start of this machine's Node binary: a real ELF (or PE/Mach-O) executable header. */
export function executableHeader(): Buffer {
  const fd = openSync(process.execPath, 'r');
  try {
    const bytes = Buffer.alloc(16 * 1024);
    return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** A DOS/Windows executable header, as a `.exe` starts. */
export function makeExe(): Buffer {
  const bytes = Buffer.alloc(1024);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

/** A small WebVTT captions file, optionally with a byte-order mark. */
export function makeVtt(text = 'Welcome to Belgium', bom = false): Buffer {
  const body = `WEBVTT\n\n00:00.000 --> 00:02.000\n${text}\n`;
  return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(body, 'utf8')]);
}

/** An SVG picture with a script in it. */
export function makeSvg(prolog = true): Buffer {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
    '<script>alert(1)</script><rect width="10" height="10"/></svg>';
  return Buffer.from(prolog ? `<?xml version="1.0" encoding="UTF-8"?>\n${svg}` : svg);
}

/** The browser-made WebM with its DocType rewritten to "matroska" (a real .mkv header). */
export function makeMkv(): Buffer {
  const webm = fixture('recorded.webm');
  const docType = Buffer.from([0x42, 0x82, 0x84, ...Buffer.from('webm')]);
  const at = webm.indexOf(docType);
  if (at < 0 || webm[4] !== 0x9f) throw new Error('unexpected WebM header in the fixture');
  const matroska = Buffer.from([0x42, 0x82, 0x88, ...Buffer.from('matroska')]);
  const out = Buffer.concat([webm.subarray(0, at), matroska, webm.subarray(at + docType.length)]);
  out[4] = 0x9f + 4; // the EBML header grew by four bytes
  return out;
}

/** Upload bytes in chunks of `chunkSize` (default: what the library asks for). */
export async function upload(
  library: MediaLibrary,
  name: string,
  bytes: Uint8Array,
  chunkSize?: number,
): Promise<MediaItem> {
  const started = library.begin(name, bytes.length);
  const step = chunkSize ?? started.chunkSize;
  for (let offset = 0; offset < bytes.length; offset += step) {
    await library.chunk(started.uploadId, offset, bytes.subarray(offset, offset + step));
  }
  return library.finish(started.uploadId);
}
