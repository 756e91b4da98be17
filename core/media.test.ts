import { describe, expect, it } from 'vitest';
import { mediaType, mediaUrl, parseMediaPath } from './media';

const sha = 'a'.repeat(64);

describe('media references', () => {
  it('maps references to served paths and back', () => {
    expect(mediaUrl('builtin:art/intro.svg')).toBe('/builtin/art/intro.svg');
    expect(mediaUrl(`media:${sha}.png`)).toBe(`/media/${sha}.png`);
    expect(parseMediaPath('/builtin/art/intro.svg')).toEqual({
      root: 'assets',
      relative: 'art/intro.svg',
    });
    expect(parseMediaPath(`/media/${sha}.webm`)).toEqual({
      root: 'data',
      relative: `media/${sha}.webm`,
    });
  });

  it('refuses anything that could leave its folder', () => {
    for (const path of [
      '/builtin/art/../../package.json',
      '/builtin/art/%2e%2e/x.svg',
      '/builtin/other/x.svg',
      '/media/../settings.json',
      `/media/${sha}.exe`,
      '/media/abc.png',
      '/builtin/art/x.svg?x=1',
    ]) {
      expect(parseMediaPath(path), path).toBeNull();
    }
  });

  it('gives MIME types by extension', () => {
    expect(mediaType('x.svg')).toBe('image/svg+xml');
    expect(mediaType('x.MP4')).toBe('video/mp4');
    expect(mediaType('x.bin')).toBe('application/octet-stream');
  });
});
