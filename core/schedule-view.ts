/**
 * Views of schedules for staff: the week timeline and short descriptions.
 *
 * Kept apart from the scheduler so the player's bundle carries only what it runs.
 */
import { resolvePlaylist, type Reason } from './schedule.js';
import type { ContentFile, Schedule } from './schema.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A stretch of the week during which one playlist plays. */
export interface TimelineSegment {
  from: number;
  to: number;
  playlistId: string;
  reason: Reason['kind'];
}

/** What plays over the 7 days from `weekStart`, sampled every `stepMinutes`, merged into stretches. */
export function weekTimeline(
  content: ContentFile,
  weekStart: number,
  defaultTimeZone: string,
  stepMinutes = 15,
): TimelineSegment[] {
  const segments: TimelineSegment[] = [];
  const end = weekStart + 7 * DAY;
  for (let at = weekStart; at < end; at += stepMinutes * MINUTE) {
    const { playlist, reason } = resolvePlaylist(content, at, defaultTimeZone);
    const last = segments.at(-1);
    const to = Math.min(at + stepMinutes * MINUTE, end);
    if (last && last.playlistId === playlist.id && last.reason === reason.kind) last.to = to;
    else segments.push({ from: at, to, playlistId: playlist.id, reason: reason.kind });
  }
  return segments;
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** A `YYYY-MM-DD` date in the reader's language ("1 Mar 2026", "1 mars 2026", "Mar 1, 2026"). */
function describeDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(0).setUTCFullYear(y, m - 1, d);
  const options = { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' } as const;
  return new Intl.DateTimeFormat(locale, options).format(day);
}

function describeWeekdays(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = DAY_NAMES[sorted[i]! - 1]!;
    const last = DAY_NAMES[sorted[j]! - 1]!;
    runs.push(j - i >= 2 ? `${first}–${last}` : j > i ? `${first}, ${last}` : first);
    i = j + 1;
  }
  return runs.join(', ');
}

/**
 * A short summary of a schedule for staff, e.g. "Mon–Fri, 09:00–17:00 (Europe/Brussels)".
 *
 * Dates are written in `locale` (the admin's language).
 */
export function describeSchedule(schedule: Schedule | undefined, locale = 'en-GB'): string {
  if (!schedule) return 'Always';
  const parts: string[] = [];
  if (schedule.weekdays?.length && schedule.weekdays.length < 7) {
    parts.push(describeWeekdays(schedule.weekdays));
  }
  if (schedule.times?.length) {
    // The same start and end is all day, as the scheduler plays it.
    const times = schedule.times.map((w) => (w.from === w.to ? 'all day' : `${w.from}–${w.to}`));
    parts.push(times.join(', '));
  }
  if (schedule.startDate && schedule.endDate) {
    parts.push(
      `${describeDate(schedule.startDate, locale)} – ${describeDate(schedule.endDate, locale)}`,
    );
  } else if (schedule.startDate) {
    parts.push(`from ${describeDate(schedule.startDate, locale)}`);
  } else if (schedule.endDate) {
    parts.push(`until ${describeDate(schedule.endDate, locale)}`);
  }
  const text = parts.length ? parts.join(', ') : 'Always';
  return schedule.timeZone ? `${text} (${schedule.timeZone})` : text;
}
