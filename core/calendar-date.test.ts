import { describe, expect, it } from 'vitest';
import { calendarDateProblem, daysInMonth } from './calendar-date';
import { ContentFile, Schedule } from './schema';

describe('calendar dates', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('says why a date is not in the calendar', () => {
    expect(calendarDateProblem('2026-02-28')).toBeUndefined();
    expect(calendarDateProblem('2028-02-29')).toBeUndefined();
    expect(calendarDateProblem('2026-02-31')).toBe(
      '31 February 2026 does not exist: February 2026 has 28 days',
    );
    expect(calendarDateProblem('2026-04-31')).toBe(
      '31 April 2026 does not exist: April 2026 has 30 days',
    );
    expect(calendarDateProblem('2026-13-01')).toMatch(/no month 13/);
    expect(calendarDateProblem('26-1-1')).toMatch(/not a date like 2026-03-29/);
  });
});

describe('schedule dates in the schema', () => {
  it('refuses a date no calendar has, with its path', () => {
    const result = Schedule.safeParse({ startDate: '2026-02-31' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['startDate'],
        message: '31 February 2026 does not exist: February 2026 has 28 days',
      }),
    ]);
  });

  it('refuses an end date before the start date at the end date', () => {
    const result = Schedule.safeParse({ startDate: '2026-03-10', endDate: '2026-03-01' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['endDate'], message: expect.stringMatching(/2026-03-10/) }),
    ]);
    expect(Schedule.safeParse({ startDate: '2026-03-10', endDate: '2026-03-10' }).success).toBe(
      true,
    );
  });

  it('names the whole path inside a content file', () => {
    const content = {
      schemaVersion: 2,
      defaultPlaylistId: 'a',
      playlists: [
        {
          id: 'a',
          name: 'A',
          slides: [],
          schedule: { endDate: '2026-02-30' },
        },
      ],
    };
    const result = ContentFile.safeParse(content);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('playlists.0.schedule.endDate');
  });
});
