import { describe, expect, it } from 'vitest';
import type { ContentFile, Slide } from '#core/schema';
import { ContentFile as ContentSchema } from '#core/schema';
import {
  copyName,
  createPlaylist,
  createSlide,
  duplicatePlaylist,
  isUntranslated,
  move,
  setText,
  slugify,
  uniqueId,
  untranslatedCount,
} from './content-edit';

const content = (): ContentFile => ({
  schemaVersion: 2,
  defaultPlaylistId: 'lobby',
  playlists: [
    {
      id: 'lobby',
      name: 'Lobby',
      translations: {},
      slides: [createSlide({ kind: 'theme', title: 'Welcome', lang: 'en' }, [])],
    },
  ],
});

describe('ids from titles', () => {
  it('makes lowercase-dash ids, without accents or punctuation', () => {
    expect(slugify('Lunch menu!')).toBe('lunch-menu');
    expect(slugify('À propos de l’ambassade')).toBe('a-propos-de-l-ambassade');
    expect(slugify('من نحن')).toBe('item');
    expect(slugify('x'.repeat(100))).toHaveLength(56);
  });

  it('keeps ids unique', () => {
    expect(uniqueId('Menu', ['menu', 'menu-2'])).toBe('menu-3');
    expect(uniqueId('Menu', [])).toBe('menu');
  });

  it('names copies', () => {
    const playlists = content().playlists;
    expect(copyName('Lobby', playlists)).toBe('Lobby (copy)');
    playlists.push({ ...playlists[0]!, id: 'c', name: 'Lobby (copy)' });
    expect(copyName('Lobby', playlists)).toBe('Lobby (copy 2)');
  });
});

describe('new content is valid from the start', () => {
  it('creates a playlist with one slide and a duplicate with a new id', () => {
    const file = content();
    file.playlists.push(createPlaylist('Lobby', 'en', file));
    file.playlists.push(duplicatePlaylist(file.playlists[0]!, file));
    expect(file.playlists.map((p) => p.id)).toEqual(['lobby', 'lobby-2', 'lobby-copy']);
    expect(ContentSchema.safeParse(file).success).toBe(true);
  });

  it('creates slides of every kind', () => {
    const image = 'builtin:art/intro.svg';
    const video = `media:${'a'.repeat(64)}.webm`;
    const slides: Slide[] = [
      createSlide({ kind: 'theme', title: 'Hello', lang: 'en', media: image }, []),
      createSlide({ kind: 'image', title: 'Hello', lang: 'en', media: image }, ['hello']),
      createSlide({ kind: 'video', title: 'Hello', lang: 'en', media: video }, [
        'hello',
        'hello-2',
      ]),
    ];
    expect(slides.map((s) => s.id)).toEqual(['hello', 'hello-2', 'hello-3']);
    const file = content();
    file.playlists[0]!.slides = slides;
    expect(ContentSchema.safeParse(file).success).toBe(true);
    expect(() => createSlide({ kind: 'video', title: 'x', lang: 'en' }, [])).toThrow();
  });
});

describe('edits', () => {
  it('moves an item', () => {
    expect(move(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(move(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(move(['a', 'b'], -1, 0)).toEqual(['a', 'b']);
  });

  it('sets and clears a language', () => {
    expect(setText({ en: 'Hi' }, 'fr', 'Salut')).toEqual({ en: 'Hi', fr: 'Salut' });
    expect(setText({ en: 'Hi', fr: 'Salut' }, 'fr', '')).toEqual({ en: 'Hi' });
  });

  it('counts what is missing where the default language has text', () => {
    expect(isUntranslated({ en: 'Hi' }, 'fr', 'en')).toBe(true);
    expect(isUntranslated({ en: 'Hi', fr: '  ' }, 'fr', 'en')).toBe(true);
    expect(isUntranslated({ en: '' }, 'fr', 'en')).toBe(false);
    expect(isUntranslated({ en: 'Hi' }, 'en', 'en')).toBe(false);
    const slide = createSlide({ kind: 'theme', title: 'Hello', lang: 'en' }, []);
    expect(untranslatedCount(slide, ['en', 'fr', 'ar'], 'en')).toBe(2);
  });
});
