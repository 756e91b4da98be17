import { describe, expect, it } from 'vitest';
import {
  CSV_BOM,
  csvField,
  CsvExportRequest,
  csvNamesFrom,
  toCsv,
  type CsvNames,
} from './analytics-csv.js';
import type { AnalyticsRecord } from './analytics.js';
import type { ContentFile } from './schema.js';

const PLAY: AnalyticsRecord = {
  type: 'play',
  start: '2026-05-01T08:00:00.000Z',
  end: '2026-05-01T08:00:12.500Z',
  playlistId: 'default',
  slideId: 'intro',
  lang: 'en',
  trigger: 'visitor',
};
const SESSION: AnalyticsRecord = {
  type: 'session',
  start: '2026-05-01T08:01:00.000Z',
  end: '2026-05-01T08:02:30.000Z',
  slidesSeen: 3,
  lang: 'fr',
  ended: 'walk-away',
};
const NAMES: CsvNames = {
  playlists: new Map([['default', 'Accueil; été']]),
  slides: new Map([['default/intro', 'Say "hi", then\nwelcome']]),
};

describe('csvField', () => {
  it('escapes commas, quotes, line breaks and formula starts', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(12)).toBe('12');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@x,y')).toBe('"\'@x,y"');
  });

  it('quotes the separator in use, and only that one', () => {
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('a;b', 'semicolon')).toBe('"a;b"');
    expect(csvField('a,b', 'semicolon')).toBe('a,b');
    expect(csvField('say "hi"', 'semicolon')).toBe('"say ""hi"""');
  });
});

describe('toCsv', () => {
  it('starts with the UTF-8 byte-order mark, then a header and one row per record', () => {
    const csv = toCsv([PLAY, SESSION], 'UTC');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(CSV_BOM).toBe('\uFEFF');
    expect(csv.slice(1).split('\n')).toEqual([
      'type,start,end,duration_seconds,local_date,local_hour,playlist_id,playlist_name,slide_id,slide_name,language,trigger,slides_seen,ended',
      'play,2026-05-01T08:00:00.000Z,2026-05-01T08:00:12.500Z,12.5,2026-05-01,8,default,,intro,,en,visitor,,',
      'session,2026-05-01T08:01:00.000Z,2026-05-01T08:02:30.000Z,90.0,2026-05-01,8,,,,,fr,,3,walk-away',
      '',
    ]);
  });

  it('names playlists and slides next to their ids, quoted as needed (comma)', () => {
    const csv = toCsv([PLAY], 'Europe/Brussels', { names: NAMES });
    expect(csv.slice(1).split('\n').slice(1).join('\n')).toBe(
      'play,2026-05-01T08:00:00.000Z,2026-05-01T08:00:12.500Z,12.5,2026-05-01,10,' +
        'default,Accueil; été,intro,"Say ""hi"", then\nwelcome",en,visitor,,\n',
    );
  });

  it('with semicolons: quotes names holding one, and writes decimal commas', () => {
    const csv = toCsv([PLAY, SESSION], 'UTC', { names: NAMES, separator: 'semicolon' });
    const [header, ...rest] = csv.slice(1).split('\n');
    expect(header).toBe(
      'type;start;end;duration_seconds;local_date;local_hour;playlist_id;playlist_name;slide_id;slide_name;language;trigger;slides_seen;ended',
    );
    expect(rest.join('\n')).toBe(
      'play;2026-05-01T08:00:00.000Z;2026-05-01T08:00:12.500Z;12,5;2026-05-01;8;' +
        'default;"Accueil; été";intro;"Say ""hi"", then\nwelcome";en;visitor;;\n' +
        'session;2026-05-01T08:01:00.000Z;2026-05-01T08:02:30.000Z;90,0;2026-05-01;8;;;;;fr;;3;walk-away\n',
    );
  });

  it('keeps the header alone when there is nothing to export', () => {
    expect(toCsv([], 'UTC', { separator: 'semicolon' })).toMatch(/^\uFEFFtype;start;.*;ended\n$/);
  });
});

describe('csvNamesFrom', () => {
  it("reads each playlist's name and each slide's title in the language asked for", () => {
    // Only the parts the names come from.
    const content = {
      playlists: [
        {
          id: 'main',
          name: 'Main hall',
          slides: [{ id: 'intro', title: { en: 'Welcome', fr: 'Bienvenue' } }],
        },
      ],
    } as unknown as ContentFile;
    const names = csvNamesFrom(content, 'fr');
    expect(names.playlists.get('main')).toBe('Main hall');
    expect(names.slides.get('main/intro')).toBe('Bienvenue');
  });
});

describe('CsvExportRequest', () => {
  it('takes a range with an optional separator and refuses others', () => {
    const range = { from: '2026-05-01', to: '2026-05-02' };
    expect(CsvExportRequest.parse(range)).toEqual(range);
    expect(CsvExportRequest.parse({ ...range, separator: 'semicolon' }).separator).toBe(
      'semicolon',
    );
    expect(CsvExportRequest.safeParse({ ...range, separator: 'tab' }).success).toBe(false);
    expect(CsvExportRequest.safeParse({ from: '2026-05-02', to: '2026-05-01' }).success).toBe(
      false,
    );
  });
});
