import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScheduleActive, isValidTimeZone, localParts } from './schedule';
import type { Schedule } from './schema';

import {
  BRU,
  DAY,
  instantNearTransitions,
  MINUTE,
  TRANSITIONS,
  utc,
  wallTime,
  ZONES,
} from './test-schedules';

const at = (schedule: Schedule, iso: string, zone = BRU) =>
  isScheduleActive(schedule, utc(iso), zone);

describe('localParts', () => {
  it('reads the wall clock in a zone, midnight as 00:00', () => {
    expect(localParts(utc('2026-03-28T23:00:00Z'), BRU)).toEqual({
      date: '2026-03-29',
      weekday: 7,
      minutes: 0,
    });
    expect(localParts(utc('2026-07-01T12:34:59.999Z'), 'UTC')).toEqual({
      date: '2026-07-01',
      weekday: 3,
      minutes: 12 * 60 + 34,
    });
    expect(localParts(utc('2026-12-31T23:59:00Z'), 'Pacific/Chatham')).toEqual({
      date: '2027-01-01',
      weekday: 5,
      minutes: 13 * 60 + 44, // UTC+13:45 in the southern summer
    });
  });

  it('knows which zones exist', () => {
    expect(isValidTimeZone('Europe/Brussels')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('isScheduleActive', () => {
  it('treats no or an empty schedule as always', () => {
    expect(isScheduleActive(undefined, 0, BRU)).toBe(true);
    expect(at({}, '2026-01-01T00:00:00Z')).toBe(true);
    expect(at({ weekdays: [], times: [] }, '2026-01-01T00:00:00Z')).toBe(true);
  });

  it('includes both ends of the date range, in local dates', () => {
    const march = { startDate: '2026-03-01', endDate: '2026-03-31' };
    expect(at(march, '2026-02-28T22:59:59.999Z')).toBe(false); // 23:59:59.999 on 28 Feb
    expect(at(march, '2026-02-28T23:00:00Z')).toBe(true); // 00:00 on 1 March (CET)
    expect(at(march, '2026-03-31T21:59:59.999Z')).toBe(true); // 23:59:59.999 on 31 March (CEST)
    expect(at(march, '2026-03-31T22:00:00Z')).toBe(false); // 00:00 on 1 April
    const oneDay = { startDate: '2026-06-15', endDate: '2026-06-15' };
    expect(at(oneDay, '2026-06-14T21:59:00Z')).toBe(false); // 23:59 the day before
    expect(at(oneDay, '2026-06-14T22:00:00Z')).toBe(true); // 00:00
    expect(at(oneDay, '2026-06-15T21:59:00Z')).toBe(true); // 23:59
    expect(at(oneDay, '2026-06-15T22:00:00Z')).toBe(false); // 00:00 the day after
  });

  it('reads an impossible date as comparing the text would', () => {
    const toFeb31 = { endDate: '2026-02-31' };
    expect(at(toFeb31, '2026-02-28T12:00:00Z')).toBe(true);
    expect(at(toFeb31, '2026-03-01T12:00:00Z')).toBe(false);
    const fromFeb30 = { startDate: '2026-02-30' };
    expect(at(fromFeb30, '2026-02-28T12:00:00Z')).toBe(false);
    expect(at(fromFeb30, '2026-03-01T12:00:00Z')).toBe(true);
  });

  it('checks ISO weekdays, changing at local midnight', () => {
    const weekend = { weekdays: [6, 7] };
    expect(at(weekend, '2026-11-27T22:59:00Z')).toBe(false); // Fri 23:59
    expect(at(weekend, '2026-11-27T23:00:00Z')).toBe(true); // Sat 00:00
    expect(at(weekend, '2026-11-29T22:59:00Z')).toBe(true); // Sun 23:59
    expect(at(weekend, '2026-11-29T23:00:00Z')).toBe(false); // Mon 00:00
  });

  it('treats windows as from-inclusive, to-exclusive, with 24:00 as the end of day', () => {
    const office = { times: [{ from: '09:00', to: '17:00' }] };
    expect(at(office, '2026-01-05T07:59:00Z')).toBe(false); // 08:59 CET
    expect(at(office, '2026-01-05T08:00:00Z')).toBe(true); // 09:00
    expect(at(office, '2026-01-05T15:59:59.999Z')).toBe(true); // 16:59:59.999
    expect(at(office, '2026-01-05T16:00:00Z')).toBe(false); // 17:00
    const evening = { weekdays: [1], times: [{ from: '20:00', to: '24:00' }] };
    expect(at(evening, '2026-01-05T22:59:59.999Z')).toBe(true); // Mon 23:59:59.999
    expect(at(evening, '2026-01-05T23:00:00Z')).toBe(false); // Tue 00:00
  });

  it('plays when any window is on', () => {
    const twice = {
      times: [
        { from: '08:00', to: '09:00' },
        { from: '12:00', to: '13:00' },
      ],
    };
    expect(at(twice, '2026-01-05T07:30:00Z')).toBe(true);
    expect(at(twice, '2026-01-05T09:30:00Z')).toBe(false);
    expect(at(twice, '2026-01-05T11:30:00Z')).toBe(true);
  });

  it('runs a window past midnight as part of the day it started', () => {
    const fridayNight = { weekdays: [5], times: [{ from: '22:00', to: '02:00' }] };
    expect(at(fridayNight, '2026-11-27T20:59:00Z')).toBe(false); // Fri 21:59
    expect(at(fridayNight, '2026-11-27T21:00:00Z')).toBe(true); // Fri 22:00
    expect(at(fridayNight, '2026-11-27T23:00:00Z')).toBe(true); // Sat 00:00, Friday's window
    expect(at(fridayNight, '2026-11-28T00:59:00Z')).toBe(true); // Sat 01:59
    expect(at(fridayNight, '2026-11-28T01:00:00Z')).toBe(false); // Sat 02:00
    expect(at(fridayNight, '2026-11-28T21:30:00Z')).toBe(false); // Sat 22:30
    expect(at(fridayNight, '2026-11-27T00:30:00Z')).toBe(false); // Fri 01:30, Thursday's window
    // The date range also applies to the day the window started on.
    const lastNight = { endDate: '2026-03-01', times: [{ from: '23:00', to: '01:00' }] };
    expect(at(lastNight, '2026-03-01T23:30:00Z')).toBe(true); // 2 Mar 00:30, from 1 March
    expect(at(lastNight, '2026-03-02T22:30:00Z')).toBe(false); // 2 Mar 23:30
    const firstNight = { startDate: '2026-03-01', times: [{ from: '23:00', to: '01:00' }] };
    expect(at(firstNight, '2026-02-28T23:30:00Z')).toBe(false); // 1 Mar 00:30, from 28 Feb
    expect(at(firstNight, '2026-03-01T22:30:00Z')).toBe(true); // 1 Mar 23:30
  });

  it('treats from === to as all day, and from 24:00 as the next midnight', () => {
    const day = { weekdays: [1], times: [{ from: '06:00', to: '06:00' }] };
    expect(at(day, '2026-11-29T22:59:00Z')).toBe(false); // Sun 23:59
    expect(at(day, '2026-11-29T23:00:00Z')).toBe(true); // Mon 00:00
    expect(at(day, '2026-11-30T04:59:00Z')).toBe(true); // Mon 05:59
    expect(at(day, '2026-11-30T05:00:00Z')).toBe(true); // Mon 06:00
    expect(at(day, '2026-11-30T22:59:00Z')).toBe(true); // Mon 23:59
    expect(at(day, '2026-11-30T23:00:00Z')).toBe(false); // Tue 00:00
    expect(at(day, '2026-12-01T04:59:00Z')).toBe(false); // Tue 05:59
    const wholeDay = { weekdays: [1], times: [{ from: '00:00', to: '00:00' }] };
    expect(at(wholeDay, '2026-11-29T23:00:00Z')).toBe(true); // Mon 00:00
    expect(at(wholeDay, '2026-11-30T23:00:00Z')).toBe(false); // Tue 00:00
    const afterMidnight = { weekdays: [5], times: [{ from: '24:00', to: '02:00' }] };
    expect(at(afterMidnight, '2026-11-27T22:59:00Z')).toBe(false); // Fri 23:59
    expect(at(afterMidnight, '2026-11-27T23:00:00Z')).toBe(true); // Sat 00:00
    expect(at(afterMidnight, '2026-11-28T01:00:00Z')).toBe(false); // Sat 02:00
  });

  it("uses the schedule's own time zone over the kiosk's", () => {
    const ny = { timeZone: 'America/New_York', times: [{ from: '09:00', to: '10:00' }] };
    expect(at(ny, '2026-01-05T14:30:00Z')).toBe(true); // 09:30 in New York
    expect(at(ny, '2026-01-05T08:30:00Z')).toBe(false); // 09:30 in Brussels
    const tokyoMonday = { timeZone: 'Asia/Tokyo', weekdays: [1] };
    expect(at(tokyoMonday, '2026-11-29T15:00:00Z')).toBe(true); // Mon 00:00 in Tokyo, Sun in BRU
  });
});

describe('daylight saving in Europe/Brussels', () => {
  // 29 March 2026: at 01:00 UTC the clocks go from 02:00 CET to 03:00 CEST.
  it('starts a window inside the skipped hour when the clock jumps', () => {
    const night = { times: [{ from: '02:30', to: '03:30' }] };
    expect(at(night, '2026-03-29T00:59:59.999Z')).toBe(false); // 01:59:59 CET
    expect(at(night, '2026-03-29T01:00:00Z')).toBe(true); // 03:00 CEST
    expect(at(night, '2026-03-29T01:29:00Z')).toBe(true); // 03:29
    expect(at(night, '2026-03-29T01:30:00Z')).toBe(false); // 03:30
    const skipped = { times: [{ from: '02:15', to: '02:45' }] };
    for (let t = utc('2026-03-28T23:00:00Z'); t < utc('2026-03-29T22:00:00Z'); t += MINUTE) {
      expect(isScheduleActive(skipped, t, BRU)).toBe(false); // 02:15–02:45 never happens
    }
  });

  it('ends a window at 03:00 when the clock reaches 03:00, on both change days', () => {
    const untilThree = { times: [{ from: '01:00', to: '03:00' }] };
    expect(at(untilThree, '2026-03-29T00:00:00Z')).toBe(true); // 01:00 CET
    expect(at(untilThree, '2026-03-29T00:59:00Z')).toBe(true); // 01:59 CET
    expect(at(untilThree, '2026-03-29T01:00:00Z')).toBe(false); // 03:00 CEST: one hour long
    expect(at(untilThree, '2026-10-24T23:00:00Z')).toBe(true); // 01:00 CEST
    expect(at(untilThree, '2026-10-25T00:59:00Z')).toBe(true); // first 02:59 CEST
    expect(at(untilThree, '2026-10-25T01:00:00Z')).toBe(true); // 02:00 CET again
    expect(at(untilThree, '2026-10-25T01:59:00Z')).toBe(true); // second 02:59
    expect(at(untilThree, '2026-10-25T02:00:00Z')).toBe(false); // 03:00 CET: three hours long
  });

  // 25 October 2026: at 01:00 UTC the clocks go back from 03:00 CEST to 02:00 CET.
  it('plays a window inside the repeated hour both times', () => {
    const repeated = { times: [{ from: '02:15', to: '02:45' }] };
    expect(at(repeated, '2026-10-25T00:14:00Z')).toBe(false); // first 02:14 (CEST)
    expect(at(repeated, '2026-10-25T00:15:00Z')).toBe(true); // first 02:15
    expect(at(repeated, '2026-10-25T00:44:00Z')).toBe(true);
    expect(at(repeated, '2026-10-25T00:45:00Z')).toBe(false); // first 02:45
    expect(at(repeated, '2026-10-25T01:14:00Z')).toBe(false); // second 02:14 (CET)
    expect(at(repeated, '2026-10-25T01:15:00Z')).toBe(true); // second 02:15
    expect(at(repeated, '2026-10-25T01:44:00Z')).toBe(true);
    expect(at(repeated, '2026-10-25T01:45:00Z')).toBe(false);
    const night = { times: [{ from: '02:30', to: '03:30' }] };
    expect(at(night, '2026-10-25T00:30:00Z')).toBe(true); // first 02:30
    expect(at(night, '2026-10-25T01:00:00Z')).toBe(false); // 02:00 CET: before the window again
    expect(at(night, '2026-10-25T01:30:00Z')).toBe(true); // second 02:30
    expect(at(night, '2026-10-25T02:30:00Z')).toBe(false); // 03:30 CET
  });

  it('keeps a whole Sunday whole on both change days (23 and 25 hours long)', () => {
    const sunday = { weekdays: [7], times: [{ from: '00:00', to: '24:00' }] };
    for (const [start, end] of [
      ['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'],
      ['2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z'],
    ] as const) {
      expect(isScheduleActive(sunday, utc(start) - 1, BRU)).toBe(false);
      expect(at(sunday, start)).toBe(true);
      expect(isScheduleActive(sunday, utc(end) - 1, BRU)).toBe(true);
      expect(at(sunday, end)).toBe(false);
    }
  });
});

// A reference that reads the wall clock another way (Swedish dates print as YYYY-MM-DD), and
// states windows as intervals on the line of wall-clock minutes.
function referenceWall(instant: number, zone: string): number {
  const text = new Date(instant).toLocaleString('sv-SE', { timeZone: zone, hour12: false });
  const [y, mo, d, h, mi] = text.split(/[- :]/).map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h! % 24, mi!) / MINUTE;
}

function referenceActive(schedule: Schedule, instant: number, zone: string): boolean {
  const wall = referenceWall(instant, schedule.timeZone || zone);
  const dayOk = (day: number) => {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    const weekday = new Date(day * DAY).getUTCDay() || 7;
    return (
      (!schedule.startDate || date >= schedule.startDate) &&
      (!schedule.endDate || date <= schedule.endDate) &&
      (!schedule.weekdays?.length || schedule.weekdays.includes(weekday))
    );
  };
  const today = Math.floor(wall / 1440);
  if (!schedule.times?.length) return dayOk(today);
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return schedule.times.some(({ from, to }) =>
    [today - 1, today].some((day) => {
      // The same start and end is the whole day.
      const same = minutes(to) === minutes(from);
      const start = day * 1440 + (same ? 0 : minutes(from));
      const end = same
        ? start + 1440
        : day * 1440 + minutes(to) + (minutes(to) > minutes(from) ? 0 : 1440);
      return wall >= start && wall < end && dayOk(day);
    }),
  );
}

const time = wallTime([0, 15, 30, 45, 59, 1, 29]);
const date = fc
  .date({ min: new Date('2025-12-25'), max: new Date('2027-01-05'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const schedule: fc.Arbitrary<Schedule> = fc.record(
  {
    timeZone: fc.constantFrom(...ZONES),
    startDate: date,
    endDate: date,
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    times: fc.array(fc.record({ from: time, to: time }), { minLength: 1, maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const instant = instantNearTransitions(2 * DAY, 2 * DAY);

describe('scheduler properties', () => {
  it('looks near real offset changes', () => {
    for (const t of TRANSITIONS) {
      const jumps = ZONES.filter((z) => referenceWall(t, z) - referenceWall(t - MINUTE, z) !== 1);
      expect(jumps).toHaveLength(1);
    }
  });

  it('plays an empty schedule always', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (t, zone) => {
        expect(isScheduleActive({}, t, zone)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('plays a weekday-only schedule on exactly those local weekdays', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        instant,
        fc.constantFrom(...ZONES),
        (days, t, zone) => {
          const expected = days.includes(localParts(t, zone).weekday);
          expect(isScheduleActive({ weekdays: days }, t, zone)).toBe(expected);
          const daytime = { weekdays: days, times: [{ from: '00:00', to: '24:00' }] };
          expect(isScheduleActive(daytime, t, zone)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the same wall clock as the reference', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (t, zone) => {
        const { date, minutes } = localParts(t, zone);
        expect(Date.parse(`${date}T00:00Z`) / MINUTE + minutes).toBe(referenceWall(t, zone));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the reference over random schedules, zones and instants', () => {
    fc.assert(
      fc.property(schedule, instant, fc.constantFrom(...ZONES), (s, t, zone) => {
        expect(isScheduleActive(s, t, zone)).toBe(referenceActive(s, t, zone));
      }),
      { numRuns: 500 },
    );
  });
});
