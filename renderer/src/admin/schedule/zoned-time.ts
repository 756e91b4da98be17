/**
 * Wall-clock dates and times in a named time zone, for drawing the week (Intl only, no library).
 */

/** A moment as a clock on the wall in some time zone shows it. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** What the clock shows at `instant` (epoch ms) in `timeZone`. */
export function wallTime(instant: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of format(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    weekday: WEEKDAY[parts.weekday ?? ''] ?? 1,
  };
}

function offsetAt(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/** The instant a day starts in `timeZone` (its first minute that exists, across DST changes). */
export function startOfDay(year: number, month: number, day: number, timeZone: string): number {
  const utc = Date.UTC(year, month - 1, day);
  let guess = utc - offsetAt(utc, timeZone);
  guess = utc - offsetAt(guess, timeZone);
  // Where midnight does not exist (a DST gap), the day starts at the end of the gap.
  const w = wallTime(guess, timeZone);
  if (w.day !== new Date(utc).getUTCDate()) guess += 3_600_000;
  return guess;
}

/** The seven day starts (plus the next Monday's) of the week holding `instant`, from Monday. */
export function weekDays(instant: number, timeZone: string): number[] {
  const now = wallTime(instant, timeZone);
  const monday = Date.UTC(now.year, now.month - 1, now.day - (now.weekday - 1));
  return Array.from({ length: 8 }, (_, i) => {
    const date = new Date(monday + i * 86_400_000);
    return startOfDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), timeZone);
  });
}

/** `HH:MM` on the wall clock at `instant`. */
export function clockText(instant: number, timeZone: string): string {
  const w = wallTime(instant, timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** Minutes since the wall clock's midnight at `instant`. */
export function minuteOfDay(instant: number, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  return w.hour * 60 + w.minute;
}
