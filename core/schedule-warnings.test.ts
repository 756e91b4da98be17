import { describe, expect, it } from 'vitest';
import { resolvePlaylist } from './schedule';
import {
  DAYLIGHT_SAVING_NOTE,
  scheduleProblems,
  scheduleWarnings,
  windowNote,
} from './schedule-warnings';
import type { ContentFile, Playlist, Schedule } from './schema';

const BRU = 'Europe/Brussels';
/** Wednesday 25 March 2026, 12:30 in Brussels. */
const NOW = Date.parse('2026-03-25T11:30:00Z');

function playlist(id: string, name: string, schedule?: Schedule, enabled = true): Playlist {
  return {
    id,
    name,
    slides: [{ id: `${id}-1`, enabled } as Playlist['slides'][number]],
    translations: {},
    ...(schedule ? { schedule } : {}),
  } as Playlist;
}

function content(...playlists: Playlist[]): ContentFile {
  return { schemaVersion: 2, defaultPlaylistId: 'main', playlists } as ContentFile;
}

describe('scheduleProblems', () => {
  it('refuses dates no calendar has, at their field', () => {
    expect(scheduleProblems({ startDate: '2026-02-31' })).toEqual([
      {
        field: 'startDate',
        message: '31 February 2026 does not exist: February 2026 has 28 days',
      },
    ]);
    expect(scheduleProblems({ endDate: '2026-04-31' })[0]?.field).toBe('endDate');
  });

  it('refuses an end date before the start, at the end date', () => {
    expect(scheduleProblems({ startDate: '2026-03-10', endDate: '2026-03-09' })).toEqual([
      { field: 'endDate', message: expect.stringMatching(/end date is before the start date/) },
    ]);
    expect(scheduleProblems({ startDate: '2026-03-10', endDate: '2026-03-10' })).toEqual([]);
    expect(scheduleProblems(undefined)).toEqual([]);
  });
});

describe('windowNote', () => {
  it('says all day when a window starts and ends at the same time, as the scheduler plays it', () => {
    expect(windowNote({ from: '09:00', to: '09:00' })).toMatch(/plays all day/);
    expect(windowNote({ from: '22:00', to: '02:00' })).toMatch(/past midnight/);
    expect(windowNote({ from: '09:00', to: '17:00' })).toBeUndefined();
    expect(windowNote({ from: '09:00', to: '24:00' })).toBeUndefined();
  });

  it('describes daylight saving as the scheduler handles it', () => {
    expect(DAYLIGHT_SAVING_NOTE).toMatch(/skipped hour does not play that night/);
    expect(DAYLIGHT_SAVING_NOTE).toMatch(/repeated hour plays twice/);
  });
});

