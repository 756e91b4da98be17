/**
 * The app icons in build/: every size each target needs, in containers Windows and macOS read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dibFromRgba,
  encodeIcns,
  encodeIco,
  ICNS_TYPES,
  ICO_SIZES,
  LINUX_SIZES,
  pngSize,
  readIcns,
  readIco,
} from '../scripts/icon-formats.mjs';
import { ROOT } from './pack-app.js';

const build = (...parts: string[]) => path.join(ROOT, 'build', ...parts);

/** Width and height of an ICO's BMP image, from its BITMAPINFOHEADER (height counts the mask). */
function dibSize(dib: Buffer) {
  expect(dib.readUInt32LE(0)).toBe(40);
  return { width: dib.readInt32LE(4), height: dib.readInt32LE(8) / 2 };
}

describe('the icon files', () => {
  it('have a 1024 px build/icon.png and a Linux PNG at every hicolor size', () => {
    expect(pngSize(readFileSync(build('icon.png')))).toEqual({ width: 1024, height: 1024 });
    for (const size of LINUX_SIZES) {
      const png = readFileSync(build('icons', `${size}x${size}.png`));
      expect(pngSize(png), `${size}x${size}.png`).toEqual({ width: size, height: size });
    }
  });

  it('have a Windows ICO from 16 to 256 px: BMP below 256, PNG at 256, sizes as listed', () => {
    const images = readIco(readFileSync(build('icon.ico')));
    expect(images.map((image) => image.width)).toEqual([...ICO_SIZES]);
    expect(ICO_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (const image of images) {
      expect(image.height).toBe(image.width);
      expect(image.bitCount).toBe(32);
      expect(image.format).toBe(image.width === 256 ? 'png' : 'bmp');
      const size = image.format === 'png' ? pngSize(image.data) : dibSize(image.data);
      expect(size, `${image.width} px image`).toEqual({ width: image.width, height: image.width });
    }
  });

  it('have a macOS ICNS with every PNG type from 16 to 1024 px', () => {
    const icns = readFileSync(build('icon.icns'));
    const chunks = readIcns(icns);
    expect(chunks.map((chunk) => chunk.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    for (const [type, size] of ICNS_TYPES) {
      const chunk = chunks.find((c) => c.type === type)!;
      expect(pngSize(chunk.data), type).toEqual({ width: size, height: size });
    }
  });

  it('are drawn from our own SVG artwork', () => {
    for (const file of ['icon.svg', 'icon-small.svg']) {
      const svg = readFileSync(build(file), 'utf8');
      for (const colour of ['#111111', '#FDDA24', '#EF3340']) expect(svg).toContain(colour);
    }
  });
});

describe('icon containers', () => {
  it('store a BMP bottom-up in BGRA, with transparent pixels set in the AND mask', () => {
    // 2×2: red (opaque) and transparent on top, green and blue (opaque) below.
    const rgba = Uint8Array.from([255, 0, 0, 255, 0, 0, 0, 0, 0, 255, 0, 255, 0, 0, 255, 128]);
    const dib = dibFromRgba(2, rgba);
    expect(dibSize(dib)).toEqual({ width: 2, height: 2 });
    const pixels = [...dib.subarray(40, 56)];
    expect(pixels).toEqual([0, 255, 0, 255, 255, 0, 0, 128, 0, 0, 255, 255, 0, 0, 0, 0]);
    // Mask rows are 4 bytes, bottom-up: only the top row's second pixel is transparent.
    expect([...dib.subarray(56)]).toEqual([0, 0, 0, 0, 0b0100_0000, 0, 0, 0]);
  });

  it('round-trip through ICO, with 256 written as 0 in the directory', () => {
    const png = readFileSync(build('icons', '256x256.png'));
    const small = dibFromRgba(16, new Uint8Array(16 * 16 * 4));
    const ico = encodeIco([
      { size: 256, data: png },
      { size: 16, data: small },
    ]);
    expect(ico[6 + 16]).toBe(0);
    const images = readIco(ico);
    expect(images.map((i) => [i.width, i.format])).toEqual([
      [16, 'bmp'],
      [256, 'png'],
    ]);
    expect(images[1]!.data.equals(png)).toBe(true);
  });

  it('refuse to write an ICNS that lacks a size', () => {
    const png = readFileSync(build('icons', '16x16.png'));
    expect(() => encodeIcns(new Map([[16, png]]))).toThrow(/no 32px PNG/);
  });

  it('reject files that are not what they claim', () => {
    expect(() => pngSize(Buffer.from('not a png at all, really not'))).toThrow(/not a PNG/);
    expect(() => readIcns(Buffer.from('icnX\0\0\0\x08'))).toThrow(/not an ICNS/);
  });
});
