/**
 * The scheduler: which playlist and which slides play at a given instant.
 *
 * Pure functions of the instant (epoch milliseconds) and an IANA time zone. Dates and times in
 * schedules are wall-clock times, so daylight-saving changes need no special cases: a window at
 * 02:30 on the night the clocks skip 02:00–03:00 simply starts at 03:00.
 */
import type { ContentFile, Playlist, Schedule, Slide } from './schema.js';

/** A moment as a wall clock in some zone shows it. */
export interface LocalParts {
  /** `YYYY-MM-DD` */
  date: string;
  /** ISO weekday, 1 Monday to 7 Sunday. */
  weekday: number;
  /** Minutes since local midnight, 0 to 1439. */
  minutes: number;
}

/** Why the player plays what it plays. */
export type Reason =
  | { kind: 'scheduled'; playlistId: string }
  | { kind: 'default'; playlistId: string }
  | { kind: 'default-fallback'; playlistId: string }
  | { kind: 'nothing'; playlistId: string };

/** What plays at an instant. */
export interface Resolved {
  playlist: Playlist;
  slides: Slide[];
  reason: Reason;
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

// Every slide of a resolve asks about the same instant: remember the last answer.
let lastKey = '';
let lastParts: LocalParts = { date: '', weekday: 1, minutes: 0 };

/** The wall-clock date, weekday and time of an instant in a zone. */
export function localParts(instant: number, timeZone: string): LocalParts {
  const key = `${instant}|${timeZone}`;
  if (key === lastKey) return lastParts;
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  // Some engines print midnight as hour "24" even with h23.
  const hour = Number(parts.hour) % 24;
  lastParts = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
    minutes: hour * 60 + Number(parts.minute),
  };
  lastKey = key;
  return lastParts;
}

/** Whether a time zone name is one this runtime knows. */
export function isValidTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight of `HH:MM` (`24:00` is 1440). */
function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function previousDay(parts: LocalParts): { date: string; weekday: number } {
  const [y, m, d] = parts.date.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
  return { date, weekday: parts.weekday === 1 ? 7 : parts.weekday - 1 };
}

function dayMatches(schedule: Schedule, date: string, weekday: number): boolean {
  if (schedule.startDate && date < schedule.startDate) return false;
  if (schedule.endDate && date > schedule.endDate) return false;
  if (schedule.weekdays?.length && !schedule.weekdays.includes(weekday)) return false;
  return true;
}

/**
 * Whether a schedule is on at an instant; no schedule, or an empty one, means always.
 *
 * A time window is `from` inclusive to `to` exclusive. One whose `to` is not after its `from`
 * runs past midnight, and the part after midnight belongs to the day it started on.
 */
export function isScheduleActive(
  schedule: Schedule | undefined,
  instant: number,
  defaultTimeZone: string,
): boolean {
  if (!schedule) return true;
  const parts = localParts(instant, schedule.timeZone || defaultTimeZone);
  const windows = schedule.times ?? [];
  if (windows.length === 0) return dayMatches(schedule, parts.date, parts.weekday);
  for (const window of windows) {
    const from = toMinutes(window.from);
    const to = toMinutes(window.to);
    if (from < to) {
      if (parts.minutes >= from && parts.minutes < to) {
        if (dayMatches(schedule, parts.date, parts.weekday)) return true;
      }
      continue;
    }
    if (parts.minutes >= from && dayMatches(schedule, parts.date, parts.weekday)) return true;
    if (parts.minutes < to) {
      const before = previousDay(parts);
      if (dayMatches(schedule, before.date, before.weekday)) return true;
    }
  }
  return false;
}

