/**
 * UI-CONTRACT.md, Player, Staff entry: Ctrl+Shift+A, or a 3-second hold in the top-left corner,
 * opens /#/admin; shorter holds and other places do not.
 */
import type { Page } from '@playwright/test';
import {
  carousel,
  expect,
  holdCornerByTouch,
  openPlayer,
  openPlayerOnFakeClock,
  test,
} from './helpers';

const ADMIN = /\/#\/admin$/;

/** Hold the mouse down at a point for `ms` of fake time, then let go. */
async function hold(page: Page, at: { x: number; y: number }, ms: number): Promise<void> {
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.clock.runFor(ms);
  await page.mouse.up();
}

test('Ctrl+Shift+A opens /#/admin', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.keyboard.press('Control+Shift+KeyA');
  await expect(page).toHaveURL(ADMIN);
  await expect(carousel(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('Ctrl+Shift+A works with focus on a control too', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await page.getByRole('button', { name: 'Next slide' }).focus();
  await page.keyboard.press('Control+Shift+KeyA');
  await expect(page).toHaveURL(ADMIN);
});

test('A alone, Shift+A or Ctrl+A do not open the admin', async ({ page, host }) => {
  await openPlayer(page, host.url);
  for (const keys of ['KeyA', 'Shift+KeyA', 'Control+KeyA', 'Alt+Shift+KeyA']) {
    await page.keyboard.press(keys);
  }
  await expect(carousel(page)).toBeVisible();
  expect(page.url()).not.toMatch(/#/);
});

test('a 3-second press-and-hold in the top-left corner opens /#/admin', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await hold(page, { x: 10, y: 10 }, 3_100);
  await expect(page).toHaveURL(ADMIN);
  await expect(carousel(page)).toHaveCount(0);
});

test('a hold of exactly 3 s with the mouse kept down opens it, 2.9 s does not', async ({
  page,
  host,
}) => {
  await openPlayerOnFakeClock(page, host.url);
  await page.mouse.move(20, 20);
  await page.mouse.down();
  await page.clock.runFor(2_900);
  expect(page.url()).not.toMatch(ADMIN);
  await page.clock.runFor(100);
  await expect(page).toHaveURL(ADMIN);
  await page.mouse.up();
});

test('a short press in the corner does not open the admin', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await hold(page, { x: 10, y: 10 }, 1_000);
  // Even after a long time: letting go cancelled the hold.
  await page.clock.runFor(10_000);
  await expect(carousel(page)).toBeVisible();
  expect(page.url()).not.toMatch(ADMIN);
  // Two short presses do not add up.
  await hold(page, { x: 10, y: 10 }, 2_000);
  await hold(page, { x: 10, y: 10 }, 2_000);
  await page.clock.runFor(5_000);
  expect(page.url()).not.toMatch(ADMIN);
});

test('a 3-second hold elsewhere does not open the admin', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  for (const at of [
    { x: 960, y: 540 },
    { x: 1900, y: 10 },
    { x: 10, y: 1070 },
    { x: 200, y: 200 },
  ]) {
    await hold(page, at, 3_500);
  }
  await expect(carousel(page)).toBeVisible();
  expect(page.url()).not.toMatch(ADMIN);
});

test('a 3-second touch hold in the corner opens /#/admin', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await holdCornerByTouch(page);
  await expect(page).toHaveURL(ADMIN);
});
