/**
 * The scheduler: which playlist and which slides play at a given instant.
 *
 * Pure functions of the instant (epoch milliseconds) and an IANA time zone. Schedules speak in
 * wall-clock time, so an instant is first read off the zone's wall clock as a count of minutes
 * since 1970-01-01 00:00 on that clock; the date, weekday and time of day all follow from the
 * count by arithmetic. Daylight saving then needs no special case: on the night the clocks skip
 * 02:00–03:00 a window from 02:30 starts at 03:00, and on the night they repeat that hour a
 * window inside it plays both times.
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

const MINUTE = 60_000;
const DAY_MINUTES = 1440;
const DAY = DAY_MINUTES * MINUTE;

// Building a formatter costs far more than using one, and the scheduler runs often.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    const n = 'numeric';
    const options = { timeZone, year: n, month: n, day: n, hour: n, minute: n } as const;
    format = new Intl.DateTimeFormat('en-US', { ...options, hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Epoch milliseconds of a calendar day at 00:00 UTC (years below 100 stay as written). */
function utcDate(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

/** The zone's wall clock at an instant, in minutes since 1970-01-01 00:00 on that clock. */
function wallMinute(instant: number, timeZone: string): number {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(instant)) {
    parts[type] = Number(value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  // Some engines print midnight as hour 24 even with h23; it still belongs to the day printed.
  return utcDate(year, month, day) / MINUTE + (hour % 24) * 60 + minute;
}

/** ISO weekday (1 Monday to 7 Sunday) of a day counted from 1970-01-01, a Thursday. */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The wall-clock date, weekday and time of an instant in a zone. */
export function localParts(instant: number, timeZone: string): LocalParts {
  const wall = wallMinute(instant, timeZone);
  const day = Math.floor(wall / DAY_MINUTES);
  return {
    date: new Date(day * DAY).toISOString().slice(0, 10),
    weekday: weekdayOf(day),
    minutes: wall - day * DAY_MINUTES,
  };
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

/** A schedule in numbers: day counts since 1970, a weekday bit mask, windows in minutes. */
interface Rule {
  zone: string;
  firstDay: number;
  lastDay: number;
  /** Bit `weekday - 1` is set for each weekday it plays. */
  weekdays: number;
  windows: ReadonlyArray<readonly [from: number, to: number]>;
}

/**
 * Day count of a `YYYY-MM-DD` bound. An impossible date such as 31 February counts as the
 * nearest real day inside the range, so the range means what comparing the text would mean.
 */
function boundDay(date: string, side: 'first' | 'last'): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const exact = utcDate(y, m, d);
  if (new Date(exact).getUTCDate() === d) return exact / DAY;
  return (side === 'first' ? utcDate(y, m + 1, 1) : utcDate(y, m + 1, 0)) / DAY;
}

/** Minutes since midnight of `HH:MM` (`24:00` is 1440). */
function toMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function compile(schedule: Schedule, defaultTimeZone: string): Rule {
  return {
    zone: schedule.timeZone || defaultTimeZone,
    firstDay: schedule.startDate ? boundDay(schedule.startDate, 'first') : -Infinity,
    lastDay: schedule.endDate ? boundDay(schedule.endDate, 'last') : Infinity,
    // No weekdays, like an empty list, means every day: the editor never stores an empty list.
    weekdays: schedule.weekdays?.length
      ? schedule.weekdays.reduce((mask, day) => mask | (1 << (day - 1)), 0)
      : 0b111_1111,
    windows: (schedule.times ?? []).map((w) => [toMinutes(w.from), toMinutes(w.to)] as const),
  };
}

function playsOnDay(rule: Rule, day: number): boolean {
  return (
    day >= rule.firstDay &&
    day <= rule.lastDay &&
    (rule.weekdays & (1 << (weekdayOf(day) - 1))) !== 0
  );
}

/** Whether a rule holds at a wall-clock minute of its zone. */
function holds(rule: Rule, wall: number): boolean {
  const day = Math.floor(wall / DAY_MINUTES);
  const minutes = wall - day * DAY_MINUTES;
  if (rule.windows.length === 0) return playsOnDay(rule, day);
  return rule.windows.some(([from, to]) =>
    from === to
      ? // The same start and end means all day: staff read "09:00 to 09:00" as no time limit.
        playsOnDay(rule, day)
      : from < to
        ? minutes >= from && minutes < to && playsOnDay(rule, day)
        : // Runs past midnight: the morning part belongs to the day before.
          (minutes >= from && playsOnDay(rule, day)) || (minutes < to && playsOnDay(rule, day - 1)),
  );
}

/**
 * Whether a schedule is on at an instant; no schedule, or an empty one, means always.
 *
 * Every condition given must hold, on the wall clock of the schedule's zone (else the default
 * one). A time window is `from` inclusive to `to` exclusive, `24:00` being the end of the day.
 * One whose `to` equals its `from` means all day. One whose `to` is before its `from` runs past
 * midnight, and the part after midnight belongs
 * to the day it started on: its date and weekday are the ones checked.
 */
export function isScheduleActive(
  schedule: Schedule | undefined,
  instant: number,
  defaultTimeZone: string,
): boolean {
  if (!schedule) return true;
  const rule = compile(schedule, defaultTimeZone);
  return holds(rule, wallMinute(instant, rule.zone));
}

type Item<S> = { readonly enabled: boolean; readonly schedule?: S | undefined };
type List<S, I> = { readonly id: string; readonly schedule?: S | undefined; slides: readonly I[] };

/** The rules of `resolvePlaylist`, for any form of schedule that `on` can judge. */
function choose<S, I extends Item<S>>(
  lists: readonly List<S, I>[],
  defaultId: string,
  on: (schedule: S | undefined) => boolean,
): { index: number; slides: I[]; kind: Reason['kind'] } {
  const playable = (list: List<S, I>) => list.slides.filter((s) => s.enabled && on(s.schedule));
  for (const [index, list] of lists.entries()) {
    if (list.schedule === undefined || !on(list.schedule)) continue;
    const slides = playable(list);
    if (slides.length > 0) return { index, slides, kind: 'scheduled' };
  }
  // The schema makes sure the default exists; were it missing, the first playlist stands in.
  const index = Math.max(
    0,
    lists.findIndex((list) => list.id === defaultId),
  );
  const fallback = lists[index]!;
  const slides = playable(fallback);
  if (slides.length > 0) return { index, slides, kind: 'default' };
  // Never a black screen while any slide is enabled: ignore slide schedules instead.
  const enabled = fallback.slides.filter((slide) => slide.enabled);
  return { index, slides: enabled, kind: enabled.length > 0 ? 'default-fallback' : 'nothing' };
}

/**
 * Which playlist plays at an instant, which of its slides, and why.
 *
 * The first playlist, in file order, whose own schedule is on and that has an enabled slide on
 * now; else the default playlist's enabled slides that are on now; else all its enabled slides.
 */
export function resolvePlaylist(
  content: ContentFile,
  instant: number,
  defaultTimeZone: string,
): Resolved {
  const walls = new Map<string, number>();
  const { index, slides, kind } = choose(content.playlists, content.defaultPlaylistId, (s) => {
    if (!s) return true;
    const rule = compile(s, defaultTimeZone);
    let wall = walls.get(rule.zone);
    if (wall === undefined) walls.set(rule.zone, (wall = wallMinute(instant, rule.zone)));
    return holds(rule, wall);
  });
  const playlist = content.playlists[index]!;
  return { playlist, slides, reason: { kind, playlistId: playlist.id } };
}

/** From UTC minute `start` on, the zone's wall clock reads UTC minutes plus `offset`. */
type Span = { start: number; offset: number };

/**
 * A zone's UTC offsets over the UTC minutes `from` to `to`, each change found to the minute.
 *
 * Probes hourly and bisects where the offset differs; no zone changes its offset twice within an
 * hour, so none is missed.
 */
function offsetSpans(zone: string, from: number, to: number): Span[] {
  const offsetAt = (minute: number) => wallMinute(minute * MINUTE, zone) - minute;
  const spans: Span[] = [{ start: from, offset: offsetAt(from) }];
  for (let probe = from; probe < to;) {
    const next = Math.min(probe + 60, to);
    for (let last = spans.at(-1)!; offsetAt(next) !== last.offset; last = spans.at(-1)!) {
      let [same, changed] = [Math.max(probe, last.start), next];
      while (changed - same > 1) {
        const mid = Math.floor((same + changed) / 2);
        if (offsetAt(mid) === last.offset) same = mid;
        else changed = mid;
      }
      spans.push({ start: changed, offset: offsetAt(changed) });
    }
    probe = next;
  }
  return spans;
}

/** A schedule's rule, and whether it holds at the minute being looked at. */
type Slot = { rule: Rule; on: boolean };

/**
 * The next instant after `instant` at which what plays changes, within `horizonMs`.
 *
 * A rule can only change where its zone's wall clock reaches midnight or one of the rule's window
 * edges, or jumps because the zone's offset changes. The search visits just those minutes, day by
 * day, re-checks just the rules concerned, and resolves again only when one of them changed.
 */
export function nextChange(
  content: ContentFile,
  instant: number,
  defaultTimeZone: string,
  horizonMs = 8 * DAY,
): number | undefined {
  const now = Math.floor(instant / MINUTE);
  const end = Math.floor((instant + horizonMs) / MINUTE);
  // Wall-clock days any zone can show in the horizon, with the day before for late windows.
  const firstDay = Math.floor(now / DAY_MINUTES) - 2;
  const lastDay = Math.floor(end / DAY_MINUTES) + 2;
  // Per zone: its rules, and those with a window starting or ending at each minute of the day.
  const clocks = new Map<string, { slots: Slot[]; byEdge: Map<number, Slot[]> }>();
  // A schedule on or off over the whole horizon becomes `true` or `false`, and a disabled slide's
  // `undefined`: none of them is looked at again.
  const slotOf = (schedule: Schedule | undefined, enabled = true): Slot | boolean | undefined => {
    if (!schedule || !enabled) return undefined;
    const rule = compile(schedule, defaultTimeZone);
    if (rule.lastDay < firstDay || rule.firstDay > lastDay) return false;
    const always = rule.weekdays === 0b111_1111 && rule.windows.length === 0;
    if (always && rule.firstDay <= firstDay && rule.lastDay >= lastDay) return true;
    const slot = { rule, on: false };
    const clock = clocks.get(rule.zone) ?? { slots: [], byEdge: new Map<number, Slot[]>() };
    clocks.set(rule.zone, clock);
    clock.slots.push(slot);
    for (const edge of new Set(rule.windows.flat().map((m) => m % DAY_MINUTES))) {
      if (!clock.byEdge.get(edge)?.push(slot)) clock.byEdge.set(edge, [slot]);
    }
    return slot;
  };
  const lists = content.playlists.map((p) => ({
    id: p.id,
    schedule: slotOf(p.schedule),
    slides: p.slides.map((s) => ({ enabled: s.enabled, schedule: slotOf(s.schedule, s.enabled) })),
  }));
  if (clocks.size === 0 || end <= now) return undefined;

  const resolve = () =>
    choose(lists, content.defaultPlaylistId, (s) => (typeof s === 'object' ? s.on : s !== false));
  for (const [zone, { slots }] of clocks) {
    const wall = wallMinute(now * MINUTE, zone);
    for (const slot of slots) slot.on = holds(slot.rule, wall);
  }
  const current = resolve();
  // Day by day, so that a change soon costs little.
  for (let from = now; from < end; from += DAY_MINUTES) {
    const to = Math.min(from + DAY_MINUTES, end);
    const events: Array<{ minute: number; wall: number; slots: Slot[] }> = [];
    for (const [zone, { slots, byEdge }] of clocks) {
      const spans = offsetSpans(zone, from, to);
      spans.forEach(({ start, offset }, i) => {
        const stop = spans[i + 1]?.start ?? to + 1;
        events.push({ minute: start, wall: start + offset, slots });
        for (let day = Math.floor((start + offset) / DAY_MINUTES); ; day++) {
          if (day * DAY_MINUTES - offset >= stop) break;
          for (const [edge, edgeSlots] of [[0, slots], ...byEdge] as const) {
            const minute = day * DAY_MINUTES + edge - offset;
            if (minute > start && minute < stop) {
              events.push({ minute, wall: minute + offset, slots: edgeSlots });
            }
          }
        }
      });
    }
    events.sort((a, b) => a.minute - b.minute);
    let changed = false;
    for (const [i, { minute, wall, slots }] of events.entries()) {
      for (const slot of slots) {
        const on = holds(slot.rule, wall);
        changed ||= on !== slot.on;
        slot.on = on;
      }
      // Resolve once every zone has moved to this minute, and only if some rule changed.
      if (!changed || minute <= now || events[i + 1]?.minute === minute) continue;
      changed = false;
      const { index, slides } = resolve();
      const same =
        index === current.index &&
        slides.length === current.slides.length &&
        slides.every((slide, k) => slide === current.slides[k]);
      if (!same) return minute * MINUTE;
    }
  }
  return undefined;
}
