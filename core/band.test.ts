import { describe, expect, it } from 'vitest';
import { bandLines } from './band';
import { BandSettings, MAX_ANNOUNCEMENT_LENGTH, Settings, Slide } from './schema';

const band = BandSettings.parse({
  enabled: true,
  announcements: [
    {
      text: {
        en: 'Consular section closed on 25 December',
        fr: 'Section consulaire fermée le 25 décembre',
      },
    },
    {
      text: { en: 'Open day' },
      schedule: { timeZone: 'Europe/Brussels', startDate: '2026-12-24', endDate: '2026-12-24' },
    },
    { text: { en: '  ' } },
  ],
});

describe('bandLines', () => {
  it('shows the announcements whose schedule is on, in the visitor language or the fallback', () => {
    const dec23 = Date.parse('2026-12-23T10:00:00Z');
    expect(bandLines(band, dec23, 'Europe/Brussels', 'fr', 'en')).toEqual([
      { index: 0, text: 'Section consulaire fermée le 25 décembre', lang: 'fr' },
    ]);
    const dec24 = Date.parse('2026-12-24T10:00:00Z');
    expect(bandLines(band, dec24, 'Europe/Brussels', 'nl', 'en').map((l) => l.text)).toEqual([
      'Consular section closed on 25 December',
      'Open day',
    ]);
  });
});

describe('band settings', () => {
  it('is off by default, with no announcements', () => {
    expect(Settings.parse({}).band).toEqual({
      enabled: false,
      clock: false,
      position: 'top',
      motion: 'rotate',
      announcements: [],
    });
  });

  it('refuses an announcement over the length limit, naming where', () => {
    const result = Settings.safeParse({
      band: { announcements: [{ text: { de: 'x'.repeat(MAX_ANNOUNCEMENT_LENGTH + 1) } }] },
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(['band', 'announcements', 0, 'text', 'de']);
    expect(issue.message).toBe(`must be at most ${MAX_ANNOUNCEMENT_LENGTH} characters`);
  });
});

describe('slide link', () => {
  const slide = (link: string) =>
    Slide.safeParse({ id: 'a', kind: 'theme', title: { en: 'A' }, body: { en: 'B' }, link });

  it('accepts http and https addresses', () => {
    expect(slide('https://embracingopenness.be/en/about-us').success).toBe(true);
    expect(slide('http://intranet.embassy.example/visa').success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/a', 'data:text/html,hi', 'example.org', ''])(
    'refuses %j with a message that says what is accepted',
    (link) => {
      const result = slide(link);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(['link']);
      expect(result.error!.issues[0]!.message).toMatch(/http:\/\/ or https:\/\//);
    },
  );
});
