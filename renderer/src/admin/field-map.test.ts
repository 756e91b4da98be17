import { describe, expect, it } from 'vitest';
import { emptyDefaultTitles } from '#core/content-rules';
import { jsonPath, parseJsonPath } from '#core/problems';
import { ContentFile, SLIDE_DURATION_MS } from '#core/schema';
import { convert } from '#core/units';
import { contentProblem, fieldKey, slideField } from './field-map';

const content = ContentFile.parse({
  schemaVersion: 2,
  defaultPlaylistId: 'lobby',
  playlists: [
    {
      id: 'lobby',
      name: 'Lobby',
      slides: [{ id: 'intro', kind: 'theme', title: { en: 'About us' }, body: { en: 'Hi' } }],
    },
    {
      id: 'visa',
      name: 'Visa desk',
      slides: [{ id: 'hours', kind: 'theme', title: { en: 'Opening hours' }, body: {} }],
    },
  ],
});

describe('contentProblem', () => {
  it('names a duration by its label, in seconds, with the range from core', () => {
    const problem = contentProblem(
      '$.playlists[1].slides[0].durationMs',
      'must be between 2000 and 600000 milliseconds',
      content,
      'en',
    );
    expect(problem).toEqual({
      key: 'visa/hours/durationMs',
      label: 'Duration',
      where: 'slide “Opening hours” in “Visa desk”',
      message: `between ${SLIDE_DURATION_MS.min / 1000} and ${SLIDE_DURATION_MS.max / 1000} seconds`,
    });
    expect(problem.message).toBe('between 2 and 600 seconds');
  });

  it('reads zod paths and JSON paths alike', () => {
    const fromZod = contentProblem(
      ['playlists', 0, 'slides', 0, 'title', 'fr'],
      'x',
      content,
      'en',
    );
    const fromHost = contentProblem('$.playlists[0].slides[0].title.fr', 'x', content, 'en');
    expect(fromZod).toEqual(fromHost);
    expect(fromZod.key).toBe('lobby/intro/title.fr');
    expect(fromZod.label).toBe('Title (Français)');
  });

  it('says an empty default title in the language staff read, not its tag', () => {
    const [empty] = emptyDefaultTitles(
      {
        ...content,
        playlists: [
          {
            ...content.playlists[0]!,
            slides: [{ ...content.playlists[0]!.slides[0]!, title: { en: ' ' } }],
          },
        ],
      },
      'en',
    );
    expect(empty?.path).toBe('$.playlists[0].slides[0].title.en');
    const problem = contentProblem(empty!.path, empty!.message, content, 'en');
    expect(problem.label).toBe('Title (English)');
    expect(problem.message).toBe('write a title in English; other languages fall back to it');
  });

  it('maps media, captions, alt text and playlist fields to their labels', () => {
    expect(slideField(['image', 'src'])).toMatchObject({ name: 'image', label: 'Picture' });
    expect(slideField(['image', 'alt', 'nl'])).toMatchObject({ label: 'Alt text (Nederlands)' });
    expect(slideField(['video', 'captions', 'de'])).toMatchObject({ label: 'Captions (Deutsch)' });
    expect(slideField(['body', 'en'])).toMatchObject({ name: 'body.en', label: 'Body (English)' });
    expect(slideField(['link'])).toMatchObject({ name: 'link', label: 'Link' });
    const name = contentProblem(['playlists', 1, 'name'], 'Too small', content, 'en');
    expect(name).toMatchObject({ key: 'visa/name', label: 'Name', where: 'playlist “Visa desk”' });
    const whole = contentProblem(
      ['defaultPlaylistId'],
      'no playlist has the id "x"',
      content,
      'en',
    );
    expect(whole).toMatchObject({ key: 'content/defaultPlaylistId', label: 'Default playlist' });
  });

  it('never puts a JSON path in what staff read', () => {
    const paths = [
      ['playlists', 0, 'slides', 0, 'durationMs'],
      ['playlists', 0, 'slides', 0, 'video', 'src'],
      ['playlists', 0, 'slides'],
      ['playlists', 7],
      [],
    ];
    for (const path of paths) {
      const problem = contentProblem(path, 'must be something', content, 'en');
      expect(`${problem.label} ${problem.where} ${problem.message}`).not.toContain('$.');
    }
  });
});

describe('paths and units', () => {
  it('parses the JSON paths jsonPath writes', () => {
    for (const path of [['playlists', 1, 'slides', 0, 'durationMs'], ['title', 'nl-BE'], []]) {
      expect(parseJsonPath(jsonPath(path))).toEqual(path);
    }
  });

  it('converts between time units and refuses the others', () => {
    expect(convert(600_000, 'milliseconds', 'seconds')).toBe(600);
    expect(convert(2, 'hours', 'minutes')).toBe(120);
    expect(() => convert(1, 'percent', 'seconds')).toThrow();
  });

  it('keys a field by its scope', () => {
    expect(fieldKey('lobby/intro', 'durationMs')).toBe('lobby/intro/durationMs');
    expect(fieldKey('', 'expiresAt')).toBe('expiresAt');
  });
});
