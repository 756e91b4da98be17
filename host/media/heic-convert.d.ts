/** Types for heic-convert 2.1 (the package ships none): HEIC/HEIF bytes to JPEG or PNG bytes. */
declare module 'heic-convert' {
  /** Decode the first image of an HEIC/HEIF file and encode it; `quality` 0 to 1 (JPEG). */
  export default function convert(options: {
    buffer: Uint8Array;
    format: 'JPEG' | 'PNG';
    quality?: number;
  }): Promise<ArrayBuffer>;
}