describe('scheduleWarnings', () => {
  const visa = { weekdays: [1], times: [{ from: '17:00', to: '19:00' }] };
  const evening = { times: [{ from: '18:00', to: '22:00' }] };

  it('names both playlists of an overlap, when, and the one that plays by the real rule', () => {
    const c = content(
      playlist('visa', 'Visa week', visa),
      playlist('evening', 'Evening', evening),
      playlist('main', 'Main'),
    );
    expect(scheduleWarnings(c, BRU, NOW)).toEqual([
      {
        kind: 'overlap',
        playlistIds: ['visa', 'evening'],
        message:
          "Both 'Visa week' and 'Evening' are scheduled Mon 18:00–19:00; 'Visa week' plays because it comes first in the list.",
      },
    ]);
    // The scheduler agrees: Monday 30 March 2026, 18:30 in Brussels.
    expect(resolvePlaylist(c, Date.parse('2026-03-30T16:30:00Z'), BRU).playlist.id).toBe('visa');
  });

  it('says the later one plays when the first has no slide switched on', () => {
    const c = content(
      playlist('visa', 'Visa week', visa, false),
      playlist('evening', 'Evening', evening),
      playlist('main', 'Main'),
    );
    expect(scheduleWarnings(c, BRU, NOW)[0]?.message).toMatch(
      /'Evening' plays, because 'Visa week', first in the list, has no slide switched on/,
    );
    expect(resolvePlaylist(c, Date.parse('2026-03-30T16:30:00Z'), BRU).playlist.id).toBe('evening');
  });

  it('finds no overlap for separate days, times or date ranges', () => {
    const weekend = { weekdays: [6, 7] };
    const march = { startDate: '2026-03-01', endDate: '2026-03-31' };
    const april = { startDate: '2026-04-01', endDate: '2026-04-30' };
    const morning = { times: [{ from: '06:00', to: '18:00' }] };
    const c = content(
      playlist('a', 'A', visa),
      playlist('b', 'B', weekend),
      playlist('c', 'C', march),
      playlist('d', 'D', { ...april, weekdays: [1], times: [{ from: '06:00', to: '07:00' }] }),
      playlist('main', 'Main'),
    );
    expect(scheduleWarnings(c, BRU, NOW).map((w) => w.message)).toEqual([
      "Both 'A' and 'C' are scheduled Mon 17:00–19:00; 'A' plays because it comes first in the list.",
      "Both 'B' and 'C' are scheduled Sat 00:00–24:00, Sun 00:00–24:00; 'B' plays because it comes first in the list.",
    ]);
    expect(
      scheduleWarnings(content(playlist('m', 'M', morning), playlist('e', 'E', evening)), BRU, NOW),
    ).toEqual([]);
  });

  it('counts an all-day window and a window past midnight as the scheduler does', () => {
    const allDay = { weekdays: [2], times: [{ from: '10:00', to: '10:00' }] };
    const night = { weekdays: [1], times: [{ from: '22:00', to: '02:00' }] };
    const c = content(playlist('n', 'Night', night), playlist('d', 'Day', allDay));
    expect(scheduleWarnings(c, BRU, NOW)[0]?.message).toContain('scheduled Tue 00:00–02:00;');
  });

  it('only looks at the weekdays of a short shared date range', () => {
    // 28 and 29 March 2026 are a Saturday and a Sunday.
    const weekend = { startDate: '2026-03-28', endDate: '2026-03-29' };
    const weekdays = { weekdays: [1, 2, 3, 4, 5] };
    const c = content(playlist('w', 'Weekend', weekend), playlist('o', 'Office', weekdays));
    expect(scheduleWarnings(c, BRU, NOW)).toEqual([]);
  });

  it('moves a schedule in another zone onto the kiosk clock', () => {
    const ny = {
      timeZone: 'America/New_York',
      weekdays: [1],
      times: [{ from: '12:00', to: '13:00' }],
    };
    const bru = { weekdays: [1], times: [{ from: '17:00', to: '19:00' }] };
    // In April, noon in New York (UTC-4) is 18:00 in Brussels (UTC+2).
    const c = content(playlist('ny', 'New York', ny), playlist('b', 'Brussels', bru));
    expect(scheduleWarnings(c, BRU, Date.parse('2026-04-01T10:00:00Z'))[0]?.message).toContain(
      'scheduled Mon 18:00–19:00;',
    );
  });

  it('explains a schedule on the default playlist', () => {
    const c = content(playlist('main', 'Main', { weekdays: [1] }));
    expect(scheduleWarnings(c, BRU, NOW)).toEqual([
      {
        kind: 'default-playlist',
        playlistIds: ['main'],
        message: expect.stringMatching(
          /'Main' is the default playlist: it plays whenever nothing else does/,
        ),
      },
    ]);
  });

  it('leaves out schedules that cannot be saved', () => {
    const bad = { startDate: '2026-03-10', endDate: '2026-03-01' };
    const c = content(playlist('x', 'X', bad), playlist('y', 'Y', {}), playlist('main', 'Main'));
    expect(scheduleWarnings(c, BRU, NOW)).toEqual([]);
  });
});
