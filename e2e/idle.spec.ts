/**
 * UI-CONTRACT.md, Player: the attract loop and the idle reset, on a fake clock.
 *
 * Every test installs the clock before the page loads, skips animations and emulates reduced
 * motion, then pauses time right after load (openPlayerOnFakeClock), so each step is exact.
 */
import {
  button,
  DEFAULT_SETTINGS,
  expect,
  expectSlide,
  idleDialog,
  openAccessibilityPanel,
  openPlayerOnFakeClock,
  showSlide,
  SLIDES,
  test,
  UI,
} from './helpers';
import type { Page } from '@playwright/test';

const IDLE_MS = DEFAULT_SETTINGS.idleTimeoutSec * 1000;
const COUNTDOWN_MS = DEFAULT_SETTINGS.countdownSec * 1000;

/** Take the accessibility options' state: which of the three toggles are pressed. */
async function accessibilityToggles(page: Page): Promise<string[]> {
  await openAccessibilityPanel(page);
  const names = ['Larger text', 'High contrast', 'Controls within reach'];
  return Promise.all(names.map((n) => button(page, n).getAttribute('aria-pressed'))) as Promise<
    string[]
  >;
}

test('the shipped defaults stay within the contract (idle ≤ 120 s, countdown ≤ 30 s)', () => {
  expect(DEFAULT_SETTINGS.idleTimeoutSec).toBeLessThanOrEqual(120);
  expect(DEFAULT_SETTINGS.countdownSec).toBeLessThanOrEqual(30);
  expect(DEFAULT_SETTINGS.idleTimeoutSec).toBe(90);
  expect(DEFAULT_SETTINGS.countdownSec).toBe(20);
});

test('the attract loop advances by itself after each slide’s duration', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await expectSlide(page, 1);
  // The hint invites visitors while nobody is there.
  await expect(page.getByText('Touch to explore')).toBeVisible();
  const [intro, innovation] = [SLIDES[0]!.durationMs, SLIDES[1]!.durationMs];
  expect(intro).toBe(16_000);
  await page.clock.runFor(intro - 100);
  await expectSlide(page, 1);
  await page.clock.runFor(200);
  await expectSlide(page, 2);
  await page.clock.runFor(innovation - 200);
  await expectSlide(page, 2);
  await page.clock.runFor(400);
  await expectSlide(page, 3);
  // Nobody touched anything: no dialog, ever.
  await page.clock.runFor(IDLE_MS + COUNTDOWN_MS);
  await expect(idleDialog(page)).toHaveCount(0);
});

test('input stops rotation until the idle reset', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await page.keyboard.press('Shift');
  await expect(button(page, UI.en.start)).toBeVisible();
  await page.clock.runFor(IDLE_MS - 1_000);
  await expectSlide(page, 1);
  await expect(idleDialog(page)).toHaveCount(0);
});

test('the stopped show does not advance; started again it does', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await button(page, UI.en.stop).click();
  await page.clock.runFor(SLIDES[0]!.durationMs * 2);
  await expectSlide(page, 1);
  await button(page, UI.en.start).click();
  await page.clock.runFor(SLIDES[0]!.durationMs + 500);
  await expectSlide(page, 2);
});