/** Which playlist plays at an instant, which of its slides, and why. */
export function resolvePlaylist(
  content: ContentFile,
  instant: number,
  defaultTimeZone: string,
): Resolved {
  const playable = (playlist: Playlist) =>
    playlist.slides.filter(
      (slide) => slide.enabled && isScheduleActive(slide.schedule, instant, defaultTimeZone),
    );
  for (const playlist of content.playlists) {
    if (!playlist.schedule || !isScheduleActive(playlist.schedule, instant, defaultTimeZone)) {
      continue;
    }
    const slides = playable(playlist);
    if (slides.length > 0) {
      return { playlist, slides, reason: { kind: 'scheduled', playlistId: playlist.id } };
    }
  }
  const fallback =
    content.playlists.find((p) => p.id === content.defaultPlaylistId) ?? content.playlists[0]!;
  const playlistId = fallback.id;
  const slides = playable(fallback);
  if (slides.length > 0)
    return { playlist: fallback, slides, reason: { kind: 'default', playlistId } };
  // Never a black screen while any slide is enabled: ignore slide schedules instead.
  const enabled = fallback.slides.filter((slide) => slide.enabled);
  const kind = enabled.length > 0 ? 'default-fallback' : 'nothing';
  return { playlist: fallback, slides: enabled, reason: { kind, playlistId } };
}

function signature(resolved: Resolved): string {
  return `${resolved.playlist.id}:${resolved.slides.map((slide) => slide.id).join(',')}`;
}

function schedulesOf(content: ContentFile): Schedule[] {
  return content.playlists.flatMap((playlist) => [
    ...(playlist.schedule ? [playlist.schedule] : []),
    ...playlist.slides.flatMap((slide) => (slide.schedule ? [slide.schedule] : [])),
  ]);
}

/**
 * The next instant after `instant` at which what plays changes, within `horizonMs`.
 *
 * Schedules only change where some zone's wall clock passes a window edge or midnight. Offsets
 * change at most at whole or half UTC hours (quarter hours for a few islands), so the search
 * looks at every quarter hour and at each edge minute between them.
 */
export function nextChange(
  content: ContentFile,
  instant: number,
  defaultTimeZone: string,
  horizonMs = 8 * DAY,
): number | undefined {
  const schedules = schedulesOf(content);
  if (schedules.length === 0) return undefined;
  const zones = [...new Set(schedules.map((s) => s.timeZone || defaultTimeZone))];
  const edges = new Set<number>([0]);
  for (const schedule of schedules) {
    for (const window of schedule.times ?? []) {
      edges.add(toMinutes(window.from) % 1440);
      edges.add(toMinutes(window.to) % 1440);
    }
  }
  const start = Math.floor(instant / MINUTE) * MINUTE + MINUTE;
  const current = signature(resolvePlaylist(content, instant, defaultTimeZone));
  const STEP = 15 * MINUTE;
  for (let block = Math.floor(start / STEP) * STEP; block < instant + horizonMs; block += STEP) {
    const candidates = new Set<number>([block]);
    for (const zone of zones) {
      const minuteOfDay = localParts(block, zone).minutes;
      for (const edge of edges) {
        const ahead = (edge - minuteOfDay + 1440) % 1440;
        if (ahead < 15) candidates.add(block + ahead * MINUTE);
      }
    }
    for (const candidate of [...candidates].sort((a, b) => a - b)) {
      if (candidate < start) continue;
      if (signature(resolvePlaylist(content, candidate, defaultTimeZone)) !== current) {
        return candidate;
      }
    }
  }
  return undefined;
}

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
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function describeDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
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

/** A short summary of a schedule for staff, e.g. "Mon–Fri, 09:00–17:00 (Europe/Brussels)". */
export function describeSchedule(schedule: Schedule | undefined): string {
  if (!schedule) return 'Always';
  const parts: string[] = [];
  if (schedule.weekdays?.length && schedule.weekdays.length < 7) {
    parts.push(describeWeekdays(schedule.weekdays));
  }
  if (schedule.times?.length) parts.push(schedule.times.map((w) => `${w.from}–${w.to}`).join(', '));
  if (schedule.startDate && schedule.endDate) {
    parts.push(`${describeDate(schedule.startDate)} – ${describeDate(schedule.endDate)}`);
  } else if (schedule.startDate) {
    parts.push(`from ${describeDate(schedule.startDate)}`);
  } else if (schedule.endDate) {
    parts.push(`until ${describeDate(schedule.endDate)}`);
  }
  const text = parts.length ? parts.join(', ') : 'Always';
  return schedule.timeZone ? `${text} (${schedule.timeZone})` : text;
}
