import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScheduleActive, nextChange, resolvePlaylist } from './schedule';
import { describeSchedule, weekTimeline } from './schedule-view';
import { ContentFile, type Schedule } from './schema';

import {
  BRU,
  DAY,
  HOUR,
  instantNearTransitions,
  MINUTE,
  utc,
  wallTime,
  ZONES,
} from './test-schedules';

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

/** What plays, as ids: what the player would notice changing. */
function playing(c: ContentFile, t: number) {
  const { playlist, slides } = resolvePlaylist(c, t, BRU);
  return `${playlist.id}:${slides.map((s) => s.id).join()}`;
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

const LATE: Schedule = { times: [{ from: '23:00', to: '24:00' }] };

describe('resolvePlaylist', () => {
  it('plays a scheduled playlist while its schedule is on, else the default', () => {
    const lunch = resolvePlaylist(LUNCH, utc('2026-11-30T11:30:00Z'), BRU); // Mon 12:30
    expect(lunch.reason).toEqual({ kind: 'scheduled', playlistId: 'lunch' });
    expect(lunch.slides.map((s) => s.id)).toEqual(['menu']);
    const monday = resolvePlaylist(LUNCH, utc('2026-11-30T09:00:00Z'), BRU);
    expect(monday.reason).toEqual({ kind: 'default', playlistId: 'main' });
    expect(monday.slides.map((s) => s.id)).toEqual(['a', 'b']);
    const tuesday = resolvePlaylist(LUNCH, utc('2026-12-01T09:00:00Z'), BRU);
    expect(tuesday.slides.map((s) => s.id)).toEqual(['a']);
  });

  it('lets the first scheduled playlist in file order win', () => {
    const c = content([
      { id: 'main', name: 'Main', slides: [slide('a')] },
      { id: 'first', name: 'First', schedule: { weekdays: [1] }, slides: [slide('f')] },
      { id: 'second', name: 'Second', schedule: {}, slides: [slide('s')] },
    ]);
    expect(resolvePlaylist(c, utc('2026-11-30T12:00:00Z'), BRU).playlist.id).toBe('first');
    expect(resolvePlaylist(c, utc('2026-12-01T12:00:00Z'), BRU).playlist.id).toBe('second');
  });

  it('falls back to the default playlist rather than black', () => {
    const onlyMonday = content([
      { id: 'main', name: 'Main', slides: [slide('a', { schedule: { weekdays: [1] } })] },
    ]);
    const sunday = resolvePlaylist(onlyMonday, utc('2026-11-29T12:00:00Z'), BRU);
    expect(sunday.reason).toEqual({ kind: 'default-fallback', playlistId: 'main' });
    expect(sunday.slides.map((s) => s.id)).toEqual(['a']);
    const none = content([{ id: 'main', name: 'Main', slides: [slide('a', { enabled: false })] }]);
    expect(resolvePlaylist(none, 0, BRU)).toMatchObject({
      slides: [],
      reason: { kind: 'nothing', playlistId: 'main' },
    });
  });

  it('skips a scheduled playlist that has nothing to play then', () => {
    const c = content([
      { id: 'main', name: 'Main', slides: [slide('a')] },
      { id: 'off', name: 'Off', schedule: {}, slides: [slide('x', { enabled: false })] },
      { id: 'later', name: 'Later', schedule: {}, slides: [slide('y', { schedule: LATE })] },
    ]);
    expect(resolvePlaylist(c, utc('2026-01-05T12:00:00Z'), BRU).playlist.id).toBe('main');
    expect(resolvePlaylist(c, utc('2026-01-05T22:30:00Z'), BRU).playlist.id).toBe('later');
  });
});

describe('nextChange', () => {
  it('finds the next boundary, across midnight and days', () => {
    const mondayMorning = utc('2026-11-30T09:00:00Z');
    expect(nextChange(LUNCH, mondayMorning, BRU)).toBe(utc('2026-11-30T11:00:00Z')); // 12:00
    expect(nextChange(LUNCH, utc('2026-11-30T11:00:00Z'), BRU)).toBe(utc('2026-11-30T13:00:00Z'));
    // After Monday lunch the next change is midnight, when slide b stops.
    expect(nextChange(LUNCH, utc('2026-11-30T13:00:00Z'), BRU)).toBe(utc('2026-11-30T23:00:00Z'));
    // From Friday afternoon: Monday 00:00, when slide b starts again.
    expect(nextChange(LUNCH, utc('2026-12-04T13:00:00Z'), BRU)).toBe(utc('2026-12-06T23:00:00Z'));
    expect(nextChange(LUNCH, utc('2026-11-30T10:59:59.999Z'), BRU)).toBe(
      utc('2026-11-30T11:00:00Z'),
    );
  });

  it('returns nothing without schedules, or with no change in the horizon', () => {
    const always = content([{ id: 'main', name: 'Main', slides: [slide('a')] }]);
    expect(nextChange(always, 0, BRU)).toBeUndefined();
    const later = content([
      { id: 'main', name: 'Main', slides: [slide('a')] },
      { id: 'x', name: 'X', schedule: { startDate: '2027-01-01' }, slides: [slide('x')] },
    ]);
    const start = utc('2026-12-01T12:00:00Z');
    expect(nextChange(later, start, BRU)).toBeUndefined();
    expect(nextChange(later, start, BRU, 31 * DAY)).toBe(utc('2026-12-31T23:00:00Z'));
    expect(nextChange(later, start, BRU, utc('2026-12-31T23:00:00Z') - start - 1)).toBeUndefined();
  });

  it('follows the clocks on both change days in Brussels', () => {
    const night = (window: { from: string; to: string }) =>
      content([
        { id: 'main', name: 'Main', slides: [slide('a')] },
        { id: 'night', name: 'Night', schedule: { times: [window] }, slides: [slide('n')] },
      ]);
    const skipped = night({ from: '02:30', to: '03:30' });
    const march = utc('2026-03-29T00:00:00Z');
    expect(nextChange(skipped, march, BRU)).toBe(utc('2026-03-29T01:00:00Z')); // 03:00 CEST
    expect(nextChange(skipped, utc('2026-03-29T01:00:00Z'), BRU)).toBe(utc('2026-03-29T01:30:00Z'));
    const repeated = night({ from: '02:15', to: '02:45' });
    const changes = [];
    for (let t: number | undefined = utc('2026-10-25T00:00:00Z'); changes.length < 4;) {
      changes.push((t = nextChange(repeated, t!, BRU)));
    }
    expect(changes).toEqual(
      ['00:15', '00:45', '01:15', '01:45'].map((h) => utc(`2026-10-25T${h}Z`)),
    );
  });

  it('follows a half-hour clock change (Lord Howe Island)', () => {
    // 4 April 2026, 15:00 UTC: 02:00 (UTC+11) becomes 01:30 (UTC+10:30).
    const zone = 'Australia/Lord_Howe';
    const c = content([
      { id: 'main', name: 'Main', slides: [slide('a')] },
      {
        id: 'x',
        name: 'X',
        schedule: { timeZone: zone, times: [{ from: '01:45', to: '02:15' }] },
        slides: [slide('x')],
      },
    ]);
    const changes: number[] = [];
    for (let t = utc('2026-04-04T14:00:00Z'); changes.length < 4;) {
      changes.push((t = nextChange(c, t, BRU)!));
    }
    expect(changes).toEqual(
      ['14:45', '15:00', '15:15', '15:45'].map((h) => utc(`2026-04-04T${h}Z`)),
    );
  });

  // How fast it does this is measured in bench/lib/schedule.mjs (`node bench/schedule.mjs`).
  it('finds no change in 8 days of window edges over 10 playlists of 50 slides', () => {
    const hm = (m: number) =>
      `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    // Nothing visible changes, yet every minute is some slide's window edge: the worst case.
    const c = content([
      ...Array.from({ length: 9 }, (_, p) => ({
        id: `p${p}`,
        name: 'Weekdays',
        schedule: { weekdays: [1, 2, 3, 4, 5] },
        slides: Array.from({ length: 50 }, (_, s) =>
          slide(`s${s}`, {
            schedule: {
              weekdays: [6],
              times: [{ from: hm((p * 50 + s) * 3), to: hm((p * 50 + s) * 3 + 1) }],
            },
          }),
        ),
      })),
      {
        id: 'main',
        name: 'Main',
        slides: Array.from({ length: 50 }, (_, s) =>
          slide(`m${s}`, { schedule: { times: [{ from: hm(s * 29), to: hm(s * 29) }] } }),
        ),
      },
    ]);
    const start = utc('2026-03-25T10:07:00Z');
    expect(nextChange(c, start, BRU)).toBeUndefined();
  });
});

describe('weekTimeline and describeSchedule', () => {
  it('draws the week as contiguous, alternating stretches that cover exactly 7 days', () => {
    const monday = utc('2026-11-29T23:00:00Z');
    const segments = weekTimeline(LUNCH, monday, BRU);
    expect(segments[0]).toMatchObject({ from: monday, playlistId: 'main', reason: 'default' });
    expect(segments.at(-1)!.to).toBe(monday + 7 * DAY);
    for (const [i, s] of segments.entries()) {
      expect(s.to).toBeGreaterThan(s.from);
      if (i === 0) continue;
      expect(s.from).toBe(segments[i - 1]!.to);
      expect([s.playlistId, s.reason]).not.toEqual([
        segments[i - 1]!.playlistId,
        segments[i - 1]!.reason,
      ]);
    }
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
    expect(describeSchedule({ times: [{ from: '10:00', to: '10:00' }] })).toBe('all day');
  });

  it("writes dates in the admin's language", () => {
    const march = { startDate: '2026-03-01', endDate: '2026-03-31' };
    expect(describeSchedule(march, 'fr-FR')).toBe('1 mars 2026 – 31 mars 2026');
    expect(describeSchedule(march, 'en-US')).toBe('Mar 1, 2026 – Mar 31, 2026');
    expect(describeSchedule({ startDate: '2026-12-24' }, 'nl-BE')).toBe('from 24 dec 2026');
  });
});

const time = wallTime([0, 30, 59]);
const schedule: fc.Arbitrary<Schedule> = fc
  .record(
    {
      timeZone: fc.constantFrom(...ZONES),
      startDate: fc.constantFrom(
        '2026-03-07',
        '2026-03-29',
        '2026-04-04',
        '2026-09-27',
        '2026-10-25',
      ),
      endDate: fc.constantFrom(
        '2026-03-08',
        '2026-03-30',
        '2026-04-05',
        '2026-09-27',
        '2026-10-26',
      ),
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      times: fc.array(fc.record({ from: time, to: time }), { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: [] },
  )
  // The schema refuses an end date before the start: swap them into a valid range.
  .map((s) =>
    s.startDate && s.endDate && s.endDate < s.startDate
      ? { ...s, startDate: s.endDate, endDate: s.startDate }
      : s,
  );
const instant = instantNearTransitions(DAY, DAY / 4);
const slides = (prefix: string) =>
  fc
    .array(
      fc.record({ enabled: fc.boolean(), schedule: fc.option(schedule, { nil: undefined }) }),
      { minLength: 1, maxLength: 4 },
    )
    .map((defs) => defs.map((d, i) => slide(`${prefix}${i}`, d)));
const randomContent = fc
  .tuple(
    slides('m'),
    fc.array(fc.tuple(fc.option(schedule, { nil: undefined }), slides('s')), { maxLength: 3 }),
  )
  .map(([main, others]) =>
    content([
      ...others.map(([s, sl], i) => ({ id: `p${i}`, name: 'P', schedule: s, slides: sl })),
      { id: 'main', name: 'Main', slides: main },
    ]),
  );

describe('resolver properties', () => {
  it('plays only enabled slides that are on, and never nothing while any is enabled', () => {
    fc.assert(
      fc.property(randomContent, instant, (c, t) => {
        const { playlist, slides: playing, reason } = resolvePlaylist(c, t, BRU);
        expect(reason.playlistId).toBe(playlist.id);
        expect(playing.every((s) => s.enabled && playlist.slides.includes(s))).toBe(true);
        const main = c.playlists.find((p) => p.id === 'main')!;
        if (main.slides.some((s) => s.enabled)) expect(playing.length).toBeGreaterThan(0);
        if (reason.kind !== 'default-fallback') {
          expect(playing.every((s) => isScheduleActive(s.schedule, t, BRU))).toBe(true);
        }
        if (reason.kind === 'scheduled')
          expect(isScheduleActive(playlist.schedule, t, BRU)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reports every change, and only changes, minute by minute', () => {
    const horizon = DAY + 6 * HOUR;
    fc.assert(
      fc.property(randomContent, instant, (c, t) => {
        const expected: number[] = [];
        let before = playing(c, t);
        for (let m = Math.floor(t / MINUTE) + 1; m * MINUTE <= t + horizon; m++) {
          const now = playing(c, m * MINUTE);
          if (now !== before) expected.push(m * MINUTE);
          before = now;
        }
        const found: number[] = [];
        for (let at = nextChange(c, t, BRU, horizon); at !== undefined;) {
          found.push(at);
          at = nextChange(c, at, BRU, t + horizon - at);
        }
        expect(found).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
