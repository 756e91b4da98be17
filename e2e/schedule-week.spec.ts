/**
 * The scheduler in the player: a simulated week of schedules with the clock driven forward, and
 * the right slides at every boundary.
 *
 * The real host serves a content.json whose playlists cover a week in Europe/Brussels (weekdays
 * and weekend, day-parts, an evening that runs past midnight, Friday and Saturday nights, a
 * one-off date, overlaps that file order decides, slide-level schedules). The browser starts on
 * a fake clock at Monday 00:00, with animations skipped and reduced motion (TOOLCHAIN.md), and
 * jumps to just before and just after every boundary. The boundaries and what plays come from
 * core/schedule.ts (the code under test); the same week is also written out by hand below, so
 * the test is not only core checking itself. The week of 23 March 2026 ends on the Sunday the
 * clocks go forward; a second, short run crosses the October change, when 02:00–03:00 repeats
 * (on a machine in another zone: the kiosk's zone is the `timeZone` setting); a third checks a
 * one-off day further ahead than core's 8-day look-ahead.
 *
 * When a schedule ends, the slide on screen plays out its time (as after a staff edit), so right
 * after a boundary the tabs already list the new slides and a new slide shows within SLIDE_MS.
 */
import type { Page } from '@playwright/test';
import { nextChange, resolvePlaylist } from '#core/schedule';
import { ContentFile, type Schedule } from '#core/schema';
import { expect, skipAnimations } from './fixtures';
import { test } from './helpers';

const ZONE = 'Europe/Brussels';
const SECOND = 1000;
/** Every slide's time on screen; a slide whose schedule ended plays out at most this long. */
const SLIDE_MS = 4000;

type SlideSpec = { id: string; title: string; schedule?: Schedule };
type PlaylistSpec = { id: string; schedule?: Schedule; slides: SlideSpec[] };

/** A content file of theme slides (English only), checked and completed by the real schema. */
function contentOf(playlists: PlaylistSpec[], defaultPlaylistId = 'main'): ContentFile {
  return ContentFile.parse({
    schemaVersion: 2,
    defaultPlaylistId,
    playlists: playlists.map(({ id, schedule, slides }) => ({
      id,
      name: id,
      ...(schedule && { schedule }),
      slides: slides.map(({ id: slideId, title, schedule: slideSchedule }) => ({
        id: slideId,
        kind: 'theme',
        durationMs: SLIDE_MS,
        title: { en: title },
        body: { en: `${title}.` },
        ...(slideSchedule && { schedule: slideSchedule }),
      })),
    })),
  });
}

const WEEKDAYS = [1, 2, 3, 4, 5];
/** File order matters: the first playlist whose schedule is on wins. */
const WEEK = contentOf([
  // The default comes first in the file: having no schedule, it never wins by file order.
  {
    id: 'main',
    slides: [
      { id: 'welcome', title: 'Welcome to Belgium' },
      { id: 'nature', title: 'Open by nature' },
      // A slide-level schedule: market mornings on Wednesday and Saturday.
      {
        id: 'market',
        title: 'Market morning',
        schedule: { weekdays: [3, 6], times: [{ from: '08:00', to: '12:00' }] },
      },
    ],
  },
  // A one-off evening (Thursday 26 March only), before `evening` in the file: it wins 20–22.
  {
    id: 'late',
    schedule: {
      startDate: '2026-03-26',
      endDate: '2026-03-26',
      times: [{ from: '18:00', to: '22:00' }],
    },
    slides: [
      { id: 'late-opening', title: 'Late opening tonight' },
      { id: 'night-tour', title: 'Guided night tour' },
    ],
  },
  {
    id: 'breakfast',
    schedule: { weekdays: WEEKDAYS, times: [{ from: '07:00', to: '10:00' }] },
    slides: [{ id: 'morning', title: 'Good morning' }],
  },
  {
    id: 'lunch',
    schedule: { weekdays: WEEKDAYS, times: [{ from: '12:00', to: '14:00' }] },
    slides: [
      { id: 'menu', title: 'Lunch menu' },
      { id: 'fish', title: 'Fish on Friday', schedule: { weekdays: [5] } },
    ],
  },
  {
    id: 'weekend',
    schedule: { weekdays: [6, 7], times: [{ from: '10:00', to: '18:00' }] },
    slides: [
      { id: 'family', title: 'Family tour' },
      { id: 'kids', title: 'Kids corner' },
    ],
  },
  // Every evening, past midnight: the part after midnight belongs to the day it started.
  {
    id: 'evening',
    schedule: { times: [{ from: '20:00', to: '00:30' }] },
    slides: [{ id: 'programme', title: 'Evening programme' }],
  },
  // Friday and Saturday nights; `evening` comes first in the file, so this shows from 00:30.
  {
    id: 'night',
    schedule: { weekdays: [5, 6], times: [{ from: '23:00', to: '02:30' }] },
    slides: [{ id: 'owls', title: 'Night owls' }],
  },
]);

