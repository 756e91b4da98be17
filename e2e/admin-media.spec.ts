/**
 * Admin, Media: upload a real picture and a real video made by the test, see them in the library,
 * refuse SVG, delete with a confirmation, and refuse to delete a file a slide uses.
 */
import type { Page } from '@playwright/test';
import { setPin, unlockAdmin } from './admin-helpers';
import { callFromPage, makePng, makeSvg, makeWebm, type TestFile } from './admin-test-files';
import { expect, test } from './fixtures';

async function openMedia(page: Page, url: string): Promise<void> {
  await unlockAdmin(page, url);
  await page
    .getByRole('navigation', { name: 'Admin' })
    .getByRole('link', { name: 'Media' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Media' })).toBeVisible();
}

/** Choose files with the visible "Upload files" button, as staff do. */
async function upload(page: Page, files: TestFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(files);
}

const library = (page: Page) => page.locator('.media-grid > li');

test.beforeEach(async ({ host }) => setPin(host.dataDir));

test('a PNG and a WebM made in the page upload with progress and show in the library', async ({
  page,
  host,
}) => {
  await openMedia(page, host.url);
  const png = await makePng(page);
  const webm = await makeWebm(page);
  expect(webm.buffer.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  const fileChooser = await chooser;
  expect(fileChooser.isMultiple()).toBe(true);
  await fileChooser.setFiles([png, webm]);

  for (const file of [png, webm]) {
    const bar = page.getByRole('progressbar', { name: file.name });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('max', String(file.buffer.length));
    await expect(bar).toHaveAttribute('value', String(file.buffer.length));
  }
  await expect(page.locator('.media-uploads__status', { hasText: 'Uploaded' })).toHaveCount(2);

  await expect(library(page)).toHaveCount(2);
  // Newest first: the video was uploaded after the picture.
  await expect(library(page).nth(0)).toContainText('test-video.webm');
  await expect(library(page).nth(0)).toContainText('Video');
  await expect(library(page).nth(1)).toContainText('test-picture.png');
  await expect(library(page).nth(1)).toContainText('Picture');

  const img = library(page).nth(1).locator('img');
  await expect(img).toHaveAttribute('src', /^\/media\/[0-9a-f]{64}\.png$/);
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
    .toBe(480);
  const video = library(page).nth(0).locator('video');
  await expect(video).toHaveAttribute('src', /^\/media\/[0-9a-f]{64}\.webm#t=0\.1$/);
  await expect
    .poll(() => video.evaluate((el: HTMLVideoElement) => el.readyState >= 1 && el.videoWidth))
    .toBe(320);

  // The host stored both, judged by their bytes.
  const { body } = await callFromPage<{ media: { name: string; kind: string; mime: string }[] }>(
    page,
    'admin:get',
  );
  expect(body.media.map(({ name, kind, mime }) => ({ name, kind, mime }))).toEqual([
    { name: 'test-video.webm', kind: 'video', mime: 'video/webm' },
    { name: 'test-picture.png', kind: 'image', mime: 'image/png' },
  ]);
});

test('an SVG upload is refused with the reason', async ({ page, host }) => {
  await openMedia(page, host.url);
  await upload(page, [makeSvg()]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('drawing.svg');
  await expect(alert).toContainText('SVG files can carry scripts');
  await expect(page.locator('.media-uploads__status', { hasText: 'Not uploaded' })).toHaveCount(1);
  await expect(page.getByText('No files uploaded yet.')).toBeVisible();
});

test('a file renamed to .png is judged by its bytes', async ({ page, host }) => {
  await openMedia(page, host.url);
  const fake = {
    name: 'notes.png',
    mimeType: 'image/png',
    buffer: Buffer.from('just some text\n'),
  };
  await upload(page, [fake]);
  await expect(page.getByRole('alert')).toContainText('notes.png');
  await expect(library(page)).toHaveCount(0);
});

test('Delete asks first, then removes the file', async ({ page, host }) => {
  await openMedia(page, host.url);
  await upload(page, [await makePng(page, 'to-delete.png')]);
  await expect(library(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Delete to-delete.png' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete to-delete.png?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(library(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Delete to-delete.png' })).toBeFocused();

  await page.getByRole('button', { name: 'Delete to-delete.png' }).click();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Deleted to-delete.png.' }),
  ).toBeVisible();
  await expect(library(page)).toHaveCount(0);
  expect((await callFromPage<{ media: unknown[] }>(page, 'admin:get')).body.media).toEqual([]);
});

test('a file a slide uses is not deleted; the alert lists the slides', async ({ page, host }) => {
  await openMedia(page, host.url);
  await upload(page, [await makePng(page, 'in-use.png')]);
  await expect(library(page)).toHaveCount(1);

  // Put the picture on a new slide of the first playlist, through the API.
  type State = {
    revision: string;
    media: { ref: string }[];
    content: { playlists: { name: string; slides: unknown[] }[] };
  };
  const { body: state } = await callFromPage<State>(page, 'admin:get');
  const content = structuredClone(state.content);
  content.playlists[0]!.slides.push({
    id: 'uploaded-picture',
    kind: 'image',
    title: { en: 'Our new picture' },
    image: { src: state.media[0]!.ref, alt: { en: 'A test picture' } },
  });
  const saved = await callFromPage(page, 'content:save', { baseRevision: state.revision, content });
  expect(saved.status).toBe(200);

  await page.getByRole('button', { name: 'Delete in-use.png' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not deleted: in-use.png is used by these slides:');
  await expect(alert.getByRole('listitem')).toHaveText([
    `${content.playlists[0]!.name} › Our new picture`,
  ]);
  await expect(library(page)).toHaveCount(1);
});
