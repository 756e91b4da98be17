/**
 * What staff should know about their schedules, computed from the schedule data alone: problems
 * that refuse a save (at the field), and warnings that explain what the scheduler will do.
 *
 * The editor and the week timeline both show these, so each rule and its words live here once.
 */
import { calendarDateProblem } from './calendar-date.js';
import { localParts } from './schedule.js';
import type { ContentFile, Schedule, TimeWindow } from './schema.js';

/** A schedule field a problem belongs to. */
export type ScheduleField = 'startDate' | 'endDate';

/** A value that cannot be saved, at its field. */
export interface ScheduleProblem {
  field: ScheduleField;
  message: string;
}

/** Something about a playlist's schedule that staff should know; it does not refuse a save. */
export interface ScheduleWarning {
  kind: 'overlap' | 'default-playlist';
  /** The playlists it concerns: for an overlap, the one that plays first. */
  playlistIds: string[];
  message: string;
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_MINUTES = 1440;
const WEEK_MINUTES = 7 * DAY_MINUTES;

/** The values of one schedule that cannot be saved: dates no calendar has, an end before the start. */
export function scheduleProblems(schedule: Schedule | undefined): ScheduleProblem[] {
  if (!schedule) return [];
  const problems: ScheduleProblem[] = [];
  const start = schedule.startDate && calendarDateProblem(schedule.startDate);
  const end = schedule.endDate && calendarDateProblem(schedule.endDate);
  if (start) problems.push({ field: 'startDate', message: start });
  if (end) problems.push({ field: 'endDate', message: end });
  if (
    !start &&
    !end &&
    schedule.startDate !== undefined &&
    schedule.endDate !== undefined &&
    schedule.endDate < schedule.startDate
  ) {
    problems.push({
      field: 'endDate',
      message: 'The end date is before the start date: choose an end on or after the start.',
    });
  }
  return problems;
}

/** Said at a date field when the browser was given a day its month lacks (or half a date). */
export const IMPOSSIBLE_DATE_TYPED =
  'That is not a complete date of the calendar (31 February, for example, does not exist): ' +
  'the date was not changed.';

/** What a time window means, in words: all day, past midnight, or nothing to add. */
export function windowNote(window: TimeWindow): string | undefined {
  if (window.from === window.to) return 'Starts and ends at the same time: plays all day.';
  if (window.to !== '24:00' && window.to < window.from) {
    return 'Ends before it starts: runs past midnight into the next day.';
  }
  return undefined;
}

/** What daylight-saving changes do to time windows, in plain words (see core/schedule.ts). */
export const DAYLIGHT_SAVING_NOTE =
  'When the clocks go forward an hour, a window that lies inside the skipped hour does not play ' +
  'that night (one that starts inside it and ends later starts when the clocks reach the end of ' +
  'the skipped hour). When the clocks go back, a window inside the repeated hour plays twice.';

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The minutes of a week (Monday 00:00 = 0, on the schedule's own clock) a schedule plays. */
function weekMinutes(schedule: Schedule): Uint8Array {
  const on = new Uint8Array(WEEK_MINUTES);
  const mark = (from: number, to: number) => {
    for (let m = from; m < to; m++) on[m % WEEK_MINUTES] = 1;
  };
  const days = schedule.weekdays?.length ? schedule.weekdays : [1, 2, 3, 4, 5, 6, 7];
  for (const weekday of days) {
    const day = (weekday - 1) * DAY_MINUTES;
    if (!schedule.times?.length) mark(day, day + DAY_MINUTES);
    for (const { from, to } of schedule.times ?? []) {
      const [a, b] = [minutesOf(from), minutesOf(to)];
      if (a === b) mark(day, day + DAY_MINUTES);
      else mark(day + a, day + b + (b > a ? 0 : DAY_MINUTES));
    }
  }
  return on;
}

/** Day numbers (since 1970) of a schedule's date range. */
function dayRange(schedule: Schedule): [number, number] {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  return [
    schedule.startDate ? day(schedule.startDate) : -Infinity,
    schedule.endDate ? day(schedule.endDate) : Infinity,
  ];
}

/** Minutes the zone's wall clock is ahead of UTC at an instant. */
function offsetMinutes(zone: string, instant: number): number {
  const { date, minutes } = localParts(instant, zone);
  return Math.round((Date.parse(`${date}T00:00:00Z`) + minutes * 60_000 - instant) / 60_000);
}

/** The runs of a week's minute mask as "Mon 18:00–19:00" (at most `max`, then "and more"). */
function describeRuns(mask: Uint8Array, max = 3): string {
  const clock = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const runs: string[] = [];
  for (let m = 0; m < WEEK_MINUTES; m++) {
    if (!mask[m]) continue;
    const day = Math.floor(m / DAY_MINUTES);
    let end = m;
    while (end < (day + 1) * DAY_MINUTES && mask[end]) end++;
    runs.push(
      `${DAY_NAMES[day]} ${clock(m - day * DAY_MINUTES)}–${clock(end - day * DAY_MINUTES)}`,
    );
    m = end - 1;
  }
  if (runs.length === 7 && runs.every((run) => run.endsWith('00:00–24:00'))) return 'every day';
  return runs.length > max ? `${runs.slice(0, max).join(', ')} and more` : runs.join(', ');
}

/**
 * Warnings about the playlists' schedules of a content file.
 *
 * Overlaps follow the real rule of core/schedule.ts: the first playlist in the list whose schedule
 * is on (and that has a slide on) plays. Times are on the kiosk's clock (`kioskTimeZone`);
 * a schedule in another zone is moved by the two zones' difference at `now`.
 */
export function scheduleWarnings(
  content: ContentFile,
  kioskTimeZone: string,
  now: number,
): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  const defaultList = content.playlists.find((p) => p.id === content.defaultPlaylistId);
  if (defaultList?.schedule) {
    warnings.push({
      kind: 'default-playlist',
      playlistIds: [defaultList.id],
      message:
        `'${defaultList.name}' is the default playlist: it plays whenever nothing else does, ` +
        'whatever its schedule says. Its schedule only decides when it goes before the ' +
        'playlists below it in the list.',
    });
  }
  const kioskOffset = offsetMinutes(kioskTimeZone, now);
  const scheduled = content.playlists
    .filter((p) => p.schedule && scheduleProblems(p.schedule).length === 0)
    .map((p) => {
      const schedule = p.schedule!;
      const shift = kioskOffset - offsetMinutes(schedule.timeZone || kioskTimeZone, now);
      const own = weekMinutes(schedule);
      const mask = new Uint8Array(WEEK_MINUTES);
      for (let m = 0; m < WEEK_MINUTES; m++) {
        if (own[m]) mask[(((m + shift) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES] = 1;
      }
      return { playlist: p, range: dayRange(schedule), mask };
    });
  for (const [i, first] of scheduled.entries()) {
    for (const later of scheduled.slice(i + 1)) {
      const from = Math.max(first.range[0], later.range[0]);
      const to = Math.min(first.range[1], later.range[1]);
      if (from > to) continue;
      const both = first.mask.map((on, m) => on & later.mask[m]!);
      // A shared range under a week long holds only some weekdays.
      if (to - from < 6) {
        const days = new Set<number>();
        // Day 0, 1 January 1970, was a Thursday (index 3 from Monday).
        for (let d = from; d <= to; d++) days.add((((d + 3) % 7) + 7) % 7);
        both.forEach((_, m) => {
          if (!days.has(Math.floor(m / DAY_MINUTES))) both[m] = 0;
        });
      }
      if (!both.includes(1)) continue;
      const a = first.playlist;
      const b = later.playlist;
      const why = a.slides.some((s) => s.enabled)
        ? `'${a.name}' plays because it comes first in the list.`
        : `'${b.name}' plays, because '${a.name}', first in the list, has no slide switched on.`;
      warnings.push({
        kind: 'overlap',
        playlistIds: [a.id, b.id],
        message: `Both '${a.name}' and '${b.name}' are scheduled ${describeRuns(both)}; ${why}`,
      });
    }
  }
  return warnings;
}
