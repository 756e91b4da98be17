import { describe, expect, it } from 'vitest';
import { clockText, minuteOfDay, startOfDay, wallTime, weekDays } from './zoned-time';

describe('zoned time', () => {
  it('finds midnight in Brussels on both sides of the DST changes', () => {
    expect(new Date(startOfDay(2026, 3, 29, 'Europe/Brussels')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(startOfDay(2026, 3, 30, 'Europe/Brussels')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(new Date(startOfDay(2026, 10, 25, 'Europe/Brussels')).toISOString()).toBe(
      '2026-10-24T22:00:00.000Z',
    );
    expect(new Date(startOfDay(2026, 10, 26, 'Europe/Brussels')).toISOString()).toBe(
      '2026-10-25T23:00:00.000Z',
    );
  });

  it('starts a day at the end of a DST gap when midnight does not exist', () => {
    // Chile moves its clocks at midnight: 2026-09-06 00:00 does not exist in Santiago.
    const start = startOfDay(2026, 9, 6, 'America/Santiago');
    expect(wallTime(start, 'America/Santiago')).toMatchObject({ day: 6, hour: 1, minute: 0 });
  });

  it('lists the week from Monday, with a 23-hour Sunday when summer time starts', () => {
    const days = weekDays(Date.parse('2026-03-26T12:00:00Z'), 'Europe/Brussels');
    expect(days).toHaveLength(8);
    expect(wallTime(days[0]!, 'Europe/Brussels')).toMatchObject({ weekday: 1, day: 23, hour: 0 });
    expect(days[7]! - days[6]!).toBe(23 * 3_600_000);
    expect(days[1]! - days[0]!).toBe(24 * 3_600_000);
  });

  it('reads the wall clock', () => {
    const instant = Date.parse('2026-07-01T07:30:00Z');
    expect(clockText(instant, 'Europe/Brussels')).toBe('09:30');
    expect(minuteOfDay(instant, 'Asia/Kolkata')).toBe(13 * 60);
    expect(wallTime(Date.parse('2026-07-05T12:00:00Z'), 'UTC').weekday).toBe(7);
  });
});
