/**
 * Proof of play and visitor sessions: the records and the summary made from them (the CSV is in
 * analytics-csv.ts).
 *
 * Private by design: a record says which slide showed when, in which language, and whether a
 * visitor moved to it; a session says how long a visit lasted and how it ended. Nothing names
 * or tells apart the people who touched the screen (no address, device or free text is kept).
 * Pure functions of records and a time zone, so they run in the host, the CLI and tests alike.
 */
import * as z from 'zod/mini';
import { localParts } from './schedule.js';
import { Id, LanguageCode, LocalDate } from './schema.js';
import { MAX_RANGE_DAYS, MAX_RECORD_MS, MAX_RECORDS_PER_CALL } from './limits.js';

export { MAX_RANGE_DAYS, MAX_RECORD_MS, MAX_RECORDS_PER_CALL };

const IsoTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO date and time such as "2026-05-01T18:00:00Z"',
});
const Lang = LanguageCode.check(z.maxLength(35));

// A record's end is not before its start, and it does not last longer than a day.
const inOrder = z.refine<{ start: string; end: string }>(
  (record) => {
    const length = Date.parse(record.end) - Date.parse(record.start);
    return length >= 0 && length <= MAX_RECORD_MS;
  },
  { message: 'must be after "start" and at most 24 hours later', path: ['end'] },
);

// When a record began and ended (checked by `inOrder`).
const span = { start: IsoTime, end: IsoTime };

/** The slide on screen now, as the player reports it when it shows one (for health). */
export const NowShowing = z.object({
  playlistId: Id,
  slideId: Id,
  lang: Lang,
  /** When it came on screen. */
  since: IsoTime,
});
export type NowShowing = z.infer<typeof NowShowing>;

/** One slide shown, from start to end. */
export const PlayRecord = z
  .object({
    type: z.literal('play'),
    ...span,
    playlistId: Id,
    slideId: Id,
    /** The language the slide was shown in (the one on screen when it ended). */
    lang: Lang,
    /** Whether rotation brought the slide (automatic) or a visitor's swipe, tap or key. */
    trigger: z.enum(['automatic', 'visitor']),
  })
  .check(inOrder);
export type PlayRecord = z.infer<typeof PlayRecord>;

/** One visit: from a visitor's first input to the reset. */
export const SessionRecord = z
  .object({
    type: z.literal('session'),
    ...span,
    /** Different slides shown during the visit. */
    slidesSeen: z.int().check(z.gte(0), z.lte(10_000)),
    /** The language on screen when the visit ended. */
    lang: Lang,
    /** `walk-away`: the idle countdown ran out; `reset`: the player was reset or left early. */
    ended: z.enum(['reset', 'walk-away']),
  })
  .check(inOrder);
export type SessionRecord = z.infer<typeof SessionRecord>;

/** A line of the play log. */
export const AnalyticsRecord = z.discriminatedUnion('type', [PlayRecord, SessionRecord]);
export type AnalyticsRecord = z.infer<typeof AnalyticsRecord>;

/** What the player sends: records that just ended. */
export const RecordBatch = z.object({
  records: z
    .array(AnalyticsRecord)
    .check(z.maxLength(MAX_RECORDS_PER_CALL, `at most ${MAX_RECORDS_PER_CALL} records at once`)),
});

