/**
 * Issue 14, point 1: every PIN field works by touch alone through the on-screen keypad.
 *
 * Only real CDP touch events here (touchStart/touchEnd at each key's centre): no keyboard
 * events, no fill, no press.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CDPSession, Locator, Page } from '@playwright/test';
import { PIN, setPin } from './admin-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import { expect, test } from './fixtures';
import { tapElement as tap } from './helpers';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Staff access' });
const SHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

/** Open /#/admin (Staff access) and a CDP session to touch it with. */
async function openStaffAccessForTouch(page: Page, url: string): Promise<CDPSession> {
  await page.goto(`${url}/#/admin`);
  return page.context().newCDPSession(page);
}

/** Touch each digit of `pin` on the keypad inside `scope`. */
async function tapPin(cdp: CDPSession, scope: Locator, pin: string): Promise<void> {
  for (const digit of pin) {
    await tap(cdp, scope.getByRole('button', { name: digit, exact: true }));
  }
}

test('creating the first PIN, then unlocking with it, by touch alone', async ({ page, host }) => {
  const cdp = await openStaffAccessForTouch(page, host.url);
  const newPin = dialog(page).getByLabel('New PIN', { exact: true });
  const repeat = dialog(page).getByLabel('Repeat PIN', { exact: true });
  await expect(newPin).toBeFocused();
  await expect(newPin).toHaveAttribute('inputmode', 'none');

  await tapPin(cdp, dialog(page), '13579');
  await expect(newPin).toHaveValue('13579');
  await expect(newPin).toBeFocused();
  await tap(cdp, repeat);
  await expect(repeat).toBeFocused();
  await tapPin(cdp, dialog(page), '135799');
  await tap(cdp, dialog(page).getByRole('button', { name: 'Delete last digit' }));
  await expect(repeat).toHaveValue('13579');
  await expect(newPin).toHaveValue('13579');
  await tap(cdp, dialog(page).getByRole('button', { name: 'Create PIN' }));
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible({ timeout: 15_000 });

  await tap(cdp, page.getByRole('button', { name: 'Lock', exact: true }));
  await expect(dialog(page)).toBeVisible();
  await tapPin(cdp, dialog(page), '13579');
  await tap(cdp, dialog(page).getByRole('button', { name: 'Unlock' }));
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible({ timeout: 15_000 });
});

