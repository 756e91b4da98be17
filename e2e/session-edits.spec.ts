/**
 * Issue 13, point 7: a staff save does not reset a visitor in session. Two pages: the kiosk's
 * player (on a fake clock) and staff saving through the HTTP API from their own unlocked browser
 * context, as the admin does. A visitor reads slide 3 in German with larger text; edits wait until
 * the session ends (the idle reset), unless staff deleted the slide on screen, which moves the
 * visitor to the slide that took its place, in the same language and options.
 */
import type { Browser, Page } from '@playwright/test';
import { setPin, unlockAdmin } from './admin-helpers';
import { callFromPage } from './admin-test-files';
import {
  allSlides,
  button,
  DEFAULT_SETTINGS,
  expect,
  expectSlide,
  openPlayerOnFakeClock,
  SLIDES,
  tabs,
  test,
  UI,
  type Host,
} from './helpers';

const RESET_MS = (DEFAULT_SETTINGS.idleTimeoutSec + DEFAULT_SETTINGS.countdownSec) * 1000;

interface EditableContent {
  defaultPlaylistId: string;
  playlists: { id: string; slides: { id: string; title: Record<string, string> }[] }[];
}

/**
 * Staff in their own browser, unlocked, and the player open on a fake clock in `player`; returns
 * the staff's page to call the API from.
 */
async function staffBesidePlayer(browser: Browser, host: Host, player: Page): Promise<Page> {
  await setPin(host.dataDir);
  const context = await browser.newContext();
  const page = await context.newPage();
  await unlockAdmin(page, host.url);
  await openPlayerOnFakeClock(player, host.url);
  return page;
}

/**
 * Save an edit of the default playlist's slides as staff, and resolve once the host has told its
 * players (an event stream of our own in the player's page hears the same broadcast).
 */
async function staffSave(
  staff: Page,
  player: Page,
  edit: (slides: EditableContent['playlists'][number]['slides']) => void,
): Promise<void> {
  const heard = player.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const events = new EventSource('/api/events');
        events.addEventListener('content:changed', () => {
          events.close();
          resolve();
        });
      }),
  );
  const { body: state } = await callFromPage<{ revision: string; content: EditableContent }>(
    staff,
    'admin:get',
  );
  const content = structuredClone(state.content);
  edit(content.playlists.find((p) => p.id === content.defaultPlaylistId)!.slides);
  const saved = await callFromPage(staff, 'content:save', {
    baseRevision: state.revision,
    content,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  await heard;
  // Longer than the 3 s in which the player used to reset.
  await player.clock.runFor(5_000);
}

/** A visitor on slide 3, in German, with larger text. */
async function visitorOnSlide3(page: Page): Promise<void> {
  await button(page, 'Deutsch').click();
  await tabs(page).nth(2).click();
  await button(page, 'Barrierefreiheit').click();
  await button(page, 'Größere Schrift').click();
  await expectSlide(page, 3, 'de');
  await expect(page.locator('main')).toHaveClass(/is-large-text/);
}

test('a staff save waits while a visitor is in session, and shows after the idle reset', async ({
  page,
  browser,
  host,
}) => {
  const staff = await staffBesidePlayer(browser, host, page);
  await visitorOnSlide3(page);

  await staffSave(staff, page, (slides) => {
    slides[0]!.title.en = 'About us, edited';
    slides[2]!.title.de = 'Offen für Partnerschaften, bearbeitet';
  });
  // The visitor stays where they were, as they were, and the slide under their eyes is unchanged.
  await expectSlide(page, 3, 'de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('main')).toHaveClass(/is-large-text/);
  await expect(button(page, UI.de.start)).toBeVisible();

  // The session ends: the player resets, and the edit is there for the next visitor.
  await page.clock.runFor(RESET_MS);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'About us, edited', exact: true })).toBeVisible();
  await expect(tabs(page).first()).toHaveAttribute('aria-selected', 'true');
  await expect(button(page, UI.en.stop)).toBeVisible();
  await tabs(page).nth(2).click();
  await button(page, 'Deutsch').click();
  await expect(
    page.getByRole('heading', { name: 'Offen für Partnerschaften, bearbeitet', exact: true }),
  ).toBeVisible();
});

test('with nobody there, a staff save shows at once', async ({ page, browser, host }) => {
  const staff = await staffBesidePlayer(browser, host, page);
  await expectSlide(page, 1);
  await staffSave(staff, page, (slides) => {
    slides[0]!.title.en = 'About us, edited';
  });
  await expect(page.getByRole('heading', { name: 'About us, edited', exact: true })).toBeVisible();
});

test('deleting the slide on screen moves the visitor to the next one, keeping language and options', async ({
  page,
  browser,
  host,
}) => {
  const staff = await staffBesidePlayer(browser, host, page);
  await visitorOnSlide3(page);

  await staffSave(staff, page, (slides) => {
    slides.splice(2, 1);
  });
  const diversity = SLIDES[3]!.title.de!;
  await expect(page.getByRole('heading', { name: diversity, exact: true })).toBeVisible();
  await expect(allSlides(page)).toHaveCount(1);
  await expect(allSlides(page)).toHaveAttribute('aria-label', /^3 von 3\b/);
  await expect(tabs(page)).toHaveCount(3);
  await expect(tabs(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('main')).toHaveClass(/is-large-text/);
  await expect(button(page, UI.de.start)).toBeVisible();
});
