/**
 * The announcement band and clock: off by default; rotating or scrolling gently, still under
 * reduced motion; heard by screen readers once per change; a clock in the visitor's language
 * and the kiosk's time zone; announcements whose schedule is off are not shown.
 */
import type { Page } from '@playwright/test';
import type { BandSettings } from '#core/schema';
import { expectNoAxeViolations } from './admin-test-files';
import { button, expect, openPlayer, skipAnimations, test, UI, type Lang } from './helpers';

/** Wednesday 23 December 2026, 14:05 in Brussels. */
const START = Date.parse('2026-12-23T13:05:00Z');
const CLOSED = {
  en: 'Consular section closed on 25 December',
  fr: 'Section consulaire fermée le 25 décembre',
  nl: 'Consulaire afdeling gesloten op 25 december',
  de: 'Konsularabteilung am 25. Dezember geschlossen',
};
const VISA = { en: 'Visa appointments are booked online' };

function band(over: Partial<BandSettings>): { timeZone: string; band: BandSettings } {
  return {
    timeZone: 'Europe/Brussels',
    band: {
      enabled: true,
      clock: false,
      position: 'top',
      motion: 'rotate',
      announcements: [{ text: CLOSED }, { text: VISA }],
      ...over,
    },
  };
}

/** Open the player on a paused fake clock at START (animations skipped, motion not reduced). */
async function openAt(page: Page, url: string): Promise<void> {
  await page.clock.install({ time: START - 1_000 });
  await page.clock.pauseAt(START);
  await skipAnimations(page);
  await openPlayer(page, url);
}

/**
 * Wait for the band (its code loads on demand): React reveals a suspended part on a timer, which
 * the paused clock must be moved past, so move it a little at a time while the chunk loads.
 */
async function bandShows(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.clock.runFor(300);
        return region(page).count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await expect(region(page)).toBeVisible();
}

const region = (page: Page) => page.getByRole('region', { name: 'Announcements' });
const live = (page: Page) => region(page).locator('[aria-live="polite"]');

/** Record each new text of the live region (what a screen reader would hear). */
async function listen(page: Page): Promise<void> {
  await live(page).evaluate((element) => {
    const heard: string[] = [];
    (window as unknown as { __heard: string[] }).__heard = heard;
    new MutationObserver(() => {
      const text = element.textContent ?? '';
      if (text !== heard.at(-1)) heard.push(text);
    }).observe(element, { childList: true, characterData: true, subtree: true });
  });
}
const heard = (page: Page) =>
  page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);

test('off by default: the player looks as it always did', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await expect(page.getByRole('heading', { name: 'About us' })).toBeVisible();
  await expect(region(page)).toHaveCount(0);
  await expect(page.locator('.band')).toHaveCount(0);
});

