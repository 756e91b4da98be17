/**
 * Lay the scheduler's week out as seven day rows of wall-clock bars.
 */
import { clockText, minuteOfDay } from './zoned-time';

/** A stretch of time during which one playlist plays (epoch ms, `to` exclusive). */
export interface PlaySpan {
  from: number;
  to: number;
  playlistId: string;
  reason: string;
}

/** A bar in a day row, placed by wall-clock minutes (0 … 1440). */
export interface DayBar extends PlaySpan {
  fromMinute: number;
  toMinute: number;
  /** `09:00–17:00` on the wall clock. */
  time: string;
}

/** One day of the week with its bars. */
export interface TimelineDay {
  /** ISO weekday, 1 Monday … 7 Sunday. */
  weekday: number;
  start: number;
  end: number;
  bars: DayBar[];
}

/**
 * Cut the spans at each day's start and join neighbours that play the same playlist for the
 * same reason. `dayStarts` holds eight instants: Monday's start to the next Monday's.
 */
export function layoutWeek(
  spans: readonly PlaySpan[],
  dayStarts: readonly number[],
  timeZone: string,
): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (let i = 0; i < 7; i++) {
    const start = dayStarts[i]!;
    const end = dayStarts[i + 1]!;
    const bars: DayBar[] = [];
    for (const span of spans) {
      const from = Math.max(span.from, start);
      const to = Math.min(span.to, end);
      if (to <= from) continue;
      const last = bars.at(-1);
      if (
        last &&
        last.to === from &&
        last.playlistId === span.playlistId &&
        last.reason === span.reason
      ) {
        last.to = to;
      } else {
        bars.push({ ...span, from, to, fromMinute: 0, toMinute: 0, time: '' });
      }
    }
    for (const bar of bars) {
      bar.fromMinute = bar.from === start ? 0 : minuteOfDay(bar.from, timeZone);
      bar.toMinute = bar.to === end ? 1440 : minuteOfDay(bar.to, timeZone);
      // The night of a DST change in autumn repeats an hour: keep the bar from running backwards.
      if (bar.toMinute < bar.fromMinute) bar.toMinute = bar.fromMinute;
      const endText = bar.to === end ? '24:00' : clockText(bar.to, timeZone);
      bar.time = `${bar.from === start ? '00:00' : clockText(bar.from, timeZone)}–${endText}`;
    }
    days.push({ weekday: i + 1, start, end, bars });
  }
  return days;
}