/** How many records were kept, and how many dropped (too many, too old, or a full day file). */
export const RecordResult = z.object({ accepted: z.int(), dropped: z.int() });
export type RecordResult = z.infer<typeof RecordResult>;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A range of local dates, both days included. */
export const DateRange = z.object({ from: LocalDate, to: LocalDate }).check(
  z.superRefine((range, ctx) => {
    const days = dayNumber(range.to) - dayNumber(range.from) + 1;
    if (Number.isNaN(days)) return;
    if (days < 1) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before "from"' });
    } else if (days > MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the range may cover at most ${MAX_RANGE_DAYS} days`,
      });
    }
  }),
);
export type DateRange = z.infer<typeof DateRange>;

const Count = z.int().check(z.gte(0));

/** What the admin's Analytics screen shows for a date range. */
export const AnalyticsSummary = z.object({
  from: LocalDate,
  to: LocalDate,
  /** The zone whose wall clock dates and hours are read in. */
  timeZone: z.string(),
  plays: Count,
  sessions: Count,
  /** Most played first. */
  playsPerSlide: z.array(
    z.object({ playlistId: z.string(), slideId: z.string(), plays: Count, visitor: Count }),
  ),
  /** Sessions that started in each hour of the day, 0 to 23. */
  sessionsByHour: z.array(Count),
  /** Sessions by the language they ended in, most first. */
  languages: z.array(z.object({ lang: z.string(), sessions: Count })),
  /** Mean session length in milliseconds (null without sessions). */
  averageSessionMs: z.nullable(z.number()),
  /** Every day of the range. */
  days: z.array(
    z.object({
      date: LocalDate,
      plays: Count,
      sessions: Count,
      averageSessionMs: z.nullable(z.number()),
    }),
  ),
  endings: z.object({ 'walk-away': Count, reset: Count }),
  /** Lines of the log that could not be read (a crash mid-write) and were left out. */
  skippedLines: Count,
});
export type AnalyticsSummary = z.infer<typeof AnalyticsSummary>;

/** The local date a record belongs to: the day its start falls on in the zone. */
export function recordDate(record: AnalyticsRecord, timeZone: string): string {
  return localParts(Date.parse(record.start), timeZone).date;
}

/** The records whose start falls within the range (local dates in the zone), oldest first. */
export function recordsInRange(
  records: readonly AnalyticsRecord[],
  range: DateRange,
  timeZone: string,
): AnalyticsRecord[] {
  return records
    .filter((record) => {
      const date = recordDate(record, timeZone);
      return date >= range.from && date <= range.to;
    })
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** How long a record lasted, in milliseconds. */
export const lengthOf = (record: AnalyticsRecord) =>
  Date.parse(record.end) - Date.parse(record.start);
const mean = (values: number[]) =>
  values.length === 0 ? null : Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);

/** Count plays and sessions for the range; records outside it are ignored. */
export function summarize(
  records: readonly AnalyticsRecord[],
  range: DateRange,
  timeZone: string,
  skippedLines = 0,
): AnalyticsSummary {
  const perSlide = new Map<string, AnalyticsSummary['playsPerSlide'][number]>();
  const languages = new Map<string, number>();
  const sessionsByHour = Array.from({ length: 24 }, () => 0);
  const endings = { 'walk-away': 0, reset: 0 };
  const first = dayNumber(range.from);
  const days = Array.from({ length: dayNumber(range.to) - first + 1 }, (_, i) => ({
    date: dateOfDay(first + i),
    plays: 0,
    sessions: 0,
    lengths: [] as number[],
  }));
  const lengths: number[] = [];
  let plays = 0;
  let sessions = 0;
  for (const record of records) {
    const local = localParts(Date.parse(record.start), timeZone);
    const day = days[dayNumber(local.date) - first];
    if (!day) continue;
    if (record.type === 'play') {
      plays++;
      day.plays++;
      const key = `${record.playlistId}/${record.slideId}`;
      const row = perSlide.get(key) ?? {
        playlistId: record.playlistId,
        slideId: record.slideId,
        plays: 0,
        visitor: 0,
      };
      row.plays++;
      if (record.trigger === 'visitor') row.visitor++;
      perSlide.set(key, row);
    } else {
      sessions++;
      day.sessions++;
      day.lengths.push(lengthOf(record));
      lengths.push(lengthOf(record));
      sessionsByHour[Math.floor(local.minutes / 60)]!++;
      languages.set(record.lang, (languages.get(record.lang) ?? 0) + 1);
      endings[record.ended]++;
    }
  }
  return {
    from: range.from,
    to: range.to,
    timeZone,
    plays,
    sessions,
    playsPerSlide: [...perSlide.values()].sort(
      (a, b) =>
        b.plays - a.plays ||
        a.slideId.localeCompare(b.slideId) ||
        a.playlistId.localeCompare(b.playlistId),
    ),
    sessionsByHour,
    languages: [...languages]
      .map(([lang, count]) => ({ lang, sessions: count }))
      .sort((a, b) => b.sessions - a.sessions || a.lang.localeCompare(b.lang)),
    averageSessionMs: mean(lengths),
    days: days.map(({ lengths: dayLengths, ...day }) => ({
      ...day,
      averageSessionMs: mean(dayLengths),
    })),
    endings,
    skippedLines,
  };
}
