/**
 * Whether a picture or video is whole: its container's own lengths are walked to the end of the
 * file, so a file cut short after its header (a broken copy, an upload that lost its tail) is
 * refused instead of stored and later skipped as unplayable.
 *
 * Only structure is checked, never pixels: PNG chunks up to IEND, JPEG segments and scans up to
 * EOI, the RIFF size of WebP, ISO BMFF boxes of MP4 and AVIF (with their `moov` or `meta`), and
 * EBML elements of WebM. A file cut exactly between two elements of a streamed WebM is a shorter
 * but whole video, and passes.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { AcceptedType } from './detect.js';

/** Why the file is not whole, or undefined when it is. */
export async function incompleteReason(
  file: string,
  size: number,
  ext: AcceptedType['ext'],
): Promise<string | undefined> {
  const reader = await Reader.open(file, size);
  try {
    switch (ext) {
      case 'png':
        return await checkPng(reader);
      case 'jpg':
        return await checkJpeg(reader);
      case 'webp':
        return await checkWebp(reader);
      case 'gif':
        return await checkGif(reader);
      case 'mp4':
        return await checkBoxes(reader, ['moov', 'mdat']);
      case 'avif':
        return await checkBoxes(reader, ['meta']);
      case 'webm':
        return await checkEbml(reader);
      case 'vtt':
        return undefined;
    }
  } finally {
    await reader.close();
  }
}

/** Positional reads through a window, so walking many small headers costs few system calls. */
class Reader {
  private window = Buffer.alloc(0);
  private windowAt = 0;

  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  static async open(file: string, size: number): Promise<Reader> {
    return new Reader(await open(file, 'r'), size);
  }

