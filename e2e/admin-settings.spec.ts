/**
 * Admin, Settings: saves that last across a reload and a host restart, invalid input refused by
 * field with nothing saved, the revision conflict from two pages, a corrupted settings file, and
 * changing the PIN.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openAdminSection, PIN, setPin, unlockAdmin } from './admin-helpers';
import { callFromPage } from './admin-test-files';
import { expect, startHost, stopHost, test } from './fixtures';

/** The settings:save call (the client encodes the colon). */
const SAVE_CALL = /\/api\/call\/settings(:|%3A)save$/;

const save = (page: Page) => page.getByRole('button', { name: 'Save settings' }).click();
const savedMessage = (page: Page) =>
  page.getByRole('status').filter({ hasText: 'Settings saved.' });

async function settingsOnDisk(dataDir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'));
}

test.beforeEach(async ({ host }) => setPin(host.dataDir));

test('a changed idle timeout is saved, and kept after a reload and a host restart', async ({
  page,
  host,
  dataDir,
}) => {
  await openAdminSection(page, host.url, 'Settings');
  await page.getByLabel('Idle timeout (seconds)').fill('75');
  await page.getByLabel('Time zone').fill('Europe/Brussels');
  await save(page);
  await expect(savedMessage(page)).toBeVisible();
  expect(await settingsOnDisk(dataDir)).toMatchObject({
    idleTimeoutSec: 75,
    timeZone: 'Europe/Brussels',
  });

  await page.reload();
  await expect(page.getByLabel('Idle timeout (seconds)')).toHaveValue('75');

  await stopHost(host);
  const again = await startHost(dataDir);
  try {
    await openAdminSection(page, again.url, 'Settings');

    await expect(page.getByLabel('Idle timeout (seconds)')).toHaveValue('75');
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Brussels');
  } finally {
    await stopHost(again);
  }
});

test('the quiet-hour reload is off by default, can be set to an hour, and off again', async ({
  page,
  host,
  dataDir,
}) => {
  await openAdminSection(page, host.url, 'Settings');
  const quiet = page.getByLabel('Quiet-hour reload');
  await expect(quiet).toHaveValue('');
  await expect(quiet.locator('option:checked')).toHaveText('Off');
  await quiet.selectOption({ label: '04:00 to 05:00' });
  await save(page);
  await expect(savedMessage(page)).toBeVisible();
  expect(await settingsOnDisk(dataDir)).toMatchObject({ quietReloadHour: 4 });

  await page.reload();
  await expect(page.getByLabel('Quiet-hour reload')).toHaveValue('4');
  await page.getByLabel('Quiet-hour reload').selectOption({ label: 'Off' });
  await save(page);
  await expect(savedMessage(page)).toBeVisible();
  expect(await settingsOnDisk(dataDir)).not.toHaveProperty('quietReloadHour');
});

test('languages: add one by its BCP 47 tag, refuse a bad tag, and save', async ({
  page,
  host,
  dataDir,
}) => {
  await openAdminSection(page, host.url, 'Settings');
  const add = page.getByLabel('Add language');
  await add.fill('english!');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('"english!" is not a BCP 47 language tag');

  await add.fill('es');
  await expect(page.getByText('Adds Español (es).')).toBeVisible();
  await add.press('Enter');
  const spanish = page.getByRole('checkbox', { name: 'Español (es)' });
  await expect(spanish).toBeChecked();
  await page.getByRole('checkbox', { name: 'Deutsch (de)' }).uncheck();
  await page.getByLabel('Default language').selectOption('es');
  await save(page);
  await expect(savedMessage(page)).toBeVisible();
  expect(await settingsOnDisk(dataDir)).toMatchObject({
    enabledLanguages: ['en', 'fr', 'nl', 'es'],
    defaultLanguage: 'es',
  });
});

