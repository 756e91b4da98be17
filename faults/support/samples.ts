/**
 * Sample files for the upload fault tests, made piece by piece so that big ones are never held
 * whole.
 */
import { createHash, randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { makePng, pngChunk } from '../../host/media/test-files.js';

/** One mebibyte. */
export const MiB = 1024 * 1024;

/** A file to upload, read piece by piece. */
export interface Source {
  size: number;
  read(offset: number, length: number): Buffer;
}

/** Some bytes, or a run of one byte value. */
export type Part = Buffer | { fill: number; length: number };

/** The concatenation of some bytes and runs of one byte value. */
export function joined(parts: Part[]): Source {
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  return {
    size,
    read(offset, length) {
      const end = Math.min(size, offset + length);
      const out: Buffer[] = [];
      let at = 0;
      for (const part of parts) {
        const from = Math.max(offset, at);
        const to = Math.min(end, at + part.length);
        if (from < to) {
          out.push(
            Buffer.isBuffer(part)
              ? part.subarray(from - at, to - at)
              : Buffer.alloc(to - from, part.fill),
          );
        }
        at += part.length;
      }
      return Buffer.concat(out);
    },
  };
}

/** Bytes as a Source. */
export const sourceOf = (data: Buffer | Source): Source =>
  Buffer.isBuffer(data) ? joined([data]) : data;

/** A valid PNG of exactly `size` bytes: a small picture padded with a private ancillary chunk. */
export function pngOfSize(size: number, seed: number): Source {
  const small = makePng(8, 6, seed);
  const iend = small.subarray(small.length - 12);
  const head = small.subarray(0, small.length - 12);
  const padding = size - head.length - 12 - iend.length;
  const type = Buffer.from('prVt', 'latin1'); // ancillary, private, safe to copy
  const length = Buffer.alloc(4);
  length.writeUInt32BE(padding);
  let crc = crc32(type);
  const zeros = Buffer.alloc(MiB);
  for (let left = padding; left > 0; left -= zeros.length) {
    crc = crc32(zeros.subarray(0, Math.min(left, zeros.length)), crc);
  }
  const crcBytes = Buffer.alloc(4);
  crcBytes.writeUInt32BE(crc);
  return joined([head, length, type, { fill: 0, length: padding }, crcBytes, iend]);
}

/** The sha256 (hex) of bytes or a Source, read a MiB at a time. */
export function sha256Of(data: Buffer | Source): string {
  const source = sourceOf(data);
  const hash = createHash('sha256');
  for (let offset = 0; offset < source.size; offset += MiB) hash.update(source.read(offset, MiB));
  return hash.digest('hex');
}

/** Bytes of no accepted type: refused when an upload of them finishes. */
export const junk = (length: number) => Buffer.alloc(length, 'A');

/** A valid PNG of about `bytes` bytes that does not compress (stored deflate blocks). */
export function bigPng(bytes: number): Buffer {
  const width = 256;
  const row = 1 + width * 3;
  const height = Math.max(1, Math.ceil(bytes / row));
  const raw = randomBytes(row * height);
  for (let y = 0; y < height; y++) raw[y * row] = 0;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 0 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
