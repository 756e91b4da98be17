/**
 * Which codecs an MP4 or QuickTime (.mov) file uses, read from its sample entries.
 *
 * Each track's `moov/trak/mdia/hdlr` says whether it is video or sound, and the first box inside
 * `stbl/stsd` is named after the codec: `avc1` (H.264), `hvc1`/`hev1` (HEVC), `mp4a` (AAC), ...
 * Metadata and timecode tracks (iPhones add them) are not played, so they are left out.
 */
import { open, type FileHandle } from 'node:fs/promises';

/** The codec of one video or sound track. */
export interface TrackCodec {
  track: 'video' | 'sound';
  /** The sample entry's four-character code, such as `avc1` or `mp4a`. */
  format: string;
}

// A moov box bigger than this is not something a phone makes; it is not read.
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

/** The codecs of the video and sound tracks of a whole file (empty when it has no `moov`). */
export async function fileCodecs(file: string, size: number): Promise<TrackCodec[]> {
  const handle = await open(file, 'r');
  try {
    const moov = await findTopBox(handle, size, 'moov');
    if (!moov || moov.length > MAX_MOOV_BYTES) return [];
    const box = Buffer.alloc(moov.length);
    await handle.read(box, 0, moov.length, moov.at);
    return trackCodecs(box.subarray(moov.header));
  } finally {
    await handle.close();
  }
}

/** The codecs found in the first bytes of a file; tracks cut off by the end are left out. */
export function headCodecs(head: Uint8Array): TrackCodec[] {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  for (const box of boxes(bytes, 0, bytes.length, true)) {
    if (box.type === 'moov') return trackCodecs(bytes.subarray(box.body, box.end));
  }
  return [];
}

/** What people call a codec's four-character code. */
export function codecName(format: string): string {
  return CODEC_NAMES[format] ?? `the "${format.trim()}" codec`;
}

/** Whether a code is an HEVC (H.265) sample entry, Dolby Vision included. */
export function isHevc(format: string): boolean {
  return ['hvc1', 'hev1', 'dvh1', 'dvhe'].includes(format);
}

const CODEC_NAMES: Record<string, string> = {
  avc1: 'H.264',
  avc3: 'H.264',
  hvc1: 'HEVC (H.265)',
  hev1: 'HEVC (H.265)',
  mp4a: 'AAC',
  mp4v: 'MPEG-4 Part 2 video',
  apcn: 'Apple ProRes 422',
  apch: 'Apple ProRes 422 HQ',
  apcs: 'Apple ProRes 422 LT',
  apco: 'Apple ProRes 422 Proxy',
  ap4h: 'Apple ProRes 4444',
  jpeg: 'Motion JPEG',
  lpcm: 'uncompressed PCM sound',
  sowt: 'uncompressed PCM sound',
  twos: 'uncompressed PCM sound',
  'ac-3': 'Dolby Digital (AC-3) sound',
  'ec-3': 'Dolby Digital Plus (E-AC-3) sound',
};

async function findTopBox(
  handle: FileHandle,
  size: number,
  wanted: string,
): Promise<{ at: number; length: number; header: number } | undefined> {
  let at = 0;
  const header = Buffer.alloc(16);
  while (at + 8 <= size) {
    const { bytesRead } = await handle.read(header, 0, 16, at);
    if (bytesRead < 8) return undefined;
    let length = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    const large = length === 1 && bytesRead >= 16;
    if (large) length = Number(header.readBigUInt64BE(8));
    else if (length === 0) length = size - at;
    if (length < 8) return undefined;
    if (type === wanted) return { at, length: Math.min(length, size - at), header: large ? 16 : 8 };
    at += length;
  }
  return undefined;
}

interface Box {
  type: string;
  body: number;
  end: number;
}

// The boxes between `from` and `to`; with `partial`, a last box cut short ends where the bytes do.
function* boxes(bytes: Buffer, from: number, to: number, partial = false): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    let body = at + 8;
    if (length === 1) {
      if (at + 16 > to) return;
      length = Number(bytes.readBigUInt64BE(at + 8));
      body = at + 16;
    } else if (length === 0) {
      length = to - at;
    }
    if (length < body - at) return;
    if (at + length > to && !partial) return;
    yield { type, body, end: Math.min(at + length, to) };
    at += length;
  }
}

function trackCodecs(moov: Buffer): TrackCodec[] {
  const found: TrackCodec[] = [];
  for (const trak of boxes(moov, 0, moov.length, true)) {
    if (trak.type !== 'trak') continue;
    const mdia = child(moov, trak, 'mdia');
    if (!mdia) continue;
    const hdlr = child(moov, mdia, 'hdlr');
    const handler =
      hdlr && hdlr.body + 12 <= hdlr.end
        ? moov.toString('latin1', hdlr.body + 8, hdlr.body + 12)
        : '';
    const track = handler === 'vide' ? 'video' : handler === 'soun' ? 'sound' : undefined;
    if (!track) continue;
    const stsd = path(moov, mdia, ['minf', 'stbl', 'stsd']);
    if (!stsd) continue;
    // stsd: version and flags (4 bytes), entry count (4), then the sample entries.
    for (const entry of boxes(moov, stsd.body + 8, stsd.end, true)) {
      found.push({ track, format: entry.type });
    }
  }
  return found;
}

function child(bytes: Buffer, parent: Box, type: string): Box | undefined {
  for (const box of boxes(bytes, parent.body, parent.end, true)) if (box.type === type) return box;
  return undefined;
}

function path(bytes: Buffer, from: Box, types: string[]): Box | undefined {
  let box: Box | undefined = from;
  for (const type of types) {
    if (!box) return undefined;
    box = child(bytes, box, type);
  }
  return box;
}
