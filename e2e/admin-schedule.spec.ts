/**
 * Admin, Schedule: a playlist's schedule set in the editor shows on the week timeline, in its
 * text version and in "Now playing"; midnight and daylight-saving weeks; axe-core.
 *
 * The browser runs in Europe/Brussels on a fixed clock, so "now" and the week are known.
 */
import type { Locator, Page } from '@playwright/test';
import { goToAdminSection, setPin, unlockAdmin } from './admin-helpers';
import { SHIPPED } from './admin-playlists-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import { expect, test } from './fixtures';

/** Wednesday 25 March 2026, 12:30 in Brussels (CET). */
const WEDNESDAY_LUNCH = new Date('2026-03-25T11:30:00Z');

test.use({ timezoneId: 'Europe/Brussels' });

function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/** Create a playlist and give it a schedule of weekdays and one time window; save. */
async function schedulePlaylist(
  page: Page,
  name: string,
  window: { from: string; to: string },
  days: 'weekdays' | 'every day',
): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/admin/playlists'));
  await button(page, 'Create playlist').click();
  const create = page.getByRole('dialog', { name: 'Create playlist' });
  await create.getByLabel('Name').fill(name);
  await button(create, 'Create').click();
  const schedule = page.getByRole('group', { name: 'When this playlist plays' });
  await schedule.getByRole('radio', { name: 'Only at certain times' }).check();
  if (days === 'weekdays') {
    await schedule.getByRole('checkbox', { name: 'Saturday' }).uncheck();
    await schedule.getByRole('checkbox', { name: 'Sunday' }).uncheck();
  }
  await button(schedule, 'Add time window').click();
  await schedule.getByLabel('From (time window 1)').fill(window.from);
  await schedule.getByLabel('To (time window 1)').fill(window.to);
  await button(page, 'Save').click();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
}

/** The text version of the timeline, one line per stretch of time. */
function timelineText(page: Page): Locator {
  return page.getByRole('list', { name: 'What plays when' }).getByRole('listitem');
}

test.beforeEach(async ({ dataDir, page, host }) => {
  await setPin(dataDir);
  await page.clock.setFixedTime(WEDNESDAY_LUNCH);
  await unlockAdmin(page, host.url);
});

test('with nothing scheduled, the default playlist plays all week', async ({ page }) => {
  await goToAdminSection(page, 'Schedule');

  const now = page.locator('.sc-now');
  await expect(now).toContainText(SHIPPED);
  await expect(now).toContainText('nothing is scheduled');
  await expect(timelineText(page)).toHaveCount(7);
  await expect(timelineText(page).first()).toContainText(`Mon 00:00–24:00: ${SHIPPED}`);
  await expect(page.getByText('No playlist is scheduled')).toBeVisible();
});

test('a weekday lunch schedule shows on the timeline and in Now playing', async ({ page }) => {
  await schedulePlaylist(page, 'Lunch menu', { from: '12:00', to: '14:00' }, 'weekdays');
  await expect(page.getByRole('group', { name: 'When this playlist plays' })).toContainText(
    'Plays: Mon–Fri, 12:00–14:00',
  );
  await goToAdminSection(page, 'Schedule');

  const now = page.locator('.sc-now');
  await expect(now.locator('.sc-now__name')).toContainText('Lunch menu');
  await expect(now).toContainText('Scheduled:');

  const lines = timelineText(page);
  for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) {
    await expect(lines.filter({ hasText: `${day} 12:00–14:00: Lunch menu` })).toHaveCount(1);
    await expect(lines.filter({ hasText: `${day} 00:00–12:00: ${SHIPPED}` })).toHaveCount(1);
    await expect(lines.filter({ hasText: `${day} 14:00–24:00: ${SHIPPED}` })).toHaveCount(1);
  }
  await expect(lines.filter({ hasText: `Sat 00:00–24:00: ${SHIPPED}` })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Sat 12:00–14:00' })).toHaveCount(0);
  // Drawn too, with the playlist's name on its bar and in the legend.
  await expect(page.locator('.sc-bar', { hasText: 'Lunch menu' })).toHaveCount(5);
  await expect(page.getByRole('list', { name: 'Legend' })).toContainText('Lunch menu');

  const scheduled = page.locator('.sc-scheduled li', { hasText: 'Lunch menu' });
  await expect(scheduled).toBeVisible();
  await scheduled.getByRole('link', { name: 'Edit Lunch menu' }).click();
  await expect(page.getByRole('heading', { name: 'Editing: Lunch menu' })).toBeVisible();
});

test('a window that ends before it starts runs past midnight', async ({ page }) => {
  await schedulePlaylist(page, 'Night loop', { from: '22:00', to: '02:00' }, 'every day');
  await expect(page.getByText('runs past midnight into the next day')).toBeVisible();
  await goToAdminSection(page, 'Schedule');

  const lines = timelineText(page);
  await expect(lines.filter({ hasText: 'Mon 22:00–24:00: Night loop' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Tue 00:00–02:00: Night loop' })).toHaveCount(1);
  await expect(page.locator('.sc-now')).toContainText(SHIPPED);
});

test('a window whose end equals its start plays all day on its days; the To field says so', async ({
  page,
}) => {
  await schedulePlaylist(page, 'Open day', { from: '10:00', to: '10:00' }, 'weekdays');
  await expect(page.getByText('Starts and ends at the same time: plays all day.')).toBeVisible();
  await expect(page.getByLabel('To (time window 1)')).toHaveAccessibleDescription(
    /the same time in both means all day/,
  );
  await goToAdminSection(page, 'Schedule');

  const lines = timelineText(page);
  await expect(lines.filter({ hasText: 'Mon 00:00–24:00: Open day' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Fri 00:00–24:00: Open day' })).toHaveCount(1);
  await expect(lines.filter({ hasText: /^Sat .*Open day/ })).toHaveCount(0);
  await expect(lines.filter({ hasText: /^Sun .*Open day/ })).toHaveCount(0);
});

test('the week of the spring daylight-saving change keeps wall-clock times', async ({ page }) => {
  await schedulePlaylist(page, 'Lunch menu', { from: '12:00', to: '14:00' }, 'every day');
  await goToAdminSection(page, 'Schedule');

  // Sunday 29 March 2026 has 23 hours in Brussels; lunch is still at noon.
  const lines = timelineText(page);
  await expect(lines.filter({ hasText: 'Sun 12:00–14:00: Lunch menu' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Sat 12:00–14:00: Lunch menu' })).toHaveCount(1);
});

test('no axe violations on the Schedule section', async ({ page }) => {
  await schedulePlaylist(page, 'Lunch menu', { from: '12:00', to: '14:00' }, 'weekdays');
  await goToAdminSection(page, 'Schedule');

  await expectNoAxeViolations(page, 'on the Schedule section');
});
