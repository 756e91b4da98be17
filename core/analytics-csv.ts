/**
 * The analytics export as CSV that spreadsheets open as they are: UTF-8 with a byte-order mark,
 * slide and playlist names next to their ids, and a comma or semicolon between fields.
 *
 * One set of rules for the admin's Export CSV and `openness-kiosk export-plays`.
 */
import * as z from 'zod/mini';
import { DateRange, lengthOf, type AnalyticsRecord } from './analytics.js';
import { pickText } from './i18n.js';
import { localParts } from './schedule.js';
import type { ContentFile } from './schema.js';

/** The byte-order mark that tells Excel the file is UTF-8 (without it, "é" shows as "Ã©"). */
export const CSV_BOM = '\uFEFF';

/** The separators staff can choose; semicolon is what Excel expects where "," is the decimal mark. */
export const CsvSeparator = z.enum(['comma', 'semicolon']);
export type CsvSeparator = z.infer<typeof CsvSeparator>;

const CHARACTER: Record<CsvSeparator, string> = { comma: ',', semicolon: ';' };

/** The CSV's columns, in order. */
export const CSV_COLUMNS = [
  'type',
  'start',
  'end',
  'duration_seconds',
  'local_date',
  'local_hour',
  'playlist_id',
  'playlist_name',
  'slide_id',
  'slide_name',
  'language',
  'trigger',
  'slides_seen',
  'ended',
] as const;

/** Playlist and slide names by id, for the export. */
export interface CsvNames {
  playlists: ReadonlyMap<string, string>;
  /** Keyed by `playlistId/slideId` (slide ids are unique within a playlist). */
  slides: ReadonlyMap<string, string>;
}

/** No names known: the name columns stay empty. */
export const NO_CSV_NAMES: CsvNames = { playlists: new Map(), slides: new Map() };

/** The names in the content: each playlist's name and each slide's title in `lang`. */
export function csvNamesFrom(content: ContentFile, lang: string): CsvNames {
  const playlists = new Map<string, string>();
  const slides = new Map<string, string>();
  for (const playlist of content.playlists) {
    playlists.set(playlist.id, playlist.name);
    for (const slide of playlist.slides) {
      slides.set(`${playlist.id}/${slide.id}`, pickText(slide.title, lang, lang).text.trim());
    }
  }
  return { playlists, slides };
}

/**
 * One CSV field (RFC 4180): quoted when it holds the separator, a quote or a line break; a leading
 * `=`, `+`, `-`, `@` or tab gets a `'` first so spreadsheets never run it as a formula.
 */
export function csvField(value: string | number, separator: CsvSeparator = 'comma'): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const needsQuotes =
    /["\r\n]/.test(text) || text.includes(CHARACTER[separator]) || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** How the export is written. */
export interface CsvOptions {
  separator?: CsvSeparator;
  names?: CsvNames;
}

/**
 * The records as CSV: the byte-order mark, a header, then one row per record, each ending in a
 * line feed. With semicolons, decimals use a comma, as the spreadsheets that expect them do.
 */
export function toCsv(
  records: readonly AnalyticsRecord[],
  timeZone: string,
  { separator = 'comma', names = NO_CSV_NAMES }: CsvOptions = {},
): string {
  const decimal = (value: number) => {
    const text = value.toFixed(1);
    return separator === 'semicolon' ? text.replace('.', ',') : text;
  };
  const rows = records.map((record) => {
    const local = localParts(Date.parse(record.start), timeZone);
    const common = [
      record.type,
      record.start,
      record.end,
      decimal(lengthOf(record) / 1000),
      local.date,
      Math.floor(local.minutes / 60),
    ];
    const specific =
      record.type === 'play'
        ? [
            record.playlistId,
            names.playlists.get(record.playlistId) ?? '',
            record.slideId,
            names.slides.get(`${record.playlistId}/${record.slideId}`) ?? '',
            record.lang,
            record.trigger,
            '',
            '',
          ]
        : ['', '', '', '', record.lang, '', record.slidesSeen, record.ended];
    return [...common, ...specific].map((field) => csvField(field, separator));
  });
  const lines = [[...CSV_COLUMNS], ...rows].map((row) => `${row.join(CHARACTER[separator])}\n`);
  return CSV_BOM + lines.join('');
}

/** What the admin asks to export: a date range and, optionally, the separator. */
export const CsvExportRequest = z.intersection(
  DateRange,
  z.object({ separator: z.optional(CsvSeparator) }),
);
export type CsvExportRequest = z.infer<typeof CsvExportRequest>;
