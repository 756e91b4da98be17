/**
 * Admin accessibility: axe-core (WCAG 2.0, 2.1 and 2.2 A and AA) finds nothing on the locked
 * dialog, the lock-out, creating a PIN, each of the seven sections, an error shown, and the
 * confirmation dialog; targets are at least 48 px; it fits portrait, landscape and a laptop.
 */
import type { Page } from '@playwright/test';
import { setPin, unlockAdmin } from './admin-helpers';
import { expectNoAxeViolations, makePng } from './admin-test-files';
import { expect, test } from './fixtures';

const SECTIONS = [
  'Playlists',
  'Media',
  'Schedule',
  'History',
  'Analytics',
  'Status',
  'Settings',
] as const;

async function openSection(page: Page, name: (typeof SECTIONS)[number]): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name });
  await link.click();
  await expect(link).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
}

test('no violations on the Staff access dialog, with a wrong PIN, and in the lock-out', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  await page.goto(`${host.url}/#/admin`);
  const dialog = page.getByRole('dialog', { name: 'Staff access' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, 'on the locked dialog');
  for (let i = 0; i < 5; i++) {
    await dialog.getByLabel('PIN', { exact: true }).fill('1111');
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    if (i === 0) {
      await expect(dialog.getByRole('alert')).toContainText('4 tries left');
      await expectNoAxeViolations(page, 'after a wrong PIN');
    }
  }
  await expect(dialog.getByRole('alert')).toContainText('Too many wrong PINs.');
  await expectNoAxeViolations(page, 'in the lock-out');
});

test('no violations when creating the first PIN', async ({ page, host }) => {
  await page.goto(`${host.url}/#/admin`);
  const dialog = page.getByRole('dialog', { name: 'Staff access' });
  await expect(dialog.getByRole('button', { name: 'Create PIN' })).toBeVisible();
  await expectNoAxeViolations(page, 'offering to create a PIN');
  await dialog.getByRole('button', { name: 'Create PIN' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, 'with the create-PIN problems shown');
});

test('no violations on each of the seven sections, with media in the library', async ({
  page,
  host,
}) => {
  // Seven sections, each checked by axe: a loaded machine needs more than the default minute.
  test.setTimeout(180_000);
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url);
  await openSection(page, 'Media');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles([await makePng(page)]);
  await expect(page.locator('.media-grid > li')).toHaveCount(1);

  for (const name of SECTIONS) {
    await openSection(page, name);
    await expectNoAxeViolations(page, `on ${name}`);
  }
});

test('no violations with errors shown and with the delete confirmation open', async ({
  page,
  host,
}) => {
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url);
  await openSection(page, 'Settings');
  await page.getByLabel('Countdown (seconds)').fill('1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Countdown (seconds)');
  await expectNoAxeViolations(page, 'with a settings error in the page');

  await page.route(/\/api\/call\/settings(:|%3A)save$/, async (route) => {
    const body = route.request().postDataJSON() as { settings: Record<string, unknown> };
    body.settings.countdownSec = 1;
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.getByLabel('Countdown (seconds)').fill('20');
  await page.getByRole('button', { name: 'Save settings' }).click();
  // The host's body names the JSON path; the admin names the field.
  await expect(page.getByRole('alert')).toContainText(
    'Countdown (seconds): must be between 5 and 120 seconds',
  );
  await expect(page.getByLabel('Countdown (seconds)')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, "with the host's refusal shown");

  await openSection(page, 'Media');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles([await makePng(page, 'shown.png')]);
  await page.getByRole('button', { name: 'Delete shown.png' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete shown.png?' })).toBeVisible();
  await expectNoAxeViolations(page, 'with the delete confirmation open');
});

for (const [label, viewport] of [
  ['portrait 1080×1920', { width: 1080, height: 1920 }],
  ['landscape 1920×1080', { width: 1920, height: 1080 }],
  ['a laptop 1366×768', { width: 1366, height: 768 }],
] as const) {
  test(`fits ${label}: no sideways scrolling, every target at least 48 px`, async ({
    page,
    host,
  }) => {
    await page.setViewportSize(viewport);
    await setPin(host.dataDir);
    await unlockAdmin(page, host.url);
    for (const name of ['Media', 'Settings', 'Analytics'] as const) {
      await openSection(page, name);
      const overflow = await page
        .locator('.admin-shell')
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow, `sideways overflow on ${name}`).toBeLessThanOrEqual(0);
      const small = await page.locator('.admin-shell').evaluate((root) =>
        [
          ...root.querySelectorAll<HTMLElement>(
            'button, a[href], select, input:not([type=checkbox]):not([type=file])',
          ),
        ]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 47.5 || box.width < 47.5)
          .map(
            ({ el, box }) =>
              `${el.tagName} "${el.textContent?.trim() || el.getAttribute('aria-label') || ''}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          ),
      );
      expect(small, `small targets on ${name}`).toEqual([]);
    }
  });
}
