/**
 * Issue 13, point 1: no stranded kiosk. A visitor who opens "Staff access" (a 3-second touch in
 * the top-left corner, or Ctrl+Shift+A) and walks away, or staff who press "Lock" and leave, must
 * not leave the kiosk on a staff screen: with no input it goes back to the player, whose attract
 * loop starts again. Locked, it waits the visitor idle timeout plus its countdown; unlocked, the
 * staff idle time. Any input on the staff screen starts the wait again. On a fake clock.
 */
import type { Page } from '@playwright/test';
import { PIN, setPin } from './admin-helpers';
import {
  button,
  carousel,
  DEFAULT_SETTINGS,
  expect,
  expectSlide,
  holdCornerByTouch,
  openPlayerOnFakeClock,
  SLIDES,
  test,
  touchTap,
  UI,
} from './helpers';

/** The locked staff screen's wait: the visitor idle timeout plus its countdown. */
const LOCKED_MS = (DEFAULT_SETTINGS.idleTimeoutSec + DEFAULT_SETTINGS.countdownSec) * 1000;
/** The unlocked admin's wait: the shipped staff idle time (5 minutes). */
const UNLOCKED_MS = 300_000;

const staffAccess = (page: Page) => page.getByRole('dialog', { name: 'Staff access' });

/**
 * Wait for Staff access to show. React reveals the lazily loaded admin on a timer, so the paused
 * clock moves on in small steps meanwhile (well under a second in all).
 */
async function expectStaffAccess(page: Page): Promise<void> {
  await expect(async () => {
    await page.clock.runFor(100);
    await expect(staffAccess(page)).toBeVisible({ timeout: 200 });
  }).toPass({ timeout: 20_000 });
}

/** The player is back, at rest on its first slide in the default language, and rotating. */
async function expectAttractLoop(page: Page): Promise<void> {
  await expect(carousel(page)).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await expect(page.locator('html')).toHaveAttribute('lang', DEFAULT_SETTINGS.defaultLanguage);
  await expectSlide(page, 1);
  await expect(button(page, UI.en.stop)).toBeVisible();
  await expect(page.getByText('Touch to explore')).toBeVisible();
  // Rotating on its own: the next slide comes after the first one's time.
  await page.clock.runFor(SLIDES[0]!.durationMs + 500);
  await expectSlide(page, 2);
}

/** With no input, the screen stays until just before `ms` and is gone just after. */
async function expectReturnAfter(page: Page, ms: number): Promise<void> {
  await page.clock.runFor(ms - 1_000);
  await expect(carousel(page)).toHaveCount(0);
  await page.clock.runFor(1_500);
  await expectAttractLoop(page);
}

/** From the player on a fake clock, Ctrl+Shift+A and the PIN: Staff access unlocks the admin. */
async function unlockFromPlayer(page: Page, url: string): Promise<void> {
  await openPlayerOnFakeClock(page, url);
  await page.keyboard.press('Control+Shift+KeyA');
  await expectStaffAccess(page);
  await staffAccess(page).getByLabel('PIN', { exact: true }).fill(PIN);
  await staffAccess(page).getByRole('button', { name: 'Unlock' }).click();
}

test.beforeEach(async ({ host }) => setPin(host.dataDir));

test('a visitor’s 3-second touch in the corner: Staff access goes back to the player on its own', async ({
  page,
  host,
}) => {
  await openPlayerOnFakeClock(page, host.url);
  // A visitor was using the player: German, slide 3, rotation stopped.
  await button(page, 'Deutsch').click();
  await page.getByRole('tab').nth(2).click();
  await expectSlide(page, 3, 'de');
  await holdCornerByTouch(page);
  await expectStaffAccess(page);
  await expectReturnAfter(page, LOCKED_MS);
});

test('Ctrl+Shift+A: Staff access goes back to the player on its own', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await page.keyboard.press('Control+Shift+KeyA');
  await expectStaffAccess(page);
  await expectReturnAfter(page, LOCKED_MS);
});

test('input on Staff access starts its wait again', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await page.keyboard.press('Control+Shift+KeyA');
  await expectStaffAccess(page);
  await page.clock.runFor(LOCKED_MS - 10_000);
  // Someone types a digit and touches the dialog: a whole wait starts from here.
  await staffAccess(page).getByLabel('PIN', { exact: true }).press('1');
  await page.clock.runFor(9_000);
  const cdp = await page.context().newCDPSession(page);
  const box = (await staffAccess(page).boundingBox())!;
  await touchTap(cdp, { x: Math.round(box.x + 20), y: Math.round(box.y + 20) });
  await page.clock.runFor(LOCKED_MS - 1_000);
  await expect(staffAccess(page)).toBeVisible();
  await page.clock.runFor(1_500);
  await expectAttractLoop(page);
});

test('unlocked, the admin goes back to the player after the staff idle time', async ({
  page,
  host,
}) => {
  await unlockFromPlayer(page, host.url);
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
  // The staff idle time comes with the settings: let them load before the clock runs.
  await expect(page.getByRole('region', { name: 'Playlists' })).toBeVisible();
  // Longer than the locked wait: unlocked, only the staff idle time counts.
  await page.clock.runFor(LOCKED_MS + 10_000);
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
  await expectReturnAfter(page, UNLOCKED_MS - LOCKED_MS - 10_000);
});

test('after staff press "Lock", Staff access goes back to the player on its own', async ({
  page,
  host,
}) => {
  await unlockFromPlayer(page, host.url);
  await button(page, 'Lock').click();
  await expectStaffAccess(page);
  await expectReturnAfter(page, LOCKED_MS);
});