  /** `length` bytes at `at`, or fewer where the file ends. */
  async bytes(at: number, length: number): Promise<Buffer> {
    const end = Math.min(this.size, at + length);
    if (at >= this.windowAt && end <= this.windowAt + this.window.length) {
      return this.window.subarray(at - this.windowAt, end - this.windowAt);
    }
    const want = Math.max(end - at, WINDOW);
    const buffer = Buffer.alloc(Math.min(want, Math.max(0, this.size - at)));
    const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, at);
    this.window = buffer.subarray(0, bytesRead);
    this.windowAt = at;
    return this.window.subarray(0, Math.min(bytesRead, end - at));
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

const WINDOW = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// PNG: an 8-byte signature, then chunks (length, type, data, CRC) up to IEND.

async function checkPng(reader: Reader): Promise<string | undefined> {
  let at = 8;
  for (;;) {
    const header = await reader.bytes(at, 8);
    if (header.length < 8) return `it ends at byte ${reader.size} before the PNG's IEND chunk`;
    const length = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    const end = at + 12 + length;
    if (end > reader.size) {
      return `its ${JSON.stringify(type)} chunk needs ${end} bytes but the file has ${reader.size}`;
    }
    if (type === 'IEND') return undefined;
    at = end;
  }
}

// ---------------------------------------------------------------------------------------------
// JPEG: SOI, segments with lengths, entropy-coded scans after each SOS, then EOI. Bytes after
// EOI (some cameras append a preview or a motion clip) are allowed.

async function checkJpeg(reader: Reader): Promise<string | undefined> {
  const whole = await reader.bytes(0, reader.size);
  const cut = `it ends at byte ${reader.size} before the JPEG's end marker`;
  let at = 2;
  for (;;) {
    if (at + 2 > whole.length) return cut;
    if (whole[at] !== 0xff) return `the byte at ${at} should begin a JPEG marker`;
    const marker = whole[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return undefined;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 4 > whole.length) return cut;
    const end = at + 2 + whole.readUInt16BE(at + 2);
    if (end > whole.length) return cut;
    at = end;
    if (marker !== 0xda) continue;
    // Entropy-coded data: runs to the next marker that is neither a stuffed 0x00 nor a restart.
    for (;;) {
      const ff = whole.indexOf(0xff, at);
      if (ff < 0 || ff + 1 >= whole.length) return cut;
      const next = whole[ff + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
        at = ff + 1;
        continue;
      }
      at = ff;
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// WebP: a RIFF container whose size field covers the chunks, each of which must fit.

async function checkWebp(reader: Reader): Promise<string | undefined> {
  const header = await reader.bytes(0, 12);
  if (header.length < 12) return `it ends at byte ${reader.size}, inside the WebP header`;
  const riffEnd = 8 + header.readUInt32LE(4);
  if (riffEnd > reader.size) {
    return `its RIFF header says ${riffEnd} bytes but the file has ${reader.size}`;
  }
  let at = 12;
  let chunks = 0;
  while (at + 8 <= riffEnd) {
    const chunk = await reader.bytes(at, 8);
    const length = chunk.readUInt32LE(4);
    const end = at + 8 + length + (length % 2);
    if (at + 8 + length > riffEnd) {
      const type = chunk.toString('latin1', 0, 4);
      return `its ${JSON.stringify(type)} chunk runs past the end of the picture`;
    }
    chunks++;
    at = end;
  }
  return chunks === 0 ? 'it has no picture data' : undefined;
}

// ---------------------------------------------------------------------------------------------
// GIF: a header and screen descriptor (with its colour table), then extensions and frames made of
// length-prefixed sub-blocks, up to the trailer byte 0x3B.

async function checkGif(reader: Reader): Promise<string | undefined> {
  const cut = `it ends at byte ${reader.size}, before the GIF's last frame is complete`;
  const screen = await reader.bytes(0, 13);
  if (screen.length < 13) return cut;
  let at = 13 + colourTable(screen[10]!);
  let frames = 0;
  while (at < reader.size) {
    const [block] = await reader.bytes(at, 1);
    if (block === 0x3b) return frames === 0 ? 'it has no picture data' : undefined;
    if (block === 0x21) {
      at += 2; // introducer and label
    } else if (block === 0x2c) {
      const descriptor = await reader.bytes(at, 10);
      if (descriptor.length < 10) return cut;
      at += 10 + colourTable(descriptor[9]!) + 1; // then the LZW minimum code size
      frames++;
    } else {
      return `it has an unknown block (0x${(block ?? 0).toString(16)}) at byte ${at}`;
    }
    // Sub-blocks: a length byte, that many bytes, until a zero length.
    for (;;) {
      const [length] = await reader.bytes(at, 1);
      if (length === undefined) return cut;
      at += 1 + length;
      if (length === 0) break;
    }
  }
  return cut;
}

// A global or local colour table follows when the packed field's top bit is set.
function colourTable(packed: number): number {
  return packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0;
}

// ---------------------------------------------------------------------------------------------
// MP4 and AVIF: top-level ISO BMFF boxes (32-bit size, or 1 then a 64-bit size, or 0 for "to
// the end of the file") laid end to end, including the boxes that describe and hold the media.
// A fragmented MP4 (a browser's recording) has each fragment's `moof` followed by its `mdat`.

async function checkBoxes(reader: Reader, needed: string[]): Promise<string | undefined> {
  let at = 0;
  const found = new Set<string>();
  let fragmentOpen = false;
  while (at < reader.size) {
    const header = await reader.bytes(at, 16);
    if (header.length < 8) return `it ends at byte ${reader.size}, inside a box header`;
    let length = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    if (length === 1) {
      if (header.length < 16) return `it ends at byte ${reader.size}, inside a box header`;
      length = Number(header.readBigUInt64BE(8));
    } else if (length === 0) {
      length = reader.size - at;
    }
    if (length < 8) return `its ${JSON.stringify(type)} box at byte ${at} has a broken size`;
    if (at + length > reader.size) {
      return `its ${JSON.stringify(type)} box needs ${at + length} bytes but the file has ${reader.size}`;
    }
    found.add(type);
    if (type === 'moof') fragmentOpen = true;
    if (type === 'mdat') fragmentOpen = false;
    at += length;
  }
  const missing = needed.find((type) => !found.has(type));
  if (missing) return `it has no ${JSON.stringify(missing)} box, ${BOX_ROLE[missing]}`;
  return fragmentOpen ? 'its last fragment has no media data' : undefined;
}

// ---------------------------------------------------------------------------------------------
// WebM: EBML elements (ID, size, data). Masters of unknown size (a browser's streamed Segment and
// Clusters) are walked into; every element of known size must fit in the file.

const BOX_ROLE: Record<string, string> = {
  moov: 'which describes the video',
  mdat: 'which holds its frames',
  meta: 'which describes the picture',
};

const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;

async function checkEbml(reader: Reader): Promise<string | undefined> {
  let at = 0;
  let segment = false;
  let cluster = false;
  while (at < reader.size) {
    const head = await reader.bytes(at, 12);
    const id = vint(head, 0, true);
    const size = id && vint(head, id.width);
    if (!id || !size) return `it ends at byte ${reader.size}, inside an element header`;
    if (id.value === SEGMENT) segment = true;
    if (id.value === CLUSTER) cluster = true;
    const dataAt = at + id.width + size.width;
    if (size.unknown) {
      at = dataAt;
      continue;
    }
    const end = dataAt + size.value;
    if (end > reader.size) {
      return `an element at byte ${at} needs ${end} bytes but the file has ${reader.size}`;
    }
    // A Segment of known size holds everything; its Clusters are then inside it.
    if (id.value === SEGMENT) cluster = cluster || (await hasCluster(reader, dataAt, end));
    at = end;
  }
  if (!segment) return 'it has no Segment, which holds the video';
  return cluster ? undefined : 'it has no Cluster, so no frames';
}

async function hasCluster(reader: Reader, from: number, to: number): Promise<boolean> {
  let at = from;
  while (at < to) {
    const head = await reader.bytes(at, 12);
    const id = vint(head, 0, true);
    const size = id && vint(head, id.width);
    if (!id || !size) return false;
    if (id.value === CLUSTER) return true;
    if (size.unknown) return false;
    at += id.width + size.width + size.value;
  }
  return false;
}

/** An EBML variable-length integer; IDs keep their marker bits; all value bits set is "unknown". */
function vint(
  bytes: Uint8Array,
  at: number,
  keepMarker = false,
): { value: number; width: number; unknown: boolean } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return;
  let width = 1;
  while ((first & (0x80 >> (width - 1))) === 0) width++;
  if (at + width > bytes.length) return;
  const mask = 0xff >> width;
  let value = keepMarker ? first : first & mask;
  let allOnes = (first & mask) === mask;
  for (let i = 1; i < width; i++) {
    const byte = bytes[at + i]!;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value, width, unknown: !keepMarker && allOnes };
}