/** Monday 23 March 2026, 00:00 in Brussels (CET, UTC+1). */
const MONDAY = Date.parse('2026-03-22T23:00:00Z');
/** Monday 30 March 2026, 01:00 in Brussels (CEST, UTC+2): a week and the last boundary. */
const WEEK_END = Date.parse('2026-03-29T23:00:00Z');

/**
 * The same week, by hand: at each local time, the playlist that starts, with any slide that has
 * its own schedule and plays too. Sunday 29 March has no 02:30 (02:00 becomes 03:00), so the
 * night ends at 03:00.
 */
const WEEK_BY_HAND = [
  'Mon 00:30 main, 07:00 breakfast, 10:00 main, 12:00 lunch, 14:00 main, 20:00 evening',
  'Tue 00:30 main, 07:00 breakfast, 10:00 main, 12:00 lunch, 14:00 main, 20:00 evening',
  'Wed 00:30 main, 07:00 breakfast, 10:00 main+market, 12:00 lunch, 14:00 main, 20:00 evening',
  'Thu 00:30 main, 07:00 breakfast, 10:00 main, 12:00 lunch, 14:00 main, 18:00 late, 22:00 evening',
  'Fri 00:30 main, 07:00 breakfast, 10:00 main, 12:00 lunch+fish, 14:00 main, 20:00 evening',
  'Sat 00:30 night, 02:30 main, 08:00 main+market, 10:00 weekend, 18:00 main, 20:00 evening',
  'Sun 00:30 night, 03:00 main, 10:00 weekend, 18:00 main, 20:00 evening',
  'Mon 00:30 main',
].flatMap((line) => {
  const [day, ...rest] = line.split(' ');
  return rest
    .join(' ')
    .split(', ')
    .map((entry) => `${day} ${entry}`);
});

/** What plays at an instant, according to core: its playlist and its slides' titles. */
function playing(content: ContentFile, instant: number) {
  const { playlist, slides } = resolvePlaylist(content, instant, ZONE);
  const titles = slides.map((slide) => slide.title.en!);
  // The label the hand-written week uses: the playlist, and its slides that have a schedule.
  const scheduled = slides.filter((slide) => slide.schedule).map((slide) => slide.id);
  return { id: playlist.id, titles, label: [playlist.id, ...scheduled].join('+') };
}
type Playing = ReturnType<typeof playing>;

/** Every boundary core finds after `from` and before `to`. */
function boundaries(content: ContentFile, from: number, to: number): number[] {
  const found: number[] = [];
  for (let t = nextChange(content, from, ZONE); t !== undefined && t < to;) {
    found.push(t);
    t = nextChange(content, t, ZONE);
  }
  return found;
}

/** `Mon 07:00` in Brussels. */
function localLabel(instant: number): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return format.format(instant).replace(',', '');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The host starts on a data folder holding `content` and settings in the kiosk's zone.
test.use({ settings: { timeZone: ZONE }, content: WEEK });