test.describe('rotating', () => {
  test.use({ settings: band({ clock: true }) });

  test('one announcement at a time with a gentle fade, heard once per change', async ({
    page,
    host,
  }) => {
    await openAt(page, host.url);
    await bandShows(page);
    // At the top edge, the language bar below it.
    const box = (await region(page).boundingBox())!;
    expect(box.y).toBe(0);
    const bar = (await page.getByRole('group', { name: 'Language' }).boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(box.y + box.height);

    const current = region(page).locator('.band__line.is-current');
    await expect(current).toHaveText(CLOSED.en);
    await expect(live(page)).toHaveText(CLOSED.en);
    expect(await current.evaluate((el) => getComputedStyle(el).animationName)).toBe('band-in');
    await listen(page);

    await page.clock.runFor(8_000);
    await expect(current).toHaveText(VISA.en);
    await expect(live(page)).toHaveText(VISA.en);
    await page.clock.runFor(4_000);
    expect(await heard(page)).toEqual([VISA.en]);
    await page.clock.runFor(4_000);
    await expect(current).toHaveText(CLOSED.en);
    expect(await heard(page)).toEqual([VISA.en, CLOSED.en]);
    // axe waits on timers: let time run again; and no announcement half faded in while it
    // measures contrast.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.clock.resume();
    await expectNoAxeViolations(page, 'with the band and clock');
  });

  test('the clock and the announcements follow the visitor language', async ({ page, host }) => {
    await openAt(page, host.url);
    await bandShows(page);
    // The band's name changes with the language too, so find it by its place here.
    const band = page.locator('main > section.band');
    const clock = band.locator('.band__clock');
    await expect(clock).toHaveText('02:05 PMWednesday, December 23');
    const expected: Record<Exclude<Lang, 'en'>, string> = {
      fr: '14:05mercredi 23 décembre',
      nl: '14:05woensdag 23 december',
      de: '14:05Mittwoch, 23. Dezember',
    };
    for (const [lang, text] of Object.entries(expected) as [Exclude<Lang, 'en'>, string][]) {
      await button(page, UI[lang].name).click();
      await expect(clock).toHaveText(text);
      await expect(clock).toHaveAttribute('lang', lang);
      await expect(band.locator('.band__line.is-current')).toHaveText(CLOSED[lang]);
      await expect(band).toHaveAccessibleName(
        { fr: 'Annonces', nl: 'Mededelingen', de: 'Mitteilungen' }[lang],
      );
    }
    // A minute later, the clock says so.
    await page.clock.runFor(60_000);
    await expect(clock).toContainText('14:06');
  });
});

test.describe('scrolling', () => {
  test.use({ settings: band({ motion: 'scroll', position: 'bottom' }) });

  test('all announcements scroll by, heard once, not on every frame', async ({ page, host }) => {
    await openAt(page, host.url);
    await bandShows(page);
    const box = (await region(page).boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y + box.height).toBeCloseTo(viewport.height, 0);
    const track = region(page).locator('.band__track');
    await expect(track).toContainText(CLOSED.en);
    await expect(track).toContainText(VISA.en);
    expect(await track.evaluate((el) => getComputedStyle(el).animationName)).toBe('band-scroll');
    await expect(live(page)).toHaveText(`${CLOSED.en} · ${VISA.en}`);
    await listen(page);
    await page.clock.runFor(30_000);
    expect(await heard(page)).toEqual([]);
  });

  test('under reduced motion nothing moves: one announcement at a time, still', async ({
    page,
    host,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openAt(page, host.url);
    await bandShows(page);
    await expect(region(page).locator('.band__track')).toHaveCount(0);
    const current = region(page).locator('.band__line.is-current');
    await expect(current).toHaveText(CLOSED.en);
    expect(await current.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await page.clock.runFor(8_000);
    await expect(current).toHaveText(VISA.en);
    expect(await current.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await page.clock.resume();
    await expectNoAxeViolations(page, 'with the band under reduced motion');
  });
});

test.describe('the kiosk setting "reduced motion: always"', () => {
  test.use({ settings: { ...band({ motion: 'scroll' }), reducedMotion: 'always' } });

  test('keeps the band still too', async ({ page, host }) => {
    await openAt(page, host.url);
    await bandShows(page);
    await expect(region(page).locator('.band__track')).toHaveCount(0);
    await expect(region(page).locator('.band__line.is-current')).toHaveText(CLOSED.en);
  });
});

test.describe('scheduled', () => {
  test.use({
    settings: band({
      announcements: [
        // Ended yesterday.
        { text: CLOSED, schedule: { endDate: '2026-12-22' } },
        // From 14:10 to 15:00 (Brussels), today.
        { text: VISA, schedule: { times: [{ from: '14:10', to: '15:00' }] } },
      ],
    }),
  });

  test('an announcement whose schedule is off is not shown; with none on, no band', async ({
    page,
    host,
  }) => {
    await openAt(page, host.url);
    await expect(page.getByRole('heading', { name: 'About us' })).toBeVisible();
    await page.clock.runFor(2_000);
    await expect(region(page)).toHaveCount(0);
    // The language bar keeps its usual place.
    const bar = (await page.getByRole('group', { name: 'Language' }).boundingBox())!;
    expect(bar.y).toBeLessThan(60);
    await page.clock.runFor(5 * 60_000);
    await bandShows(page);
    await expect(region(page).locator('.band__line.is-current')).toHaveText(VISA.en);
    await expect(region(page)).not.toContainText(CLOSED.en);
    await page.clock.runFor(50 * 60_000);
    await expect(region(page)).toHaveCount(0);
  });
});
