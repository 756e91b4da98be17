/**
 * Writers and readers for the icon containers electron-builder needs: Windows ICO and macOS ICNS.
 *
 * Both are thin wrappers around images we already have. ICO holds 32-bit BMP (DIB) images for
 * the small sizes, which every Windows tool and NSIS reads, and PNG for 256 px, as Windows
 * itself writes them. ICNS holds PNG chunks only (macOS 10.7+ reads PNG for every type below).
 */

/** Linux icon sizes (the hicolor theme's usual set), written as build/icons/<n>x<n>.png. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes in the ICO; those below 256 are stored as BMP, 256 as PNG. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** ICNS chunk types holding PNG data, by the pixel size of their image. */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height of a PNG, read from its IHDR chunk; throws if it is not a PNG. */
export function pngSize(png) {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('not a PNG image');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A 32-bit BMP image as ICO stores it: header, bottom-up BGRA rows, then the AND mask. */
export function dibFromRgba(size, rgba) {
  if (rgba.length !== size * size * 4) throw new Error(`expected ${size}x${size} RGBA pixels`);
  const maskRow = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  // ICO images count the XOR bitmap and the AND mask together, so the height is doubled.
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
      if (rgba[from + 3] === 0) mask[row * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** An ICO file from images of `{ size, data }`, where data is a PNG or a DIB from dibFromRgba. */
export function encodeIco(images) {
  const sorted = [...images].sort((a, b) => a.size - b.size);
  const header = Buffer.alloc(6 + 16 * sorted.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sorted.length, 4);
  let offset = header.length;
  sorted.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    // A byte holds sizes up to 255; 0 means 256.
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...sorted.map((image) => image.data)]);
}

/** The images of an ICO file: size, format and data of each, as its directory lists them. */
export function readIco(ico) {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const width = ico[entry] || 256;
    const height = ico[entry + 1] || 256;
    const data = ico.subarray(
      ico.readUInt32LE(entry + 12),
      ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
    );
    const format = data.subarray(0, 8).equals(PNG_SIGNATURE) ? 'png' : 'bmp';
    return { width, height, bitCount: ico.readUInt16LE(entry + 6), format, data };
  });
}

/** An ICNS file from a Map of pixel size → PNG, holding every type in ICNS_TYPES. */
export function encodeIcns(pngsBySize) {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngsBySize.get(size);
    if (!png) throw new Error(`no ${size}px PNG for ICNS type ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

/** The chunks of an ICNS file: type and data of each. */
export function readIcns(icns) {
  if (icns.toString('ascii', 0, 4) !== 'icns') throw new Error('not an ICNS file');
  if (icns.readUInt32BE(4) !== icns.length) throw new Error('ICNS length does not match the file');
  const chunks = [];
  for (let at = 8; at < icns.length;) {
    const length = icns.readUInt32BE(at + 4);
    if (length < 8 || at + length > icns.length) throw new Error(`bad ICNS chunk at ${at}`);
    chunks.push({
      type: icns.toString('ascii', at, at + 4),
      data: icns.subarray(at + 8, at + length),
    });
    at += length;
  }
  return chunks;
}
