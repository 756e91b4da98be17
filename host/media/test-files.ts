/**
 * Real files for media tests: a PNG encoder, executable headers, captions, the browser fixtures,
 * and what phones make (MOV, HEVC, HEIC, GIF), made by ffmpeg and ImageMagick as the test runs.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { MediaLibrary, StoredItem } from './media-library.js';

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
): Promise<StoredItem> {
  const started = library.begin(name, bytes.length);
  const step = chunkSize ?? started.chunkSize;
  for (let offset = 0; offset < bytes.length; offset += step) {
    await library.chunk(started.uploadId, offset, bytes.subarray(offset, offset + step));
  }
  return library.finish(started.uploadId);
}

/**
 * Run a media tool that writes `out.<ext>` in a fresh folder and return the file's bytes. A tool
 * that is missing fails the test with how to install it, never skips it.
 */
export function makeWithTool(tool: 'ffmpeg' | 'convert', args: string[], ext: string): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-media-'));
  const out = path.join(dir, `out.${ext}`);
  try {
    execFileSync(
      tool,
      args.map((arg) => (arg === 'OUT' ? out : arg)),
      { stdio: 'pipe' },
    );
    return readFileSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      const pkg = tool === 'ffmpeg' ? 'ffmpeg' : 'imagemagick';
      throw new Error(`${tool} is needed to make this test's media: apt-get install -y ${pkg}`, {
        cause: error,
      });
    }
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`${tool} ${args.join(' ')} failed: ${stderr.slice(-2000)}`, { cause: error });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A one-second 320×240 video with a tone, as a phone records it: H.264 or HEVC, MOV or MP4, its
 * index (moov) first as phones write it, or last as many editors do.
 */
export function makePhoneVideo(
  codec: 'h264' | 'hevc',
  container: 'mov' | 'mp4',
  indexFirst = true,
): Buffer {
  const video =
    codec === 'h264'
      ? ['-c:v', 'libx264', '-profile:v', 'high']
      : ['-c:v', 'libx265', '-tag:v', 'hvc1', '-x265-params', 'log-level=error'];
  return makeWithTool(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=1'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1'],
      ...video,
      ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
      // Like a phone: the index (moov) first, so it can play while it loads.
      ...(indexFirst ? ['-movflags', '+faststart'] : []),
      ...['-f', container, 'OUT'],
    ],
    container,
  );
}

/** An animated GIF of three 64×48 frames in different colours, looping. */
export function makeAnimatedGif(): Buffer {
  return makeWithTool(
    'convert',
    [
      '-delay',
      '20',
      '-size',
      '64x48',
      'xc:#ef3340',
      'xc:#fdda24',
      'xc:#000000',
      '-loop',
      '0',
      'OUT',
    ],
    'gif',
  );
}

/** A 64×48 HEIC photo (ImageMagick with libheif, as Debian ships it). */
export function makeHeic(): Buffer {
  return makeWithTool(
    'convert',
    ['-size', '64x48', 'gradient:#ef3340-#fdda24', '-quality', '80', 'OUT'],
    'heic',
  );
}

/** SubRip captions as a Windows editor saves them: byte-order mark, CRLF, comma times, tags. */
export function makeSrt(text = 'Welcome to Belgium'): Buffer {
  const body = [
    '1',
    '00:00:00,000 --> 00:00:02,500',
    `<i>${text}</i>`,
    '',
    '2',
    '00:00:02,500 --> 00:00:05,000',
    'Visas: <font color="#ffff00">first floor</font>',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}
