import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeSchedule,
  isScheduleActive,
  isValidTimeZone,
  localParts,
  nextChange,
  resolvePlaylist,
  weekTimeline,
} from './schedule';
import { ContentFile, type Schedule } from './schema';

const BRU = 'Europe/Brussels';
const utc = (iso: string) => Date.parse(iso);
const at = (schedule: Schedule, iso: string, zone = BRU) =>
  isScheduleActive(schedule, utc(iso), zone);

describe('localParts', () => {
  it('reads the wall clock in a zone, midnight as 00:00', () => {
    expect(localParts(utc('2026-03-28T23:00:00Z'), BRU)).toEqual({
      date: '2026-03-29',
      weekday: 7,
      minutes: 0,
    });
    expect(localParts(utc('2026-07-01T12:34:00Z'), 'UTC')).toEqual({
      date: '2026-07-01',
      weekday: 3,
      minutes: 12 * 60 + 34,
    });
  });

  it('knows which zones exist', () => {
    expect(isValidTimeZone('Europe/Brussels')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('isScheduleActive', () => {
  it('treats no or an empty schedule as always', () => {
    expect(isScheduleActive(undefined, 0, BRU)).toBe(true);
    expect(at({}, '2026-01-01T00:00:00Z')).toBe(true);
  });

  it('includes both ends of the date range, in local dates', () => {
    const march = { startDate: '2026-03-01', endDate: '2026-03-31' };
    expect(at(march, '2026-02-28T22:59:59Z')).toBe(false); // 23:59:59 on 28 Feb in Brussels
    expect(at(march, '2026-02-28T23:00:00Z')).toBe(true); // 00:00 on 1 March
    expect(at(march, '2026-03-31T21:59:59.999Z')).toBe(true); // 23:59:59.999 on 31 March (CEST)
    expect(at(march, '2026-03-31T22:00:00Z')).toBe(false);
  });

  it('checks ISO weekdays', () => {
    const weekend = { weekdays: [6, 7] };
    expect(at(weekend, '2026-11-28T12:00:00Z')).toBe(true); // Saturday
    expect(at(weekend, '2026-11-30T12:00:00Z')).toBe(false); // Monday
  });

  it('treats windows as from-inclusive, to-exclusive, with 24:00 as the end of day', () => {
    const office = { times: [{ from: '09:00', to: '17:00' }] };
    expect(at(office, '2026-01-05T07:59:00Z')).toBe(false); // 08:59 CET
    expect(at(office, '2026-01-05T08:00:00Z')).toBe(true); // 09:00
    expect(at(office, '2026-01-05T15:59:00Z')).toBe(true); // 16:59
    expect(at(office, '2026-01-05T16:00:00Z')).toBe(false); // 17:00
    const evening = { times: [{ from: '20:00', to: '24:00' }] };
    expect(at(evening, '2026-01-05T22:59:00Z')).toBe(true); // 23:59
    expect(at(evening, '2026-01-05T23:00:00Z')).toBe(false); // 00:00 next day
  });

  it('runs a window past midnight as part of the day it started', () => {
    const fridayNight = { weekdays: [5], times: [{ from: '22:00', to: '02:00' }] };
    expect(at(fridayNight, '2026-11-27T21:00:00Z')).toBe(true); // Fri 22:00
    expect(at(fridayNight, '2026-11-28T00:30:00Z')).toBe(true); // Sat 01:30, Friday's window
    expect(at(fridayNight, '2026-11-28T01:00:00Z')).toBe(false); // Sat 02:00
    expect(at(fridayNight, '2026-11-28T21:30:00Z')).toBe(false); // Sat 22:30
    expect(at(fridayNight, '2026-11-27T00:30:00Z')).toBe(false); // Fri 01:30, Thursday's window
    const lastNight = { endDate: '2026-03-01', times: [{ from: '23:00', to: '01:00' }] };
    expect(at(lastNight, '2026-03-01T23:30:00Z')).toBe(true); // 2 Mar 00:30 from 1 March
  });

  it('treats from === to as a whole day starting then', () => {
    const day = { weekdays: [1], times: [{ from: '06:00', to: '06:00' }] };
    expect(at(day, '2026-11-30T05:00:00Z')).toBe(true); // Mon 06:00
    expect(at(day, '2026-12-01T04:59:00Z')).toBe(true); // Tue 05:59
    expect(at(day, '2026-12-01T05:00:00Z')).toBe(false); // Tue 06:00
  });

  it("uses the schedule's own time zone over the kiosk's", () => {
    const ny = { timeZone: 'America/New_York', times: [{ from: '09:00', to: '10:00' }] };
    expect(at(ny, '2026-01-05T14:30:00Z')).toBe(true); // 09:30 in New York
    expect(at(ny, '2026-01-05T08:30:00Z')).toBe(false); // 09:30 in Brussels
  });
});

describe('daylight saving in Europe/Brussels', () => {
  // 29 March 2026: at 01:00 UTC the clocks go from 02:00 CET to 03:00 CEST.
  it('starts a window inside the skipped hour when the clock jumps', () => {
    const night = { times: [{ from: '02:30', to: '03:30' }] };
    expect(at(night, '2026-03-29T00:59:00Z')).toBe(false); // 01:59 CET
    expect(at(night, '2026-03-29T01:00:00Z')).toBe(true); // 03:00 CEST
    expect(at(night, '2026-03-29T01:29:00Z')).toBe(true); // 03:29
    expect(at(night, '2026-03-29T01:30:00Z')).toBe(false); // 03:30
    const untilThree = { times: [{ from: '01:00', to: '03:00' }] };
    expect(at(untilThree, '2026-03-29T00:59:00Z')).toBe(true); // 01:59 CET
    expect(at(untilThree, '2026-03-29T01:00:00Z')).toBe(false); // 03:00 CEST
  });

  // 25 October 2026: at 01:00 UTC the clocks go back from 03:00 CEST to 02:00 CET.
  it('plays a window inside the repeated hour both times', () => {
    const repeated = { times: [{ from: '02:15', to: '02:45' }] };
    expect(at(repeated, '2026-10-25T00:15:00Z')).toBe(true); // first 02:15 (CEST)
    expect(at(repeated, '2026-10-25T00:45:00Z')).toBe(false); // first 02:45
    expect(at(repeated, '2026-10-25T01:15:00Z')).toBe(true); // second 02:15 (CET)
    expect(at(repeated, '2026-10-25T01:44:00Z')).toBe(true);
    expect(at(repeated, '2026-10-25T01:45:00Z')).toBe(false);
  });

  it('keeps a whole Sunday whole on both change days (23 and 25 hours long)', () => {
    const sunday = { weekdays: [7], times: [{ from: '00:00', to: '24:00' }] };
    for (const [start, end] of [
      ['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'],
      ['2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z'],
    ] as const) {
      expect(at(sunday, new Date(utc(start) - 60_000).toISOString())).toBe(false);
      expect(at(sunday, start)).toBe(true);
      expect(at(sunday, new Date(utc(end) - 60_000).toISOString())).toBe(true);
      expect(at(sunday, end)).toBe(false);
    }
  });
});

const slide = (id: string, extra: object = {}) => ({
  id,
  kind: 'theme',
  title: { en: id },
  body: { en: id },
  ...extra,
});

function content(playlists: object[], defaultPlaylistId = 'main') {
  return ContentFile.parse({ schemaVersion: 2, defaultPlaylistId, playlists });
}

const LUNCH = content([
  { id: 'main', name: 'Main', slides: [slide('a'), slide('b', { schedule: { weekdays: [1] } })] },
  {
    id: 'lunch',
    name: 'Lunch',
    schedule: { weekdays: [1, 2, 3, 4, 5], times: [{ from: '12:00', to: '14:00' }] },
    slides: [slide('menu')],
  },
]);

describe('resolvePlaylist', () => {
  it('plays a scheduled playlist while its schedule is on, else the default', () => {
    const lunch = resolvePlaylist(LUNCH, utc('2026-11-30T11:30:00Z'), BRU); // Mon 12:30
    expect(lunch.reason).toEqual({ kind: 'scheduled', playlistId: 'lunch' });
    expect(lunch.slides.map((s) => s.id)).toEqual(['menu']);
    const monday = resolvePlaylist(LUNCH, utc('2026-11-30T09:00:00Z'), BRU);
    expect(monday.reason.kind).toBe('default');
    expect(monday.slides.map((s) => s.id)).toEqual(['a', 'b']);
    const tuesday = resolvePlaylist(LUNCH, utc('2026-12-01T09:00:00Z'), BRU);
    expect(tuesday.slides.map((s) => s.id)).toEqual(['a']);
  });

  it('falls back to the default playlist rather than black', () => {
    const onlyMonday = content([
      { id: 'main', name: 'Main', slides: [slide('a', { schedule: { weekdays: [1] } })] },
    ]);
    const sunday = resolvePlaylist(onlyMonday, utc('2026-11-29T12:00:00Z'), BRU);
    expect(sunday.reason.kind).toBe('default-fallback');
    expect(sunday.slides.map((s) => s.id)).toEqual(['a']);
    const none = content([{ id: 'main', name: 'Main', slides: [slide('a', { enabled: false })] }]);
    expect(resolvePlaylist(none, 0, BRU).reason.kind).toBe('nothing');
  });

  it('skips a scheduled playlist that has nothing to play then', () => {
    const empty = content([
      { id: 'main', name: 'Main', slides: [slide('a')] },
      { id: 'off', name: 'Off', schedule: {}, slides: [slide('x', { enabled: false })] },
    ]);
    expect(resolvePlaylist(empty, 0, BRU).playlist.id).toBe('main');
  });
});

describe('nextChange and weekTimeline', () => {
  it('finds the next boundary, across midnight and days', () => {
    const mondayMorning = utc('2026-11-30T09:00:00Z');
    expect(nextChange(LUNCH, mondayMorning, BRU)).toBe(utc('2026-11-30T11:00:00Z')); // 12:00
    expect(nextChange(LUNCH, utc('2026-11-30T11:00:00Z'), BRU)).toBe(utc('2026-11-30T13:00:00Z'));
    // After Monday lunch the next change is midnight, when slide b stops.
    expect(nextChange(LUNCH, utc('2026-11-30T13:00:00Z'), BRU)).toBe(utc('2026-11-30T23:00:00Z'));
    const always = content([{ id: 'main', name: 'Main', slides: [slide('a')] }]);
    expect(nextChange(always, 0, BRU)).toBeUndefined();
  });

  it('draws the week as contiguous stretches', () => {
    const monday = utc('2026-11-29T23:00:00Z');
    const segments = weekTimeline(LUNCH, monday, BRU);
    expect(segments[0]).toMatchObject({ from: monday, playlistId: 'main' });
    expect(segments.at(-1)!.to).toBe(monday + 7 * 86_400_000);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.from).toBe(segments[i - 1]!.to);
    expect(segments.filter((s) => s.playlistId === 'lunch')).toHaveLength(5);
  });

  it('describes schedules for people', () => {
    expect(describeSchedule(undefined)).toBe('Always');
    expect(describeSchedule({})).toBe('Always');
    expect(
      describeSchedule({
        weekdays: [1, 2, 3, 4, 5],
        times: [{ from: '09:00', to: '17:00' }],
        startDate: '2026-03-01',
        endDate: '2026-03-31',
        timeZone: BRU,
      }),
    ).toBe('Mon–Fri, 09:00–17:00, 1 Mar 2026 – 31 Mar 2026 (Europe/Brussels)');
    expect(describeSchedule({ weekdays: [1, 3, 6, 7] })).toBe('Mon, Wed, Sat, Sun');
  });
});

// A reference that reads the wall clock another way: Swedish locale prints ISO-like dates.
function referenceParts(instant: number, zone: string) {
  const text = new Date(instant).toLocaleString('sv-SE', { timeZone: zone, hour12: false });
  const [date, time] = text.split(' ') as [string, string];
  const [h, m] = time.split(':').map(Number) as [number, number];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = ((new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7) + 1;
  return { date, weekday, minutes: (h % 24) * 60 + m };
}

function referenceActive(schedule: Schedule, instant: number, zone: string): boolean {
  const p = referenceParts(instant, schedule.timeZone || zone);
  const dayOk = (date: string, weekday: number) =>
    (!schedule.startDate || date >= schedule.startDate) &&
    (!schedule.endDate || date <= schedule.endDate) &&
    (!schedule.weekdays?.length || schedule.weekdays.includes(weekday));
  if (!schedule.times?.length) return dayOk(p.date, p.weekday);
  const yesterday = referenceParts(instant - 86_400_000, schedule.timeZone || zone);
  return schedule.times.some(({ from, to }) => {
    const f = Number(from.slice(0, 2)) * 60 + Number(from.slice(3));
    const t = Number(to.slice(0, 2)) * 60 + Number(to.slice(3));
    if (f < t) return p.minutes >= f && p.minutes < t && dayOk(p.date, p.weekday);
    return (
      (p.minutes >= f && dayOk(p.date, p.weekday)) ||
      (p.minutes < t && dayOk(yesterday.date, ((p.weekday + 5) % 7) + 1))
    );
  });
}

const ZONES = ['Europe/Brussels', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const date = fc
  .date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const schedule: fc.Arbitrary<Schedule> = fc.record(
  {
    timeZone: fc.constantFrom(...ZONES),
    startDate: date,
    endDate: date,
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
    times: fc.array(fc.record({ from: time, to: time }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const instant = fc.integer({ min: utc('2026-01-01T00:00:00Z'), max: utc('2027-12-31T00:00:00Z') });

describe('scheduler properties', () => {
  it('agrees with a reference implementation over random schedules, zones and instants', () => {
    fc.assert(
      fc.property(schedule, instant, fc.constantFrom(...ZONES), (s, t, zone) => {
        expect(isScheduleActive(s, t, zone)).toBe(referenceActive(s, t, zone));
      }),
      { numRuns: 500 },
    );
  });

  it('treats a weekday-only schedule as exactly those weekdays', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }),
        instant,
        (days, t) => {
          expect(isScheduleActive({ weekdays: days }, t, BRU)).toBe(
            days.includes(localParts(t, BRU).weekday),
          );
        },
      ),
    );
  });

  it('always plays enabled slides, and some whenever the default playlist has any', () => {
    const slides = fc.array(
      fc.record({ enabled: fc.boolean(), schedule: fc.option(schedule, { nil: undefined }) }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(slides, fc.option(schedule, { nil: undefined }), instant, (defs, other, t) => {
        const c = content([
          { id: 'main', name: 'Main', slides: defs.map((d, i) => slide(`s${i}`, d)) },
          { id: 'other', name: 'Other', schedule: other, slides: [slide('o')] },
        ]);
        const resolved = resolvePlaylist(c, t, BRU);
        expect(resolved.slides.every((s) => s.enabled)).toBe(true);
        if (defs.some((d) => d.enabled)) expect(resolved.slides.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('reports the first change exactly: nothing changes before it, something changes at it', () => {
    const ids = (c: ContentFile, t: number) => {
      const r = resolvePlaylist(c, t, BRU);
      return `${r.playlist.id}:${r.slides.map((s) => s.id).join()}`;
    };
    fc.assert(
      fc.property(schedule, instant, (s, t) => {
        const c = content([
          { id: 'main', name: 'Main', slides: [slide('a')] },
          { id: 'timed', name: 'Timed', schedule: s, slides: [slide('b')] },
        ]);
        const change = nextChange(c, t, BRU, 3 * 86_400_000);
        const before = ids(c, t);
        const end = change ?? t + 3 * 86_400_000;
        for (let probe = t; probe < end; probe += 17 * 60_000) expect(ids(c, probe)).toBe(before);
        if (change !== undefined) expect(ids(c, change)).not.toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