/** Open the player on a fake clock paused 1 s after `start` (see TOOLCHAIN.md, page.clock). */
async function openAt(page: Page, url: string, start: number): Promise<void> {
  await page.clock.install({ time: start });
  await page.clock.pauseAt(start + SECOND);
  await skipAnimations(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  await expect(page.locator('[aria-roledescription="carousel"]')).toBeVisible();
}

/** The tabs named "Slides" name the slides of `expected`, in order. */
async function expectTabs(page: Page, expected: Playing): Promise<void> {
  const tabs = page.getByRole('tablist', { name: 'Slides' }).getByRole('tab');
  await expect(tabs).toHaveCount(expected.titles.length);
  for (const [i, name] of expected.titles.entries()) {
    await expect(tabs.nth(i)).toHaveAccessibleName(name);
  }
}

/**
 * The player plays `expected`: the tabs name its slides in order, and exactly one slide is on
 * screen, at rest, with its heading; `title` is which one, when the test knows.
 */
async function expectPlaying(page: Page, expected: Playing, title?: string): Promise<void> {
  await expectTabs(page, expected);
  const slide = page.locator('[aria-roledescription="slide"]');
  await expect(slide).toHaveCount(1);
  await expect(slide).toHaveRole('group');
  const heading = slide.getByRole('heading', {
    name: title ?? new RegExp(`^(${expected.titles.map(escape).join('|')})$`),
    exact: true,
  });
  await expect(heading).toBeVisible();
  // At rest the slide on screen is the selected tab, and its label counts the right list.
  // Soft hyphens (the player hyphenates titles) are not part of the title.
  const shown = title ?? (await heading.textContent())!.replaceAll('\u00ad', '');
  const n = expected.titles.indexOf(shown) + 1;
  const selected = page.getByRole('tab', { selected: true });
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveAccessibleName(shown);
  await expect(slide).toHaveAttribute('aria-label', `${n} of ${expected.titles.length}`);
}

/**
 * Walk the clock through every boundary in [from, to): just before it, the old list plays; just
 * after it, the new list is in the tabs; once the slide on screen has played out, a slide of the
 * new list shows (its first, when the playlist changed).
 */
async function walk(page: Page, content: ContentFile, from: number, to: number) {
  const all = boundaries(content, from, to);
  for (const [i, boundary] of all.entries()) {
    const before = playing(content, boundary - SECOND);
    const after = playing(content, boundary);
    const step = `${localLabel(boundary)} (${new Date(boundary).toISOString()}): ${before.label} → ${after.label}`;
    await test.step(step, async () => {
      // Nothing else changes in between: the checks below see one boundary at a time.
      expect(all[i + 1] ?? Infinity).toBeGreaterThan(boundary + SECOND + SLIDE_MS);
      expect(after).not.toEqual(before);

      await page.clock.pauseAt(boundary - SECOND);
      await expectPlaying(page, before);

      await page.clock.pauseAt(boundary + SECOND);
      // The new list is in at once; the slide on screen may still be playing out.
      await expectTabs(page, after);
      await expect(page.locator('[aria-roledescription="slide"]')).toHaveCount(1);

      await page.clock.pauseAt(boundary + SECOND + SLIDE_MS);
      await expectPlaying(page, after, after.id === before.id ? undefined : after.titles[0]);
    });
  }
  return all;
}

test.describe('a week in Brussels, spring forward on Sunday', () => {
  test.use({ timezoneId: ZONE });

  test('core finds the week written by hand', () => {
    const found = boundaries(WEEK, MONDAY, WEEK_END);
    expect(found.map((t) => `${localLabel(t)} ${playing(WEEK, t).label}`)).toEqual(WEEK_BY_HAND);
    // The clocks go forward at 02:00 on Sunday 29 March: the night ends at 03:00 CEST.
    expect(found).toContain(Date.parse('2026-03-29T01:00:00Z'));
    expect(found).toContain(Date.parse('2026-03-28T01:30:00Z')); // Saturday 02:30 CET
    expect(playing(WEEK, MONDAY).id).toBe('evening'); // Sunday's evening, until 00:30
    expect(playing(WEEK, Date.parse('2026-03-26T20:00:00Z')).id).toBe('late'); // Thu 21:00
    expect(playing(WEEK, Date.parse('2026-03-27T23:00:00Z')).id).toBe('evening'); // Sat 00:00
  });

  test('the player shows the right slides at every boundary of the week', async ({
    page,
    host,
  }) => {
    await openAt(page, host.url, MONDAY);
    // Monday 00:00 is still Sunday's evening.
    await expectPlaying(page, playing(WEEK, MONDAY), 'Evening programme');
    const walked = await walk(page, WEEK, MONDAY + SECOND, WEEK_END);
    expect(walked).toHaveLength(WEEK_BY_HAND.length);
    // Monday again, after the week: the default playlist, without its market slide.
    await expectPlaying(page, playing(WEEK, WEEK_END), 'Welcome to Belgium');
  });
});

/** A one-off day weeks ahead: nothing changes before it, as far as core looks (8 days). */
const FESTIVAL = contentOf([
  { id: 'main', slides: [{ id: 'welcome', title: 'Welcome to Belgium' }] },
  {
    id: 'festival',
    schedule: { startDate: '2026-04-20', endDate: '2026-04-20' },
    slides: [
      { id: 'festival', title: 'Festival day' },
      { id: 'programme', title: 'Festival programme' },
    ],
  },
]);
/** Monday 20 April 2026, 00:00 in Brussels (CEST). */
const FESTIVAL_DAY = Date.parse('2026-04-19T22:00:00Z');

test.describe('a one-off day four weeks ahead', () => {
  test.use({ timezoneId: ZONE, content: FESTIVAL });

  test('starts and ends on time on a player left running since March', async ({ page, host }) => {
    expect(nextChange(FESTIVAL, MONDAY, ZONE)).toBeUndefined();
    expect(nextChange(FESTIVAL, MONDAY, ZONE, 31 * 86_400_000)).toBe(FESTIVAL_DAY);
    await openAt(page, host.url, MONDAY);
    await expectPlaying(page, playing(FESTIVAL, MONDAY), 'Welcome to Belgium');
    // A week on: still the default.
    await page.clock.pauseAt(MONDAY + 7 * 86_400_000 + SECOND);
    await expectPlaying(page, playing(FESTIVAL, MONDAY), 'Welcome to Belgium');
    const walked = await walk(
      page,
      FESTIVAL,
      FESTIVAL_DAY - 2 * SECOND,
      FESTIVAL_DAY + 86_400_000 + 1,
    );
    expect(walked).toEqual([FESTIVAL_DAY, FESTIVAL_DAY + 86_400_000]);
  });
});

/** Every night 02:15–02:45: on Sunday 25 October 2026 that half hour comes twice. */
const REPEATED = contentOf([
  {
    id: 'main',
    slides: [
      { id: 'welcome', title: 'Welcome to Belgium' },
      { id: 'nature', title: 'Open by nature' },
    ],
  },
  {
    id: 'night',
    schedule: { times: [{ from: '02:15', to: '02:45' }] },
    slides: [{ id: 'owls', title: 'Night owls' }],
  },
]);

test.describe('the night the clocks go back, in the kiosk’s zone and not the machine’s', () => {
  // The kiosk's settings say Brussels; the machine runs on New York time (no change that night).
  test.use({ timezoneId: 'America/New_York', content: REPEATED });

  test('a window inside the repeated hour plays twice', async ({ page, host }) => {
    // Saturday 24 October, 23:00 in Brussels (CEST); the clocks go back at 03:00 CEST.
    const start = Date.parse('2026-10-24T21:00:00Z');
    const end = Date.parse('2026-10-25T06:00:00Z');
    await openAt(page, host.url, start);
    await expectPlaying(page, playing(REPEATED, start));
    const walked = await walk(page, REPEATED, start + SECOND, end);
    // 02:15 and 02:45 CEST, then 02:15 and 02:45 CET.
    expect(walked).toEqual(
      ['00:15', '00:45', '01:15', '01:45'].map((hm) => Date.parse(`2026-10-25T${hm}:00Z`)),
    );
    expect(walked.map(localLabel)).toEqual(['Sun 02:15', 'Sun 02:45', 'Sun 02:15', 'Sun 02:45']);
  });
});