test('invalid input is refused by field, and nothing is saved', async ({ page, host, dataDir }) => {
  const before = await readFile(path.join(dataDir, 'settings.json'), 'utf8');
  await openAdminSection(page, host.url, 'Settings');
  const countdown = page.getByLabel('Countdown (seconds)');

  // Checked in the page first.
  await countdown.fill('1');
  await save(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not saved. Some values are not valid:');
  await expect(alert).toContainText('Countdown (seconds): must be between 5 and 120 seconds');
  await expect(countdown).toHaveAttribute('aria-invalid', 'true');
  await expect(countdown).toBeFocused();

  // The default language must be among the enabled ones.
  await countdown.fill('20');
  await page.getByRole('checkbox', { name: 'English (en)' }).uncheck();
  await save(page);
  await expect(alert).toContainText('Default language');
  await page.getByRole('checkbox', { name: 'English (en)' }).check();

  // And by the host: the page's checks are bypassed by rewriting the request on its way out.
  await page.route(SAVE_CALL, async (route) => {
    const body = route.request().postDataJSON() as { settings: Record<string, unknown> };
    body.settings.countdownSec = 1;
    await route.continue({ postData: JSON.stringify(body) });
  });
  await save(page);
  // The host's body names the JSON path; the admin names the field's label.
  await expect(alert).toContainText('Countdown (seconds): must be between 5 and 120 seconds');
  await expect(alert).not.toContainText('$.');
  await expect(alert).toContainText('What was saved before is unchanged.');
  await expect(countdown).toHaveAttribute('aria-invalid', 'true');
  await expect(savedMessage(page)).toHaveCount(0);

  expect(await readFile(path.join(dataDir, 'settings.json'), 'utf8')).toBe(before);
  await page.unroute(SAVE_CALL);
  await page.reload();
  await expect(countdown).toHaveValue('20');
});

test('two pages editing at once: the second save is refused as a conflict', async ({
  page,
  context,
  host,
  dataDir,
}) => {
  await openAdminSection(page, host.url, 'Settings');
  const other = await context.newPage();
  // Same browser, same session: the second page is unlocked already.
  await other.goto(`${host.url}/#/admin/settings`);
  await expect(other.getByLabel('Idle timeout (seconds)')).toHaveValue('90');

  await page.getByLabel('Idle timeout (seconds)').fill('61');
  await save(page);
  await expect(savedMessage(page)).toBeVisible();

  await other.getByLabel('Idle timeout (seconds)').fill('62');
  await save(other);
  await expect(other.getByRole('alert')).toContainText(
    'Not saved: Someone else saved changes since you opened this.',
  );
  // Their edit is still there to copy, and the first page's value is what is saved.
  await expect(other.getByLabel('Idle timeout (seconds)')).toHaveValue('62');
  expect(await settingsOnDisk(dataDir)).toMatchObject({ idleTimeoutSec: 61 });
  await other
    .getByRole('button', { name: 'Load the saved settings (keep a copy of my edit)' })
    .click();
  await expect(other.getByLabel('Idle timeout (seconds)')).toHaveValue('61');
  await expect(other.getByRole('alert')).toHaveCount(0);
  // The edit that was not saved stays in view, read only: nothing is lost silently.
  await expect(other.getByRole('region', { name: 'Your edit (not saved)' })).toContainText(
    'Idle timeout (seconds): 62',
  );
});

test('a corrupted settings.json: the kiosk keeps playing and the admin says what was wrong', async ({
  page,
  host,
  dataDir,
}) => {
  await writeFile(path.join(dataDir, 'settings.json'), '{ "idleTimeoutSec": 90, garbage');
  await page.goto(host.url);
  await expect(page.locator('[aria-roledescription="carousel"]')).toBeVisible();
  await expect(page.locator('[aria-roledescription="slide"]').first()).toBeVisible();

  await openAdminSection(page, host.url, 'Settings');
  const problems = page.getByRole('region', { name: 'Problems found' });
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('settings.json');
  // Saving writes a good copy again.
  await save(page);
  await expect(savedMessage(page)).toBeVisible();
  await expect(problems).toHaveCount(0);
  expect(await settingsOnDisk(dataDir)).toMatchObject({ idleTimeoutSec: 90 });
});

test('Change PIN: a wrong current PIN is refused, then the new PIN works', async ({
  page,
  host,
}) => {
  await openAdminSection(page, host.url, 'Settings');
  const current = page.getByLabel('Current PIN', { exact: true });
  const next = page.getByLabel('New PIN', { exact: true });
  const repeat = page.getByLabel('Repeat new PIN', { exact: true });
  const change = page.getByRole('button', { name: 'Change PIN' });

  await current.fill('0000');
  await next.fill('97531');
  await repeat.fill('97531');
  await change.click();
  await expect(page.getByRole('alert')).toContainText(
    'The current PIN is not right. 4 tries left before a pause.',
  );

  await current.fill(PIN);
  await next.fill('97531');
  await repeat.fill('97530');
  await change.click();
  await expect(page.getByRole('alert')).toContainText('the two new PINs are not the same');

  await repeat.fill('97531');
  await change.click();
  await expect(page.getByRole('status').filter({ hasText: 'The PIN was changed.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlockAdmin(page, host.url, '97531');
  expect((await callFromPage(page, 'auth:unlock', { pin: PIN })).status).toBe(401);
});
