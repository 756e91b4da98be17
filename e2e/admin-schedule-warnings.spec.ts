/**
 * Issue 14, point 4: schedules a person can trust. Overlaps (who plays and why), the default
 * playlist's schedule, an end before the start and dates no calendar has (refused at the field),
 * "all day", the time zone picked from a filtered list (by touch too), daylight saving in words,
 * dates in the admin's language; axe-core on the warning state; the README screenshot.
 *
 * Through the admin UI only; the browser runs in Europe/Brussels on a fixed clock.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { goToAdminSection, setPin, unlockAdmin } from './admin-helpers';
import { SHIPPED } from './admin-playlists-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import { expect, test } from './fixtures';
import { tapElement } from './helpers';

const SHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');
/** Wednesday 25 March 2026, 12:30 in Brussels (CET). */
const WEDNESDAY_LUNCH = new Date('2026-03-25T11:30:00Z');

test.use({ timezoneId: 'Europe/Brussels', locale: 'en-US' });

const button = (scope: Page | Locator, name: string) =>
  scope.getByRole('button', { name, exact: true });
const editor = (page: Page) => page.getByRole('group', { name: 'When this playlist plays' });
const saved = (page: Page) =>
  expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible({
    timeout: 15_000,
  });

/** Create a playlist and switch its schedule to "Only at certain times". */
async function createScheduled(page: Page, name: string): Promise<Locator> {
  await page.goto(page.url().replace(/#.*$/, '#/admin/playlists'));
  await button(page, 'Create playlist').click();
  const create = page.getByRole('dialog', { name: 'Create playlist' });
  await create.getByLabel('Name').fill(name);
  await button(create, 'Create').click();
  await editor(page).getByRole('radio', { name: 'Only at certain times' }).check();
  return editor(page);
}

async function addWindow(schedule: Locator, from: string, to: string): Promise<void> {
  await button(schedule, 'Add time window').click();
  await schedule.getByLabel('From (time window 1)').fill(from);
  await schedule.getByLabel('To (time window 1)').fill(to);
}

async function onlyDays(schedule: Locator, keep: string[]): Promise<void> {
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']) {
    if (!keep.includes(day)) await schedule.getByRole('checkbox', { name: day }).uncheck();
  }
  if (!keep.includes('Sunday')) await schedule.getByRole('checkbox', { name: 'Sunday' }).uncheck();
}

/** Two overlapping playlists and a schedule on the default, all saved. */
async function overlappingWeek(page: Page): Promise<void> {
  const visa = await createScheduled(page, 'Visa week');
  await onlyDays(visa, ['Monday']);
  await addWindow(visa, '17:00', '19:00');
  await button(page, 'Save').click();
  await saved(page);
  const evening = await createScheduled(page, 'Evening');
  await addWindow(evening, '18:00', '22:00');
  await button(page, 'Save').click();
  await saved(page);
}

const OVERLAP =
  "Both 'Visa week' and 'Evening' are scheduled Mon 18:00–19:00; 'Visa week' plays because it comes first in the list.";

test.beforeEach(async ({ dataDir, page, host }) => {
  await setPin(dataDir);
  await page.clock.setFixedTime(WEDNESDAY_LUNCH);
  await unlockAdmin(page, host.url);
});

test('an overlap says who plays and why, in the editor and on the timeline', async ({ page }) => {
  await overlappingWeek(page);
  const warnings = editor(page).getByRole('list', { name: 'Schedule warnings' });
  await expect(warnings.getByRole('listitem')).toHaveText([OVERLAP]);

  await goToAdminSection(page, 'Schedule');

  const check = page.getByRole('list', { name: 'Check these schedules' });
  await expect(check.getByRole('listitem')).toHaveCount(1);
  await expect(check.getByRole('listitem').first()).toContainText(OVERLAP);
  // What the timeline draws agrees: Monday 18:00–19:00 is Visa week's.
  const lines = page.getByRole('list', { name: 'What plays when' }).getByRole('listitem');
  await expect(lines.filter({ hasText: 'Mon 17:00–19:00: Visa week' })).toHaveCount(1);
  await expect(lines.filter({ hasText: 'Mon 19:00–22:00: Evening' })).toHaveCount(1);
  await expectNoAxeViolations(page, 'with an overlap on the timeline');
});

test('a schedule on the default playlist is explained, not refused', async ({ page }) => {
  await page.goto(page.url().replace(/#.*$/, '#/admin/playlists'));
  await button(page, `Edit ${SHIPPED}`).click();
  await editor(page).getByRole('radio', { name: 'Only at certain times' }).check();
  await onlyDays(editor(page), ['Monday']);
  const warning = editor(page).getByRole('list', { name: 'Schedule warnings' });
  await expect(warning).toContainText(
    `'${SHIPPED}' is the default playlist: it plays whenever nothing else does`,
  );
  await button(page, 'Save').click();
  await saved(page);

  await goToAdminSection(page, 'Schedule');

  await expect(page.getByRole('list', { name: 'Check these schedules' })).toContainText(
    'it plays whenever nothing else does',
  );
  // Wednesday is not in its schedule, and still it plays: nothing else is on.
  await expect(page.locator('.sc-now__name')).toContainText(SHIPPED);
});

test('an end date before the start and a date no calendar has are refused at the field', async ({
  page,
}) => {
  const schedule = await createScheduled(page, 'Spring');
  const start = schedule.getByLabel('Start date');
  const end = schedule.getByLabel('End date');
  await start.fill('2026-03-10');
  await end.fill('2026-03-01');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription(/The end date is before the start date/);
  await expect(start).not.toHaveAttribute('aria-invalid', 'true');
  await button(page, 'Save').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toHaveCount(0);
  await end.fill('2026-03-31');
  await expect(end).not.toHaveAttribute('aria-invalid', 'true');

  // 31 February typed into the empty date field (US order: month, day, year).
  await end.fill('');
  await end.focus();
  await page.keyboard.type('02312026');
  // Leave the field (Tab would only move to the field's next part).
  await page.getByRole('heading', { name: 'Editing: Spring' }).click();
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription(/31 February, for example, does not exist/);
  // Refused: no end date is set.
  await expect(schedule).toContainText('Plays: from Mar 10, 2026');
  await expectNoAxeViolations(page, 'with a refused end date');
});

test('a window whose start equals its end says all day, and plays all day', async ({ page }) => {
  const schedule = await createScheduled(page, 'Open day');
  await onlyDays(schedule, ['Tuesday']);
  await addWindow(schedule, '10:00', '10:00');
  await expect(
    schedule.getByText('Starts and ends at the same time: plays all day.'),
  ).toBeVisible();
  await expect(schedule).toContainText('Plays: Tue, all day');
  await button(page, 'Save').click();
  await saved(page);
  await goToAdminSection(page, 'Schedule');

  const lines = page.getByRole('list', { name: 'What plays when' }).getByRole('listitem');
  await expect(lines.filter({ hasText: 'Tue 00:00–24:00: Open day' })).toHaveCount(1);
  await expect(lines.filter({ hasText: /^Wed .*Open day/ })).toHaveCount(0);
});

test('the time zone is picked from a filtered list of real zones, by touch too', async ({
  page,
}) => {
  const schedule = await createScheduled(page, 'Tokyo desk');
  const zone = schedule.getByRole('combobox', { name: 'Time zone' });
  // The kiosk's zone is preselected.
  await expect(zone).toHaveValue('Europe/Brussels');
  await zone.fill('bru');
  const options = page.getByRole('listbox', { name: 'Matching zones' }).getByRole('option');
  await expect(options.filter({ hasText: 'Europe/Brussels' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'Asia/Tokyo' })).toHaveCount(0);
  // Typed text that is no zone is not taken.
  await zone.fill('Mars/Olympus');
  await expect(page.getByText('No time zone matches')).toBeVisible();
  await schedule.getByLabel('Start date').click();
  await expect(zone).toHaveValue('Europe/Brussels');

  const cdp = await page.context().newCDPSession(page);
  await tapElement(cdp, zone);
  await zone.fill('tok');
  await tapElement(cdp, options.filter({ hasText: 'Asia/Tokyo' }));
  await expect(zone).toHaveValue('Asia/Tokyo');
  await expect(zone).toHaveAttribute('aria-expanded', 'false');
  await expect(schedule).toContainText('(Asia/Tokyo)');

  // The settings use the same picker.
  await button(page, 'Save').click();
  await saved(page);
  await goToAdminSection(page, 'Settings');

  const kiosk = page.getByRole('combobox', { name: 'Time zone' });
  await kiosk.fill('new yo');
  await page.getByRole('option', { name: 'America/New_York' }).click();
  await expect(kiosk).toHaveValue('America/New_York');
});

test('daylight saving is explained in plain words', async ({ page }) => {
  const schedule = await createScheduled(page, 'Night');
  await addWindow(schedule, '02:15', '02:45');
  await schedule.getByText('When the clocks change (daylight saving)').click();
  await expect(schedule).toContainText('inside the skipped hour does not play that night');
  await expect(schedule).toContainText('inside the repeated hour plays twice');
});

test('README screenshot: the schedule warnings', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1600 });
  await overlappingWeek(page);
  const schedule = editor(page);
  await schedule.getByText('When the clocks change (daylight saving)').click();
  await expect(schedule.getByRole('list', { name: 'Schedule warnings' })).toBeVisible();
  await schedule.scrollIntoViewIfNeeded();
  await schedule.screenshot({ path: path.join(SHOTS, 'admin-schedule-warnings.png') });
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });

  test('dates show in the admin’s language', async ({ page }) => {
    const schedule = await createScheduled(page, 'Printemps');
    await schedule.getByLabel('Start date').fill('2026-03-01');
    await schedule.getByLabel('End date').fill('2026-03-31');
    await expect(schedule).toContainText('1 mars 2026 – 31 mars 2026');
    await button(page, 'Save').click();
    await saved(page);
    await goToAdminSection(page, 'Schedule');

    await expect(page.locator('.sc-week__day').filter({ hasText: '25 mars' })).toHaveCount(1);
    await expect(page.locator('.sc-scheduled')).toContainText('1 mars 2026 – 31 mars 2026');
  });
});
