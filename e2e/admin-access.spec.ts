/**
 * UI-CONTRACT.md, Admin, locked: the "Staff access" dialog, the PIN set by the CLI, wrong PINs,
 * the lock-out enforced by the host, creating the first PIN at the kiosk, Lock, and the staff
 * idle lock.
 */
import type { Page } from '@playwright/test';
import { openAdminSection, PIN, setPin, unlockAdmin } from './admin-helpers';
import { callFromPage } from './admin-test-files';
import { expect, test } from './fixtures';
import { openPlayer } from './helpers';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Staff access' });
const pinField = (page: Page) => dialog(page).getByLabel('PIN', { exact: true });
const unlockButton = (page: Page) => dialog(page).getByRole('button', { name: 'Unlock' });
const carousel = (page: Page) => page.locator('[aria-roledescription="carousel"]');

async function tryPin(page: Page, pin: string): Promise<void> {
  await pinField(page).fill(pin);
  await unlockButton(page).click();
}

test('a PIN set with the CLI unlocks the admin', async ({ page, host }) => {
  await setPin(host.dataDir);
  await page.goto(`${host.url}/#/admin`);
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toHaveAttribute('aria-modal', 'true');
  await expect(pinField(page)).toBeFocused();
  await expect(pinField(page)).toHaveAttribute('type', 'password');
  await expect(pinField(page)).toHaveAttribute('inputmode', 'none');
  await tryPin(page, PIN);
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff admin' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Playlists' })).toBeVisible();
  await expect(dialog(page)).toHaveCount(0);
});

test('a physical keyboard still types the PIN beside the keypad, and Enter unlocks', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  await page.goto(`${host.url}/#/admin`);
  await expect(pinField(page)).toBeFocused();
  await page.keyboard.type(PIN.slice(0, -1));
  // A keypad key (here by mouse) adds to what was typed, and focus stays in the field.
  await dialog(page)
    .getByRole('button', { name: PIN.at(-1)!, exact: true })
    .click();
  await expect(pinField(page)).toHaveValue(PIN);
  await expect(pinField(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
});

test('focus stays inside the Staff access dialog', async ({ page, host }) => {
  await setPin(host.dataDir);
  await page.goto(`${host.url}/#/admin`);
  await expect(pinField(page)).toBeFocused();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog(page).evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog(page).evaluate((d) => d.contains(document.activeElement))).toBe(true);
});

test('a wrong PIN says so and how many tries are left', async ({ page, host }) => {
  await setPin(host.dataDir);
  await page.goto(`${host.url}/#/admin`);
  await tryPin(page, '1111');
  await expect(dialog(page).getByRole('alert')).toHaveText(
    'That PIN is not right. 4 tries left before a pause.',
  );
  await expect(pinField(page)).toHaveValue('');
  await expect(pinField(page)).toBeFocused();
  await tryPin(page, '2222');
  await expect(dialog(page).getByRole('alert')).toHaveText(
    'That PIN is not right. 3 tries left before a pause.',
  );
  // Not a PIN at all: said at once, and not counted as a try.
  await tryPin(page, '12');
  await expect(dialog(page).getByRole('alert')).toContainText('4 to 12 digits');
  expect(
    (await callFromPage<{ attemptsLeft: number }>(page, 'auth:status')).body.attemptsLeft,
  ).toBe(3);
});

test('five wrong PINs lock out with a visible countdown; the host refuses even the right PIN', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  await page.goto(`${host.url}/#/admin`);
  for (let i = 0; i < 4; i++) await tryPin(page, '1111');
  await expect(dialog(page).getByRole('alert')).toContainText('1 try left before a pause.');
  await tryPin(page, '1111');

  const alert = dialog(page).getByRole('alert');
  await expect(alert).toHaveText(/^Too many wrong PINs\. Try again in (30|29) s\.$/);
  await expect(unlockButton(page)).toBeDisabled();
  const first = Number(/in (\d+) s/.exec((await alert.textContent()) ?? '')?.[1]);
  // The number counts down each second.
  await expect(alert).toHaveText(`Too many wrong PINs. Try again in ${first - 2} s.`, {
    timeout: 4_000,
  });
  await expect(unlockButton(page)).toBeDisabled();

  // Enforced by the host, not only by the disabled button.
  const refused = await callFromPage(page, 'auth:unlock', { pin: PIN });
  expect(refused.status).toBe(429);
  expect(refused.error?.code).toBe('locked-out');

  // A reload keeps showing the lock-out (from the host's status).
  await page.reload();
  await expect(dialog(page).getByRole('alert')).toHaveText(
    /^Too many wrong PINs\. Try again in \d+ s\.$/,
  );
  await expect(unlockButton(page)).toBeDisabled();
});

