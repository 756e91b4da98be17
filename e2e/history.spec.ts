/**
 * Admin, History: a save keeps a version with who, when and what changed; staff preview any
 * version in the player's own slide view and restore it in one step, which is a new version.
 */
import path from 'node:path';
import { goToAdminSection, setPinAndReduceMotion } from './admin-helpers';
import { button, openPlaylist, save, SHIPPED } from './admin-playlists-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import { expect, test } from './fixtures';
import { openPlayer } from './helpers';

const SHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');
const CHANGE = `Playlist '${SHIPPED}': slide 1 title changed`;
const BASELINE = 'As it was before the first change kept here';

test.beforeEach(({ dataDir, page }) => setPinAndReduceMotion(dataDir, page));

test('edit a title, see it in History, preview the old version and restore it', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await openPlaylist(page, host.url);
  await page.getByLabel('Title (English)', { exact: true }).fill('About the embassy');
  await save(page);

  const player = await page.context().newPage();
  await openPlayer(player, host.url);
  await expect(player.getByRole('heading', { name: 'About the embassy' })).toBeVisible({
    timeout: 15_000,
  });

  await goToAdminSection(page, 'History');

  const history = page.getByRole('region', { name: 'History', exact: true });
  await expect(history.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
  const versions = history.getByRole('list', { name: 'Saved versions' }).getByRole('listitem');
  await expect(versions).toHaveCount(2, { timeout: 15_000 });
  await expect(versions.nth(0)).toContainText(CHANGE);
  await expect(versions.nth(0)).toContainText('at the kiosk');
  await expect(versions.nth(1)).toContainText(BASELINE);
  // The time reads in the admin's language, from the saved instant.
  const at = await versions.nth(0).locator('time').getAttribute('datetime');
  expect(Date.now() - Date.parse(at!)).toBeLessThan(10 * 60_000);
  await expect(versions.nth(0).locator('time')).toHaveText(
    await page.evaluate(
      (iso) =>
        new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
      at!,
    ),
  );
  await history.screenshot({
    path: path.join(SHOTS, 'admin-history.png'),
    animations: 'disabled',
    caret: 'hide',
  });

  // Preview: the player's own slide view, drawing the version's slides.
  await button(versions.nth(0), 'Preview').click();
  const preview = history.locator('.pl-preview');
  await expect(preview.getByRole('heading', { name: 'About the embassy' })).toBeVisible();
  await button(versions.nth(1), 'Preview').click();
  await expect(button(versions.nth(1), 'Preview')).toHaveAttribute('aria-pressed', 'true');
  await expect(preview.getByRole('heading', { name: 'About us' })).toBeVisible();
  await history.getByLabel('Slide', { exact: true }).selectOption({ index: 1 });
  await expect(preview.getByRole('heading', { name: 'Open for innovation' })).toBeVisible();
  await expectNoAxeViolations(page, 'on History with a version previewed');

  // Restore, with a confirmation.
  await button(versions.nth(1), 'Restore this version').click();
  const confirm = page.getByRole('dialog', { name: 'Restore this version?' });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page, 'on the restore confirmation');
  await button(confirm, 'Restore this version').click();
  await expect(confirm).toBeHidden();
  await expect(history.getByRole('status')).toContainText('Restored the version of');

  // The player rotates on while staff work here: its first slide's tab carries the title.
  const firstTab = player.getByRole('tablist', { name: 'Slides' }).getByRole('tab').first();
  await expect(firstTab).toHaveAccessibleName('About us', { timeout: 15_000 });
  await expect(versions).toHaveCount(3, { timeout: 15_000 });
  await expect(versions.nth(0)).toContainText('Restored the version of');
  await expect(versions.nth(0)).toContainText('at the kiosk');
  await expect(versions.nth(1)).toContainText(CHANGE);

  // And the restore is undone like any other save.
  await button(versions.nth(1), 'Restore this version').click();
  await button(
    page.getByRole('dialog', { name: 'Restore this version?' }),
    'Restore this version',
  ).click();
  await expect(firstTab).toHaveAccessibleName('About the embassy', { timeout: 15_000 });
  await expect(versions).toHaveCount(4, { timeout: 15_000 });
});
