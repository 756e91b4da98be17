import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, jsonPath, problemsFromZod } from './problems';
import { ContentFile, DEFAULT_SETTINGS, Playlist, Settings, Slide } from './schema';

const shipped = JSON.parse(
  readFileSync(new URL('../assets/content/content.json', import.meta.url), 'utf8'),
);
const shippedSettings = JSON.parse(
  readFileSync(new URL('../assets/content/settings.json', import.meta.url), 'utf8'),
);

const theme = {
  id: 'intro',
  kind: 'theme',
  title: { en: 'About us' },
  body: { en: 'Text' },
};

function problems(
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return problemsFromZod('test.json', result.error as never).map(formatProblem);
}

describe('shipped default content', () => {
  it('is a valid content file with the intro and three themes in four languages', () => {
    const content = ContentFile.parse(shipped);
    const playlist = content.playlists.find((p) => p.id === content.defaultPlaylistId)!;
    expect(playlist.slides.map((s) => s.id)).toEqual([
      'intro',
      'innovation',
      'partnerships',
      'diversity',
    ]);
    expect(playlist.slides.map((s) => s.title.en)).toEqual([
      'About us',
      'Open for innovation',
      'Open for partnerships',
      'Open for diversity',
    ]);
    for (const slide of playlist.slides) {
      expect(slide.kind).toBe('theme');
      if (slide.kind !== 'theme') continue;
      for (const lang of ['en', 'fr', 'nl', 'de']) {
        expect(slide.title[lang], `${slide.id} title ${lang}`).toBeTruthy();
        expect(slide.body[lang], `${slide.id} body ${lang}`).toBeTruthy();
        expect(slide.image?.alt[lang], `${slide.id} alt ${lang}`).toBeTruthy();
      }
    }
  });

  it('marks the translations for staff review', () => {
    const playlist = ContentFile.parse(shipped).playlists[0]!;
    expect(playlist.translations).toMatchObject({
      en: 'source',
      fr: 'needs-review',
      nl: 'needs-review',
      de: 'needs-review',
    });
  });

  it('keeps the English source text word for word', () => {
    const source = readFileSync(new URL('../assets/source/about-us.txt', import.meta.url), 'utf8');
    const playlist = ContentFile.parse(shipped).playlists[0]!;
    for (const slide of playlist.slides) {
      if (slide.kind !== 'theme') continue;
      for (const paragraph of slide.body.en!.split('\n\n')) expect(source).toContain(paragraph);
      if (slide.lead) expect(source).toContain(slide.lead.en);
    }
  });

  it('ships valid settings equal to the defaults', () => {
    expect(Settings.parse(shippedSettings)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('slide and playlist schemas', () => {
  it('fills defaults', () => {
    const slide = Slide.parse(theme);
    expect(slide).toMatchObject({ enabled: true, durationMs: 12_000 });
  });

  it('accepts image and video slides', () => {
    const sha = 'b'.repeat(64);
    expect(
      Slide.parse({
        id: 'pic',
        kind: 'image',
        title: { en: 'A' },
        image: { src: `media:${sha}.jpg`, alt: { en: 'x' } },
      }),
    ).toMatchObject({ kind: 'image' });
    expect(
      Slide.parse({
        id: 'vid',
        kind: 'video',
        title: { en: 'A' },
        video: { src: `media:${sha}.mp4` },
      }),
    ).toMatchObject({ video: { muted: true, loop: false } });
  });

  it('names the JSON path of each problem', () => {
    const lines = problems(Playlist, {
      id: 'Bad Id',
      name: 'x',
      slides: [
        theme,
        { ...theme, durationMs: 10, title: { english: 'x' } },
        { ...theme, kind: 'poster' },
      ],
    });
    expect(lines).toContain('test.json: $.id: must be 1 to 64 lowercase letters, digits or dashes');
    expect(lines.some((l) => l.startsWith('test.json: $.slides[1].durationMs:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('test.json: $.slides[1].title.english:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('test.json: $.slides[2].kind:'))).toBe(true);
  });

  it('refuses duplicate slide ids and media outside the kiosk', () => {
    expect(problems(Playlist, { id: 'p', name: 'p', slides: [theme, theme] })).toContain(
      'test.json: $.slides[1].id: duplicate slide id "intro"',
    );
    const outside = { ...theme, image: { src: 'https://example.com/x.png', alt: {} } };
    expect(problems(Slide, outside)[0]).toMatch(/^test\.json: \$\.image\.src: must be "builtin:/);
    const traversal = { ...theme, image: { src: 'builtin:art/../../x.svg', alt: {} } };
    expect(problems(Slide, traversal)).toHaveLength(1);
  });

  it('refuses an empty playlist and an unknown active playlist', () => {
    expect(problems(Playlist, { id: 'p', name: 'p', slides: [] })[0]).toBe(
      'test.json: $.slides: a playlist needs at least one slide',
    );
    const content = {
      schemaVersion: 2,
      defaultPlaylistId: 'nope',
      playlists: [{ id: 'p', name: 'p', slides: [theme] }],
    };
    expect(problems(ContentFile, content)).toEqual([
      'test.json: $.defaultPlaylistId: no playlist has the id "nope"',
    ]);
  });

  it('checks settings ranges and the default language', () => {
    const lines = problems(Settings, {
      idleTimeoutSec: 2,
      defaultLanguage: 'es',
      enabledLanguages: ['en'],
    });
    expect(lines.some((l) => l.startsWith('test.json: $.idleTimeoutSec:'))).toBe(true);
    expect(lines).toContain(
      'test.json: $.defaultLanguage: default language "es" is not among the enabled languages',
    );
  });

  it('keeps the default idle timeout and countdown within the contract', () => {
    expect(DEFAULT_SETTINGS.idleTimeoutSec).toBeLessThanOrEqual(120);
    expect(DEFAULT_SETTINGS.countdownSec).toBeLessThanOrEqual(30);
  });
});

describe('jsonPath', () => {
  it('writes indexes, identifiers and odd keys', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['slides', 2, 'title', 'nl-BE'])).toBe('$.slides[2].title["nl-BE"]');
  });
});
