import { describe, expect, it } from 'vitest';
import { ContentFile } from '#core/schema';
import { mediaRefsUsedBy } from './usage.js';

const ref = (n: number, ext: string) => `media:${String(n).repeat(64)}.${ext}`;

const content = ContentFile.parse({
  schemaVersion: 2,
  defaultPlaylistId: 'lobby',
  playlists: [
    {
      id: 'lobby',
      name: 'Lobby',
      slides: [
        {
          id: 'intro',
          kind: 'theme',
          title: { en: 'Welcome', fr: 'Bienvenue' },
          body: { en: 'Hello' },
          image: { src: ref(1, 'png'), alt: { en: 'A hall' } },
        },
        {
          id: 'tour',
          kind: 'video',
          title: { fr: 'Visite', nl: 'Rondleiding' },
          video: {
            src: ref(2, 'webm'),
            poster: ref(1, 'png'),
            captions: { en: ref(3, 'vtt'), fr: ref(3, 'vtt') },
          },
        },
        {
          id: 'art',
          kind: 'image',
          title: { en: '  ' },
          image: { src: 'builtin:art/innovation.svg', alt: { en: 'Art' } },
        },
      ],
    },
    {
      id: 'night',
      name: 'Night loop',
      slides: [
        {
          id: 'photo',
          kind: 'image',
          title: { en: '' },
          image: { src: ref(1, 'png'), alt: { en: 'A hall' } },
        },
      ],
    },
  ],
});

describe('mediaRefsUsedBy', () => {
  it('names every slide using each uploaded file, once per slide', () => {
    const usage = mediaRefsUsedBy(content);
    expect(Object.fromEntries(usage)).toEqual({
      [ref(1, 'png')]: ['Lobby › Welcome', 'Lobby › Visite', 'Night loop › photo'],
      [ref(2, 'webm')]: ['Lobby › Visite'],
      [ref(3, 'vtt')]: ['Lobby › Visite'],
    });
  });

  it('leaves out built-in art, which cannot be deleted', () => {
    const usage = mediaRefsUsedBy(content);
    expect([...usage.keys()].some((key) => key.startsWith('builtin:'))).toBe(false);
  });
});
