/**
 * Admin, Settings, "Announcement band": staff turn the band and clock on, write announcements
 * per language, and the player shows them; one over the length limit is refused by field, with
 * nothing saved.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { MAX_ANNOUNCEMENT_LENGTH } from '#core/schema';
import { openAdminSection, setPinAndReduceMotion } from './admin-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import { expect, test } from './fixtures';
import { openPlayer } from './helpers';

async function openBandCard(page: Page, url: string) {
  await openAdminSection(page, url, 'Settings');

  const card = page.getByRole('form', { name: 'Announcement band' });
  await expect(card).toBeVisible();
  return card;
}

async function bandOnDisk(dataDir: string): Promise<unknown> {
  const settings = JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8'));
  return settings.band;
}

test.beforeEach(({ host, page }) => setPinAndReduceMotion(host.dataDir, page));

test('staff write an announcement in two languages, turn on band and clock; the player shows them', async ({
  page,
  host,
  dataDir,
}) => {
  const card = await openBandCard(page, host.url);
  await card.getByLabel('Show the announcement band').check();
  await card.getByLabel('Show the clock and date').check();
  await card.getByLabel('Band position').selectOption('bottom');
  await card.getByRole('button', { name: 'Add announcement' }).click();
  await card
    .getByLabel('Announcement 1 Text (English)')
    .fill('Consular section closed on 25 December');
  await card
    .getByLabel('Announcement 1 Text (Français)')
    .fill('Section consulaire fermée le 25 décembre');
  await expectNoAxeViolations(page, 'settings with the announcement band card');
  await card.getByRole('button', { name: 'Save announcements' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  expect(await bandOnDisk(dataDir)).toEqual({
    enabled: true,
    clock: true,
    position: 'bottom',
    motion: 'rotate',
    announcements: [
      {
        text: {
          en: 'Consular section closed on 25 December',
          fr: 'Section consulaire fermée le 25 décembre',
        },
      },
    ],
  });

  await openPlayer(page, host.url);
  const band = page.getByRole('region', { name: 'Announcements' });
  await expect(band).toBeVisible({ timeout: 20_000 });
  await expect(band.locator('.band__line.is-current')).toHaveText(
    'Consular section closed on 25 December',
  );
  await expect(band.locator('.band__clock time')).toBeVisible();
  await page.getByRole('button', { name: 'Français', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Annonces' })).toContainText(
    'Section consulaire fermée le 25 décembre',
  );
});

test('an announcement over the length limit is refused by field, and nothing is saved', async ({
  page,
  host,
  dataDir,
}) => {
  const card = await openBandCard(page, host.url);
  const before = await bandOnDisk(dataDir);
  await card.getByLabel('Show the announcement band').check();
  await card.getByRole('button', { name: 'Add announcement' }).click();
  const german = card.getByLabel('Announcement 1 Text (Deutsch)');
  await german.fill('x'.repeat(MAX_ANNOUNCEMENT_LENGTH + 1));
  await card.getByRole('button', { name: 'Save announcements' }).click();
  const alert = card.getByRole('alert');
  await expect(alert).toContainText(`must be at most ${MAX_ANNOUNCEMENT_LENGTH} characters`);
  await expect(alert).toContainText('$.band.announcements[0].text.de');
  await expect(german).toHaveAttribute('aria-invalid', 'true');
  await expect(german).toHaveAccessibleDescription(
    `must be at most ${MAX_ANNOUNCEMENT_LENGTH} characters`,
  );
  expect(await bandOnDisk(dataDir)).toEqual(before);
  await expectNoAxeViolations(page, 'announcement band card with a refused announcement');
});