test('a wrong PIN typed by touch says so; the keys echo nothing', async ({ page, host }) => {
  await setPin(host.dataDir);
  const cdp = await openStaffAccessForTouch(page, host.url);
  const field = dialog(page).getByLabel('PIN', { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('type', 'password');

  await tapPin(cdp, dialog(page), '1111');
  await expect(field).toHaveValue('1111');
  // The field keeps focus (no system keyboard opens) and no key shows which one was pressed.
  await expect(field).toBeFocused();
  const keypad = dialog(page).getByRole('group', { name: 'Keypad' });
  await expect(keypad.getByRole('button')).toHaveText([
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '⌫',
    '0',
    'Unlock',
  ]);
  const looks = await keypad
    .getByRole('button', { name: /^\d$/ })
    .evaluateAll((keys) => new Set(keys.map((k) => getComputedStyle(k).backgroundColor)).size);
  expect(looks).toBe(1);
  await expect(page.locator('[aria-live], [role="status"]').filter({ hasText: /\d/ })).toHaveCount(
    0,
  );

  await tap(cdp, dialog(page).getByRole('button', { name: 'Unlock' }));
  await expect(dialog(page).getByRole('alert')).toHaveText(
    'That PIN is not right. 4 tries left before a pause.',
  );
  await expect(field).toHaveValue('');
  await tapPin(cdp, dialog(page), PIN);
  await tap(cdp, dialog(page).getByRole('button', { name: 'Unlock' }));
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible({ timeout: 15_000 });
});

test('every keypad key is at least 60 by 60 px', async ({ page, host }) => {
  await setPin(host.dataDir);
  await page.goto(`${host.url}/#/admin`);
  const keys = dialog(page).getByRole('group', { name: 'Keypad' }).getByRole('button');
  await expect(keys).toHaveCount(12);
  for (const key of await keys.all()) {
    const box = await key.boundingBox();
    expect(box, await key.innerText()).not.toBeNull();
    expect(box!.width).toBeGreaterThanOrEqual(60);
    expect(box!.height).toBeGreaterThanOrEqual(60);
  }
  await dialog(page).screenshot({
    path: path.join(SHOTS, 'admin-pin-keypad.png'),
    animations: 'disabled',
    caret: 'hide',
  });
});

test('changing the PIN in Settings by touch alone', async ({ page, host }) => {
  await setPin(host.dataDir);
  const cdp = await openStaffAccessForTouch(page, host.url);
  await tapPin(cdp, dialog(page), PIN);
  await tap(cdp, dialog(page).getByRole('button', { name: 'Unlock' }));
  const nav = page.getByRole('navigation', { name: 'Admin' });
  await tap(cdp, nav.getByRole('link', { name: 'Settings' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();

  const card = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'Change PIN' }) });
  const current = card.getByLabel('Current PIN', { exact: true });
  const next = card.getByLabel('New PIN', { exact: true });
  const repeat = card.getByLabel('Repeat new PIN', { exact: true });
  for (const [field, pin] of [
    [current, PIN],
    [next, '97531'],
    [repeat, '97531'],
  ] as const) {
    await tap(cdp, field);
    await expect(field).toBeFocused();
    await tapPin(cdp, card, pin);
    await expect(field).toHaveValue(pin);
  }
  await tap(cdp, card.getByRole('button', { name: 'Change PIN' }));
  await expect(page.getByRole('status').filter({ hasText: 'The PIN was changed.' })).toBeVisible();

  await tap(cdp, page.getByRole('button', { name: 'Lock', exact: true }));
  await tapPin(cdp, dialog(page), '97531');
  await tap(cdp, dialog(page).getByRole('button', { name: 'Unlock' }));
  await expect(nav).toBeVisible({ timeout: 15_000 });
});

test('"Confirm with your PIN" by touch alone: a wrong PIN says so, Cancel keeps the edit', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  const cdp = await openStaffAccessForTouch(page, host.url);
  await tapPin(cdp, dialog(page), PIN);
  await tap(cdp, dialog(page).getByRole('button', { name: 'Unlock' }));
  const nav = page.getByRole('navigation', { name: 'Admin' });
  await tap(cdp, nav.getByRole('link', { name: 'Settings' }));
  const settingsFile = path.join(host.dataDir, 'settings.json');
  const before = await readFile(settingsFile, 'utf8').catch(() => '(none)');

  // Remote admin over the network reaches beyond the screen: saving it asks for the PIN.
  const lan = page.getByRole('checkbox', { name: 'Remote admin over the network' });
  await tap(cdp, lan);
  await expect(lan).toBeChecked();
  await tap(cdp, page.getByRole('button', { name: 'Save settings' }));
  const confirm = page.getByRole('dialog', { name: 'Confirm with your PIN' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(
    'Enter the PIN again to change remote admin over the network.',
  );
  const field = confirm.getByLabel('PIN', { exact: true });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('inputmode', 'none');
  const keys = confirm.getByRole('group', { name: 'Keypad' }).getByRole('button');
  await expect(keys).toHaveCount(12);
  for (const key of await keys.all()) {
    const box = await key.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(60);
    expect(box!.height).toBeGreaterThanOrEqual(60);
  }

  await expectNoAxeViolations(page, 'with "Confirm with your PIN" open');
  await tapPin(cdp, confirm, '1111');
  await expect(field).toHaveValue('1111');
  await tap(cdp, confirm.getByRole('button', { name: 'Confirm' }));
  await expect(confirm.getByRole('alert')).toHaveText(
    'That PIN is not right. 4 tries left before a pause.',
  );
  await expect(field).toHaveValue('');
  await tap(cdp, confirm.getByRole('button', { name: 'Cancel' }));
  await expect(confirm).toBeHidden();
  // Nothing saved, nothing lost: the box is still ticked, ready to save.
  await expect(lan).toBeChecked();
  expect(await readFile(settingsFile, 'utf8').catch(() => '(none)')).toBe(before);

  await tap(cdp, page.getByRole('button', { name: 'Save settings' }));
  await expect(confirm).toBeVisible();
  await tapPin(cdp, confirm, PIN);
  await tap(cdp, confirm.getByRole('button', { name: 'Confirm' }));
  await expect(confirm).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(lan).toBeChecked();
  expect(JSON.parse(await readFile(settingsFile, 'utf8'))).toMatchObject({ lanAdmin: true });
});
