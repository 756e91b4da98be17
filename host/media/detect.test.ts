import { describe, expect, it } from 'vitest';
import { MEDIA_TYPES, STORED_EXTENSIONS } from '#core/media-types';
import { ACCEPTED, ebmlDocType, looksLikeSvg, sniffHead, startsWithWebVtt } from './detect.js';
import { displayName, formatMB } from './names.js';
import { fixture, makeMkv, makePng, makeSvg } from './test-files.js';

describe('type detection', () => {
  it('takes every type it detects from the media types table in core', () => {
    const mimes = new Set(MEDIA_TYPES.map((type) => type.mime));
    for (const [ext, type] of Object.entries(ACCEPTED)) {
      expect(MEDIA_TYPES.find((row) => row.ext === ext)?.upload, ext).toBe(true);
      expect(mimes, ext).toContain(type.mime);
      expect(STORED_EXTENSIONS, ext).toContain(type.ext);
      expect(MEDIA_TYPES.find((row) => row.ext === type.ext)?.mime, ext).toBe(type.mime);
    }
    const mp4 = { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
    expect(ACCEPTED).toEqual({
      jpg: { kind: 'image', mime: 'image/jpeg', ext: 'jpg' },
      png: { kind: 'image', mime: 'image/png', ext: 'png' },
      webp: { kind: 'image', mime: 'image/webp', ext: 'webp' },
      avif: { kind: 'image', mime: 'image/avif', ext: 'avif' },
      gif: { kind: 'image', mime: 'image/gif', ext: 'gif' },
      heic: { kind: 'image', mime: 'image/jpeg', ext: 'jpg', from: 'heic' },
      mp4,
      m4v: mp4,
      webm: { kind: 'video', mime: 'video/webm', ext: 'webm' },
      mov: mp4,
      vtt: { kind: 'captions', mime: 'text/vtt', ext: 'vtt' },
      srt: { kind: 'captions', mime: 'text/vtt', ext: 'vtt', from: 'srt' },
    });
  });

  it('reads the EBML DocType of a browser-made WebM and of Matroska', () => {
    expect(ebmlDocType(fixture('recorded.webm'))).toBe('webm');
    expect(ebmlDocType(makeMkv())).toBe('matroska');
    expect(ebmlDocType(makePng())).toBeUndefined();
    expect(ebmlDocType(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42]))).toBeUndefined();
  });

  it('knows WebVTT by its first line only', () => {
    expect(startsWithWebVtt(Buffer.from('WEBVTT'))).toBe(true);
    expect(startsWithWebVtt(Buffer.from('\ufeffWEBVTT - Welcome\n'))).toBe(true);
    expect(startsWithWebVtt(Buffer.from('WEBVTTX\n'))).toBe(false);
    expect(startsWithWebVtt(Buffer.from(' WEBVTT\n'))).toBe(false);
  });

  it('knows SVG with or without a prolog, and not other markup', () => {
    expect(looksLikeSvg(makeSvg(true))).toBe(true);
    expect(looksLikeSvg(makeSvg(false))).toBe(true);
    expect(looksLikeSvg(Buffer.from('  <SVG>'))).toBe(true);
    expect(looksLikeSvg(Buffer.from('<html><body>svg</body></html>'))).toBe(false);
  });

  it('judges the first bytes: accepted, refused, or not known yet', async () => {
    expect(await sniffHead(makePng())).toMatchObject({ ok: true, type: { ext: 'png' } });
    expect(await sniffHead(makeSvg())).toMatchObject({ ok: false });
    expect(await sniffHead(Buffer.from('hello'))).toEqual({ ok: 'unknown' });
    const avif = Buffer.concat([Buffer.from('\0\0\0\x1cftypavif\0\0\0\0avifmif1', 'latin1')]);
    expect(await sniffHead(avif)).toMatchObject({ ok: true, type: { mime: 'image/avif' } });
  });
});

describe('display names and sizes', () => {
  it('strips folders and control characters', () => {
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('C:\\Users\\me\\photo.jpg')).toBe('photo.jpg');
    expect(displayName('\u0007bell\u001b.png ')).toBe('bell.png');
    expect(displayName('/')).toBe('untitled');
    expect(displayName('😀'.repeat(300))).toBe('😀'.repeat(255));
  });

  it('rounds sizes up so a file over a limit never reads as the limit', () => {
    expect(formatMB(500 * 1024 * 1024 + 1)).toBe('501 MB');
    expect(formatMB(25 * 1024 * 1024 + 1)).toBe('25.1 MB');
    expect(formatMB(1024 * 1024)).toBe('1 MB');
  });
});