test('after the idle timeout an alertdialog counts down, and "Continue" keeps the state', async ({
  page,
  host,
}) => {
  await openPlayerOnFakeClock(page, host.url);
  await showSlide(page, 3);
  await button(page, 'Accessibility').click();
  await button(page, 'Larger text').click();
  await expect(button(page, UI.en.start)).toBeVisible();

  // The last input was the click above; the dialog waits for the whole idle timeout.
  await page.clock.runFor(IDLE_MS - 300);
  await expect(idleDialog(page)).toHaveCount(0);
  await page.clock.runFor(600);
  const dialog = idleDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog).toHaveAccessibleName(/still there/i);
  await expect(dialog).toContainText(`${DEFAULT_SETTINGS.countdownSec} seconds`);
  const proceed = dialog.getByRole('button', { name: UI.en.continue, exact: true });
  await expect(proceed).toBeVisible();
  await expect(proceed).toBeFocused();

  // It counts down.
  await page.clock.runFor(5_000);
  await expect(dialog).toContainText(`${DEFAULT_SETTINGS.countdownSec - 5} seconds`);
  // While it is open, the show does not move on.
  await expectSlide(page, 3);

  await proceed.click();
  await expect(idleDialog(page)).toHaveCount(0);
  await expectSlide(page, 3);
  await expect(button(page, UI.en.start)).toBeVisible();
  expect(await accessibilityToggles(page)).toEqual(['true', 'false', 'false']);

  // The visitor is given a whole new idle period.
  await page.clock.runFor(IDLE_MS - 1_000);
  await expect(idleDialog(page)).toHaveCount(0);
  await page.clock.runFor(1_500);
  await expect(idleDialog(page)).toBeVisible();
});

test('when the countdown runs out everything is reset for the next visitor', async ({
  page,
  host,
}) => {
  await openPlayerOnFakeClock(page, host.url);
  await button(page, 'Français').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await showSlide(page, 3, 'fr');
  await button(page, 'Accessibilité').click();
  await button(page, 'Texte plus grand').click();
  await button(page, 'Contraste élevé').click();
  await button(page, 'Commandes à portée de main').click();
  await expect(button(page, UI.fr.start)).toBeVisible();

  await page.clock.runFor(IDLE_MS + 500);
  await expect(idleDialog(page)).toBeVisible();
  await page.clock.runFor(COUNTDOWN_MS - 1_000);
  await expect(idleDialog(page)).toBeVisible();
  await page.clock.runFor(1_000);

  await expect(idleDialog(page)).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(button(page, 'English')).toHaveAttribute('aria-pressed', 'true');
  await expectSlide(page, 1, 'en');
  await expect(button(page, UI.en.stop)).toBeVisible();
  await expect(page.locator('main')).not.toHaveClass(/is-large-text|is-high-contrast|is-low-reach/);
  expect(await accessibilityToggles(page)).toEqual(['false', 'false', 'false']);
});

test('after the reset, the attract loop rotates again on its own', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await button(page, UI.en.next).click();
  await expectSlide(page, 2);
  await page.clock.runFor(IDLE_MS + COUNTDOWN_MS + 500);
  await expectSlide(page, 1);
  await expect(page.getByText('Touch to explore')).toBeVisible();
  await page.clock.runFor(SLIDES[0]!.durationMs + 500);
  await expectSlide(page, 2);
});

test('the accessibility panel is closed again after the reset', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await button(page, 'Accessibility').click();
  await expect(button(page, 'Accessibility')).toHaveAttribute('aria-expanded', 'true');
  await page.clock.runFor(IDLE_MS + COUNTDOWN_MS + 500);
  await expect(idleDialog(page)).toHaveCount(0);
  await expect(button(page, 'Accessibility')).toHaveAttribute('aria-expanded', 'false');
  await expect(button(page, 'Larger text')).toHaveCount(0);
});

test.describe('with staff settings idleTimeoutSec 30 and countdownSec 10', () => {
  test.use({ settings: { idleTimeoutSec: 30, countdownSec: 10 } });

  test('the dialog opens after 30 s and the player resets 10 s later', async ({ page, host }) => {
    await openPlayerOnFakeClock(page, host.url);
    await button(page, UI.en.next).click();
    await expectSlide(page, 2);
    await page.clock.runFor(29_700);
    await expect(idleDialog(page)).toHaveCount(0);
    await page.clock.runFor(600);
    await expect(idleDialog(page)).toBeVisible();
    await expect(idleDialog(page)).toContainText('10 seconds');
    await page.clock.runFor(9_000);
    await expect(idleDialog(page)).toContainText('1 second');
    await page.clock.runFor(1_000);
    await expect(idleDialog(page)).toHaveCount(0);
    await expectSlide(page, 1);
    await expect(button(page, UI.en.stop)).toBeVisible();
  });
});
