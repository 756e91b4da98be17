/** Types of icon-formats.mjs, for the tests that read the generated icons. */

/** Linux icon sizes, written as build/icons/<n>x<n>.png. */
export const LINUX_SIZES: readonly number[];
/** Sizes in the ICO. */
export const ICO_SIZES: readonly number[];
/** ICNS chunk types and the pixel size of their PNG. */
export const ICNS_TYPES: readonly (readonly [string, number])[];

/** Width and height of a PNG. */
export function pngSize(png: Buffer): { width: number; height: number };
/** A 32-bit BMP image as ICO stores it. */
export function dibFromRgba(size: number, rgba: Uint8Array): Buffer;
/** An ICO file from PNG or DIB images. */
export function encodeIco(images: readonly { size: number; data: Buffer }[]): Buffer;
/** The images of an ICO file. */
export function readIco(ico: Buffer): {
  width: number;
  height: number;
  bitCount: number;
  format: 'png' | 'bmp';
  data: Buffer;
}[];
/** An ICNS file from PNGs by pixel size. */
export function encodeIcns(pngsBySize: ReadonlyMap<number, Buffer>): Buffer;
/** The chunks of an ICNS file. */
export function readIcns(icns: Buffer): { type: string; data: Buffer }[];
