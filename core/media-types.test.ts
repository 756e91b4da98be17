import { describe, expect, it } from 'vitest';
import { MEDIA_SIZE_LIMITS, MIB } from './limits';
import {
  ACCEPTED_LIST,
  MEDIA_KINDS,
  MEDIA_TYPES,
  mediaType,
  STORED_EXTENSIONS,
  UPLOAD_ACCEPT,
  uploadFormatsSummary,
} from './media-types';

describe('the media types table', () => {
  it('drives the upload control: every upload type offered, nothing else', () => {
    const offered = UPLOAD_ACCEPT.split(',');
    const fromTable = MEDIA_TYPES.filter((type) => type.upload).flatMap((type) => type.accept);
    expect(offered).toEqual(fromTable);
    for (const type of MEDIA_TYPES.filter((row) => !row.upload)) {
      expect(type.accept, type.ext).toEqual([]);
    }
    expect(offered).toEqual(expect.arrayContaining(['image/jpeg', 'video/quicktime', '.srt']));
    expect(offered).not.toContain('image/svg+xml');
  });

  it('drives the upload sentence: every named format of each kind, with its size limit', () => {
    const sentence = uploadFormatsSummary();
    for (const type of MEDIA_TYPES.filter((row) => row.upload && row.name)) {
      expect(sentence, type.ext).toContain(type.name);
      expect(ACCEPTED_LIST, type.ext).toContain(type.name);
    }
    expect(sentence).toBe(
      'Pictures (JPEG, PNG, WebP, AVIF, GIF; HEIC becomes JPEG) up to 25 MB, ' +
        'videos (MP4, WebM, iPhone MOV with H.264) up to 500 MB and ' +
        'captions (WebVTT .vtt; SubRip .srt becomes WebVTT) up to 1 MB.',
    );
    expect(uploadFormatsSummary({ ...MEDIA_SIZE_LIMITS, video: 2 * MIB })).toContain(
      'videos (MP4, WebM, iPhone MOV with H.264) up to 2 MB',
    );
  });

  it('keeps every upload as a type that is stored and served with its MIME type', () => {
    for (const type of MEDIA_TYPES.filter((row) => row.upload)) {
      const stored = type.becomes?.ext ?? type.ext;
      expect(STORED_EXTENSIONS, type.ext).toContain(stored);
      expect(mediaType(`x.${stored}`)).not.toBe('application/octet-stream');
      expect(MEDIA_KINDS).toContain(type.kind);
    }
    expect(STORED_EXTENSIONS).not.toContain('svg');
    expect(mediaType('art.svg')).toBe('image/svg+xml');
  });
});
