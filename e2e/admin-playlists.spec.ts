/**
 * Admin, Playlists: the list's actions (create, duplicate, rename, make default, delete),
 * reordering by touch, mouse and keyboard with the player following, refused saves,
 * persistence across a restart, and axe-core. The slide form: admin-slides.spec.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setPinAndReduceMotion } from './admin-helpers';
import {
  button,
  colleagueSavesTitle,
  editPlaylist,
  openPlaylist,
  openPlaylists,
  playlistItem,
  save,
  savedContent,
  SHIPPED,
  SHIPPED_TITLES,
  slideTitles,
} from './admin-playlists-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import { expect, startHost, stopHost, test } from './fixtures';
import { openPlayer, touchDrag } from './helpers';

test.beforeEach(({ dataDir, page }) => setPinAndReduceMotion(dataDir, page));

test('create, duplicate, rename, make default and delete playlists', async ({ page, host }) => {
  await openPlaylists(page, host.url);
  const shipped = playlistItem(page, SHIPPED);
  await expect(shipped.getByText('Default', { exact: true })).toBeVisible();
  await expect(shipped.getByText('Plays when nothing is scheduled.')).toBeVisible();
  await expect(shipped.getByText('4 slides')).toBeVisible();
  // The default playlist can't be deleted, and says why.
  const deleteShipped = button(shipped, `Delete ${SHIPPED}`);
  await expect(deleteShipped).toBeDisabled();
  await expect(deleteShipped).toHaveAccessibleDescription(/can.t be deleted/);

  await button(page, 'Create playlist').click();
  const create = page.getByRole('dialog', { name: 'Create playlist' });
  await create.getByLabel('Name').fill('Lunch menu');
  await button(create, 'Create').click();
  await expect(page.getByRole('heading', { name: 'Editing: Lunch menu' })).toBeVisible();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await button(page, 'All playlists').click();

  await button(page, 'Duplicate Lunch menu').click();
  await expect(playlistItem(page, 'Lunch menu (copy)')).toBeVisible();
  await button(page, 'Rename Lunch menu (copy)').click();
  const rename = page.getByRole('dialog', { name: /^Rename/ });
  await expect(rename.getByLabel('Name')).toHaveValue('Lunch menu (copy)');
  await rename.getByLabel('Name').fill('Evening menu');
  await button(rename, 'Rename').click();
  await expect(playlistItem(page, 'Evening menu')).toBeVisible();
  await expect(playlistItem(page, 'Lunch menu (copy)')).toHaveCount(0);

  await button(page, 'Make default Evening menu').click();
  await expect(
    playlistItem(page, 'Evening menu').getByText('Default', { exact: true }),
  ).toBeVisible();
  await expect(button(playlistItem(page, 'Evening menu'), 'Delete Evening menu')).toBeDisabled();
  await expect(deleteShipped).toBeEnabled();

  // Cancelling the confirmation keeps the playlist; confirming deletes it.
  await deleteShipped.click();
  const confirm = page.getByRole('dialog', { name: `Delete “${SHIPPED}”?` });
  await button(confirm, 'Cancel').click();
  await expect(confirm).toHaveCount(0);
  await expect(shipped).toBeVisible();
  await deleteShipped.click();
  await button(confirm, 'Delete playlist').click();
  await expect(shipped).toHaveCount(0);

  await save(page);
  const content = await savedContent(host.dataDir);
  expect(content.playlists.map((p) => p.name)).toEqual(['Lunch menu', 'Evening menu']);
  expect(content.defaultPlaylistId).toBe(content.playlists[1]!.id);
  expect(content.playlists[0]!.id).toBe('lunch-menu');
  expect(content.playlists[1]!.slides[0]!.title.en).toBe('Lunch menu');

  // The player now plays the new default.
  const player = await page.context().newPage();
  await openPlayer(player, host.url);
  await expect(player.getByRole('heading', { name: 'Lunch menu' })).toBeVisible();
});

test('reorder by touch drag, mouse drag and Move buttons; the player follows', async ({
  page,
  host,
}) => {
  const player = await page.context().newPage();
  await openPlayer(player, host.url);
  // A background tab gets few animation frames: keep the admin in front.
  await page.bringToFront();
  await openPlaylist(page, host.url);
  await expect(slideTitles(page)).toHaveText(SHIPPED_TITLES.map((t, i) => `${i + 1}. ${t}`));

  // Touch: drag "About us" by its handle to below the third slide.
  const cdp = await page.context().newCDPSession(page);
  const handle = await page.locator('.pl-slide__handle').first().boundingBox();
  const third = await page.locator('.pl-slide').nth(2).boundingBox();
  const from = { x: handle!.x + handle!.width / 2, y: handle!.y + handle!.height / 2 };
  await touchDrag(cdp, from, { x: from.x, y: third!.y + third!.height * 0.8 }, 20);
  await expect(slideTitles(page)).toHaveText([
    '1. Open for innovation',
    '2. Open for partnerships',
    '3. About us',
    '4. Open for diversity',
  ]);
  await expect(
    page.getByRole('status').filter({ hasText: 'About us is now 3 of 4.' }),
  ).toBeAttached();

  // Mouse: drag "Open for diversity" to the top (the whole list in view, for a real mouse).
  await page.locator('.pl-slide').nth(3).scrollIntoViewIfNeeded();
  const last = await page.locator('.pl-slide__handle').nth(3).boundingBox();
  const top = await page.locator('.pl-slide').first().boundingBox();
  await page.mouse.move(last!.x + last!.width / 2, last!.y + last!.height / 2);
  await page.mouse.down();
  await page.mouse.move(last!.x + last!.width / 2, top!.y + 4, { steps: 15 });
  await page.mouse.up();
  await expect(slideTitles(page)).toHaveText([
    '1. Open for diversity',
    '2. Open for innovation',
    '3. Open for partnerships',
    '4. About us',
  ]);

  // Keyboard: the Move buttons, announced.
  const down = button(page, 'Move Open for diversity down');
  await down.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(down).toBeFocused();
  await expect(
    page.getByRole('status').filter({ hasText: 'Open for diversity is now 3 of 4.' }),
  ).toBeAttached();
  await button(page, 'Move About us up').click();
  const order = ['Open for innovation', 'Open for partnerships', 'About us', 'Open for diversity'];
  await expect(slideTitles(page)).toHaveText(order.map((t, i) => `${i + 1}. ${t}`));

  // The player, open all along, follows within about a second, without a reload.
  await player.evaluate(() => ((window as unknown as { before: boolean }).before = true));
  await save(page);
  await expect(async () => {
    const labels = await player
      .getByRole('tab')
      .evaluateAll((tabs) => tabs.map((tab) => tab.getAttribute('aria-label')));
    expect(labels).toEqual(order);
  }).toPass({ timeout: 1_500 });
  expect(await player.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(
    true,
  );
  const ids = (await savedContent(host.dataDir)).playlists[0]!.slides.map((s) => s.id);
  expect(ids).toEqual(['innovation', 'partnerships', 'intro', 'diversity']);
});

test('an invalid duration is refused by its field label and nothing is saved', async ({
  page,
  host,
}) => {
  const before = await readFile(path.join(host.dataDir, 'content.json'), 'utf8');
  await openPlaylist(page, host.url);
  await page.getByLabel('Duration (seconds)').fill('1');
  await button(page, 'Save').click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Duration: between 2 and 600 seconds');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  expect(await readFile(path.join(host.dataDir, 'content.json'), 'utf8')).toBe(before);

  // Fixed, it saves.
  await page.getByLabel('Duration (seconds)').fill('20');
  await save(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await savedContent(host.dataDir)).playlists[0]!.slides[0]!.durationMs).toBe(20_000);
});

test('a save based on an old revision is refused, and Discard shows what is saved', async ({
  page,
  host,
}) => {
  await openPlaylist(page, host.url);
  await colleagueSavesTitle(page, host.url, SHIPPED, 'Saved by a colleague');
  await page.getByLabel('Duration (seconds)').fill('30');
  await button(page, 'Save').click();
  await expect(page.getByRole('alert')).toContainText('Not saved');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toContainText(
    'someone else saved changes meanwhile',
  );
  const slide = (await savedContent(host.dataDir)).playlists[0]!.slides[0]!;
  expect(slide.title.en).toBe('Saved by a colleague');
  expect(slide.durationMs).toBe(16_000);

  await button(page, 'Discard changes').click();
  await expect(page.getByLabel('Title (English)', { exact: true })).toHaveValue(
    'Saved by a colleague',
  );
  await expect(page.getByLabel('Duration (seconds)')).toHaveValue('16');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('saved changes survive a host restart', async ({ page, host, dataDir }) => {
  await openPlaylists(page, host.url);
  await button(page, `Rename ${SHIPPED}`).click();
  const rename = page.getByRole('dialog', { name: /^Rename/ });
  await rename.getByLabel('Name').fill('Embassy lobby');
  await button(rename, 'Rename').click();
  await editPlaylist(page, 'Embassy lobby');
  await button(page, 'Move About us down').click();
  await save(page);

  await stopHost(host);
  const again = await startHost(dataDir);
  try {
    await openPlaylists(page, again.url);
    await expect(playlistItem(page, 'Embassy lobby')).toBeVisible();
    await editPlaylist(page, 'Embassy lobby');
    await expect(slideTitles(page).first()).toHaveText('1. Open for innovation');
    await expect(slideTitles(page).nth(1)).toHaveText('2. About us');
  } finally {
    await stopHost(again);
  }
});

test('no axe violations on the list and in the editor with a slide open', async ({
  page,
  host,
}) => {
  await openPlaylists(page, host.url);
  await expectNoAxeViolations(page, 'on the playlist list');
  await editPlaylist(page, SHIPPED);
  await page.getByLabel('Title (Français)', { exact: true }).fill('');
  await expect(page.getByText('Not translated')).toBeVisible();
  await expectNoAxeViolations(page, 'in the editor with a slide open');
  await button(page, 'Add picture slide').click();
  await expect(page.getByRole('dialog', { name: 'Add picture slide' })).toBeVisible();
  await expectNoAxeViolations(page, 'with the Add picture slide dialog open');
});
