/**
 * Admin, Media: import a PDF made by the test through the admin only. Each page becomes a picture
 * in the library and, in page order, a playlist the player plays; a damaged, a locked and a
 * not-a-PDF file each get their own message, and nothing is uploaded for them.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { goToAdminSection, openAdminSection, setPin } from './admin-helpers';
import { button, playlistItem, save, savedContent } from './admin-playlists-helpers';
import { callFromPage, expectNoAxeViolations, makePng, type TestFile } from './admin-test-files';
import { expect, test } from './fixtures';
import { allSlides, openPlayer } from './helpers';
import { makeDamagedPdf, makeEncryptedPdf, makePdf } from './pdf-files';

/** Choose a PDF with the visible "Import a PDF" button, as staff do. */
async function importPdf(page: Page, file: TestFile): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a PDF' }).click();
  await (await chooser).setFiles(file);
}

/** Every text the import's status line shows, recorded as it changes. */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const status = document.querySelector('.pdf-import [role="status"]')!;
    const seen: string[] = [];
    (window as unknown as { pdfStatus: string[] }).pdfStatus = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { pdfStatus: string[] }).pdfStatus);
}

const library = (page: Page) => page.locator('.media-grid > li');
const SHOTS = path.resolve(import.meta.dirname, '../docs/screenshots');

interface MediaList {
  media: { ref: string; name: string; kind: string; mime: string }[];
}

// Axe across frames and PDF.js are slow on a loaded machine: time for both.
test.describe.configure({ timeout: 150_000 });

test.beforeEach(async ({ host }) => setPin(host.dataDir));

test('a two-page PDF becomes two pictures and a playlist that plays them in order', async ({
  page,
  host,
}) => {
  await openAdminSection(page, host.url, 'Media');
  await expectNoAxeViolations(page, 'with the PDF import card');
  const statuses = await recordStatus(page);
  await importPdf(page, makePdf(['First page', 'Second page']));

  const status = page.locator('.pdf-import').getByRole('status');
  await expect(status).toHaveText(
    'Imported flyer.pdf: 2 pages added to the library and the playlist "flyer".',
    { timeout: 30_000 },
  );
  const seen = await statuses();
  expect(seen).toContain('Page 1 of 2');
  expect(seen).toContain('Page 2 of 2');
  expect(seen.indexOf('Page 1 of 2')).toBeLessThan(seen.indexOf('Page 2 of 2'));
  await expectNoAxeViolations(page, 'after a PDF import');
  await expect(library(page)).toHaveCount(2);
  await expect
    .poll(() =>
      library(page)
        .locator('img')
        .evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)),
    )
    .toBe(true);
  await page.locator('.media-section').screenshot({
    path: path.join(SHOTS, 'admin-pdf-import.png'),
    animations: 'disabled',
    caret: 'hide',
  });

  // The pages are PNG pictures in the library, judged by the host from their bytes.
  await expect(library(page)).toHaveCount(2);
  const { body } = await callFromPage<MediaList>(page, 'admin:get');
  expect(body.media.map(({ name, kind, mime }) => ({ name, kind, mime }))).toEqual([
    { name: 'flyer-page-2.png', kind: 'image', mime: 'image/png' },
    { name: 'flyer-page-1.png', kind: 'image', mime: 'image/png' },
  ]);
  // Drawn at the kiosk's display size (1920 on the long side) with real ink on them.
  const first = library(page).filter({ hasText: 'flyer-page-1.png' }).locator('img');
  const drawn = await first.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 100) dark++;
    return { width: img.naturalWidth, height: img.naturalHeight, dark };
  });
  expect(drawn.width).toBe(1484);
  expect(drawn.height).toBe(1920);
  expect(drawn.dark).toBeGreaterThan(10_000);

  // The playlist holds both pages in page order; made default, the player plays them in order.
  const byName = Object.fromEntries(body.media.map((item) => [item.name, item.ref]));
  const pages = [byName['flyer-page-1.png']!, byName['flyer-page-2.png']!];
  let content = await savedContent(host.dataDir);
  const playlist = content.playlists.find((p) => p.name === 'flyer')!;
  expect(playlist.slides.map((s) => (s as { image?: { src: string } }).image?.src)).toEqual(pages);

  await goToAdminSection(page, 'Playlists');

  await button(page, 'Make default flyer').click();
  await expect(playlistItem(page, 'flyer').getByText('Default', { exact: true })).toBeVisible();
  await save(page);
  content = await savedContent(host.dataDir);
  expect(content.defaultPlaylistId).toBe(playlist.id);

  const player = await page.context().newPage();
  await openPlayer(player, host.url);
  const src = (ref: string) => `/media/${ref.slice('media:'.length)}`;
  await expect(allSlides(player)).toHaveCount(1);
  await expect(
    allSlides(player)
      .locator(`img[src="${src(pages[0]!)}"]`)
      .first(),
  ).toBeVisible();
  await player.getByRole('button', { name: 'Next slide', exact: true }).click();
  await expect(
    allSlides(player)
      .locator(`img[src="${src(pages[1]!)}"]`)
      .first(),
  ).toBeVisible({
    timeout: 15_000,
  });
});

test('a damaged, a password-protected and a not-a-PDF file are refused with clear messages', async ({
  page,
  host,
}) => {
  await openAdminSection(page, host.url, 'Media');
  const alert = page.locator('.pdf-import').getByRole('alert');

  await importPdf(page, makeDamagedPdf());
  await expect(alert).toHaveText(
    'Not imported: damaged.pdf is damaged and cannot be read. Export it again from the program that made it.',
    { timeout: 30_000 },
  );
  await expectNoAxeViolations(page, 'with a damaged PDF refused');

  await importPdf(page, makeEncryptedPdf());
  await expect(alert).toHaveText(
    'Not imported: locked.pdf is protected by a password. Save a copy without a password, then import that.',
    { timeout: 30_000 },
  );

  const png = await makePng(page, 'picture.pdf');
  await importPdf(page, png);
  await expect(alert).toHaveText(
    'Not imported: picture.pdf is not a PDF: its contents do not start with "%PDF-".',
  );

  // Nothing reached the library, and no playlist was added.
  const { body } = await callFromPage<MediaList>(page, 'admin:get');
  expect(body.media).toEqual([]);
  const content = await savedContent(host.dataDir).catch(() => undefined);
  expect(content?.playlists.map((p) => p.name) ?? []).not.toContain('damaged');
});