test('with no PIN set, the kiosk itself offers to create one', async ({ page, host }) => {
  await page.goto(`${host.url}/#/admin`);
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByLabel('PIN', { exact: true })).toHaveCount(0);
  const create = dialog(page).getByRole('button', { name: 'Create PIN' });
  await expect(dialog(page).getByLabel('New PIN', { exact: true })).toBeFocused();

  await dialog(page).getByLabel('New PIN', { exact: true }).fill('13579');
  await dialog(page).getByLabel('Repeat PIN', { exact: true }).fill('13570');
  await create.click();
  await expect(dialog(page).getByRole('alert')).toContainText('the two PINs are not the same');
  await dialog(page).getByLabel('New PIN', { exact: true }).fill('12');
  await dialog(page).getByLabel('Repeat PIN', { exact: true }).fill('12');
  await create.click();
  await expect(dialog(page).getByRole('alert')).toContainText('4 to 12 digits');

  await dialog(page).getByLabel('New PIN', { exact: true }).fill('13579');
  await dialog(page).getByLabel('Repeat PIN', { exact: true }).fill('13579');
  await create.click();
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();

  // The new PIN is the one that unlocks from now on.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('button', { name: 'Create PIN' })).toHaveCount(0);
  await tryPin(page, '13579');
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
});

test('with no PIN set, a remote screen is told how to set one', async ({ page, host }) => {
  // Loopback always counts as the kiosk itself, so a remote caller's answer is stood in for.
  await page.route(/\/api\/call\/auth(:|%3A)status$/, (route) =>
    route.fulfill({
      json: {
        pinSet: false,
        unlocked: false,
        lockedUntil: null,
        attemptsLeft: 5,
        canCreatePin: false,
      },
    }),
  );
  await page.goto(`${host.url}/#/admin`);
  await expect(dialog(page)).toContainText(
    'No staff PIN is set yet. Set one at the kiosk, or with openness-kiosk pin set.',
  );
  await expect(dialog(page).getByRole('button', { name: 'Create PIN' })).toHaveCount(0);
  await expect(dialog(page).getByRole('button', { name: 'Unlock' })).toHaveCount(0);
});

test('Ctrl+Shift+A from the player reaches Staff access, and Back leads to the player', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  await openPlayer(page, host.url);
  // The player listens for keys once it has mounted; under load that can trail the first paint.
  await expect(async () => {
    await page.keyboard.press('Control+Shift+KeyA');
    await expect(dialog(page)).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(pinField(page)).toBeFocused();
  await dialog(page).getByRole('button', { name: 'Back to the player' }).click();
  await expect(carousel(page)).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
});

test('Back to the player from the admin locks it too', async ({ page, host }) => {
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url);
  await page.getByRole('button', { name: 'Back to the player' }).click();
  await expect(carousel(page)).toBeVisible();
  expect((await callFromPage<{ unlocked: boolean }>(page, 'auth:status')).body.unlocked).toBe(
    false,
  );
  await page.goto(`${host.url}/#/admin`);
  await expect(dialog(page)).toBeVisible();
});

test('Lock ends the session on the host and shows Staff access again', async ({ page, host }) => {
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url);
  expect((await callFromPage(page, 'admin:get')).status).toBe(200);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(pinField(page)).toBeFocused();
  expect((await callFromPage(page, 'admin:get')).status).toBe(401);
  await page.reload();
  await expect(dialog(page)).toBeVisible();
});

test('a session ended on the host brings back Staff access, keeping unsaved edits', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  await openAdminSection(page, host.url, 'Settings');

  const idle = page.getByLabel('Idle timeout (seconds)');
  await idle.fill('77');
  // As if the session had run out: the host forgets it.
  await callFromPage(page, 'auth:lock');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText('Your staff session ended');
  await tryPin(page, PIN);
  await expect(dialog(page)).toHaveCount(0);
  await expect(idle).toHaveValue('77');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
});

test('the admin locks itself after the staff idle time and returns to the player', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  await page.clock.install();
  await openAdminSection(page, host.url, 'Settings');

  await page.getByLabel('Staff idle lock (seconds)').fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

  await page.clock.runFor(25_000);
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  // Any input starts the wait again.
  await page.mouse.move(400, 400);
  await page.mouse.move(420, 420);
  await page.clock.runFor(25_000);
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await page.keyboard.press('Shift');
  await page.clock.runFor(29_000);
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeVisible();
  await page.clock.runFor(2_000);

  await expect(carousel(page)).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  expect((await callFromPage<{ unlocked: boolean }>(page, 'auth:status')).body.unlocked).toBe(
    false,
  );
});
