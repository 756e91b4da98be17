/**
 * Admin, Media: upload a real picture and a real video made by the test, see them in the library,
 * refuse SVG, delete with a confirmation, and refuse to delete a file a slide uses. Then what
 * phones make (ffmpeg and ImageMagick files): iPhone MOV, HEVC, HEIC, animated GIF, SubRip; empty
 * and repeated files; where each file is used; a second staff screen kept up to date.
 */
import type { Locator, Page } from '@playwright/test';
import { openAdminSection, setPin } from './admin-helpers';
import { HEVC_REFUSAL } from '#core/media';
import {
  callFromPage,
  makePng,
  makeSvg,
  makeWebm,
  phoneFiles,
  type TestFile,
} from './admin-test-files';
import { expect, test } from './fixtures';

/** Choose files with the visible "Upload files" button, as staff do. */
async function upload(page: Page, files: TestFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload files' }).click();
  await (await chooser).setFiles(files);
}

const library = (page: Page) => page.locator('.media-grid > li');

/**
 * A library card's picture: served as /media/<sha256>.<ext>, loaded, `width` pixels wide.
 * Returns its address.
 */
async function expectPicturePreview(card: Locator, ext: string, width: number): Promise<string> {
  const img = card.locator('img');
  await expect(img).toHaveAttribute('src', new RegExp(`^/media/[0-9a-f]{64}\\.${ext}$`));
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), {
      timeout: 30_000,
    })
    .toBe(width);
  return (await img.getAttribute('src'))!;
}

/** A library card's video: served as /media/<sha256>.<ext>, its first frame `width` pixels wide. */
async function expectVideoPreview(card: Locator, ext: string, width: number): Promise<void> {
  const video = card.locator('video');
  await expect(video).toHaveAttribute('src', new RegExp(`^/media/[0-9a-f]{64}\\.${ext}#t=0\\.1$`));
  await expect
    .poll(() => video.evaluate((el: HTMLVideoElement) => el.readyState >= 1 && el.videoWidth), {
      timeout: 30_000,
    })
    .toBe(width);
}

/**
 * Put the library's first file
 on a new picture slide at the end of the first playlist, saved
 * through the KioskApi as the admin does; returns that playlist's name.
 */
async function putOnNewSlide(page: Page, id: string, title: string, alt: string): Promise<string> {
  type State = {
    revision: string;
    media: { ref: string }[];
    content: { playlists: { name: string; slides: unknown[] }[] };
  };
  const { body: state } = await callFromPage<State>(page, 'admin:get');
  const content = structuredClone(state.content);
  content.playlists[0]!.slides.push({
    id,
    kind: 'image',
    title: { en: title },
    image: { src: state.media[0]!.ref, alt: { en: alt } },
  });
  const saved = await callFromPage(page, 'content:save', { baseRevision: state.revision, content });
  expect(saved.status).toBe(200);
  return content.playlists[0]!.name;
}

test.beforeEach(async ({ host }) => setPin(host.dataDir));

test('a PNG and a WebM made in the page upload with progress and show in the library', async ({
  page,
  host,
}) => {
  await openAdminSection(page, host.url, 'Media');
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

  await expectPicturePreview(library(page).nth(1), 'png', 480);
  await expectVideoPreview(library(page).nth(0), 'webm', 320);

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
  await openAdminSection(page, host.url, 'Media');
  await upload(page, [makeSvg()]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('drawing.svg');
  await expect(alert).toContainText('SVG files can carry scripts');
  await expect(page.locator('.media-uploads__status', { hasText: 'Not uploaded' })).toHaveCount(1);
  await expect(page.getByText('No files uploaded yet.')).toBeVisible();
});

test('a file renamed to .png is judged by its bytes', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
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
  await openAdminSection(page, host.url, 'Media');
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
  await openAdminSection(page, host.url, 'Media');
  await upload(page, [await makePng(page, 'in-use.png')]);
  await expect(library(page)).toHaveCount(1);

  const playlist = await putOnNewSlide(
    page,
    'uploaded-picture',
    'Our new picture',
    'A test picture',
  );

  await page.getByRole('button', { name: 'Delete in-use.png' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not deleted: in-use.png is used by these slides:');
  await expect(alert.getByRole('listitem')).toHaveText([`${playlist} › Our new picture`]);
  await expect(library(page)).toHaveCount(1);
});

type Stored = { media: { name: string; kind: string; mime: string; ref: string; size: number }[] };

/** Fetch a served file from the page: its type and bytes. */
async function served(page: Page, src: string): Promise<{ type: string; bytes: Buffer }> {
  const { type, base64 } = await page.evaluate(async (url) => {
    const response = await fetch(url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let text = '';
    for (const byte of bytes) text += String.fromCharCode(byte);
    return { type: response.headers.get('content-type') ?? '', base64: btoa(text) };
  }, src);
  return { type, bytes: Buffer.from(base64, 'base64') };
}

test('the upload hint names every accepted format and limit', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
  const hint = page.getByText(/^Or drop files here\./);
  await expect(hint).toContainText('HEIC becomes JPEG');
  await expect(hint).toContainText('iPhone MOV with H.264');
  await expect(hint).toContainText('SubRip .srt becomes WebVTT');
  await expect(hint).toContainText('up to 25 MB');
});

test('an iPhone .mov with H.264 and AAC is accepted and plays as MP4', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
  const mov = phoneFiles.mov();
  await upload(page, [mov]);
  await expect(library(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(library(page).first()).toContainText('IMG_0042.MOV');
  await expect(library(page).first()).toContainText('Video');
  // This Chromium plays H.264 (checked with canPlayType and this very file).
  await expectVideoPreview(library(page).first(), 'mp4', 320);
  const { body } = await callFromPage<Stored>(page, 'admin:get');
  expect(body.media).toMatchObject([{ name: 'IMG_0042.MOV', kind: 'video', mime: 'video/mp4' }]);
});

test('an HEVC video is refused, naming the codec and what to do', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
  await upload(page, [phoneFiles.hevc()]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('IMG_0043.MOV', { timeout: 30_000 });
  await expect(alert).toContainText(HEVC_REFUSAL);
  await expect(alert).toContainText('HEVC (H.265)');
  await expect(alert).toContainText('Settings > Camera > Formats > Most Compatible');
  await expect(page.getByText('No files uploaded yet.')).toBeVisible();
});

test('an animated GIF is a picture, kept whole with all its frames', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
  const gif = phoneFiles.gif();
  await upload(page, [gif]);
  await expect(library(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(library(page).first()).toContainText('Picture');
  const file = await served(page, await expectPicturePreview(library(page).first(), 'gif', 64));
  expect(file.type).toBe('image/gif');
  expect(file.bytes.equals(gif.buffer)).toBe(true);
});

test('an HEIC photo becomes a JPEG picture', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
  await upload(page, [phoneFiles.heic()]);
  await expect(library(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(library(page).first()).toContainText('IMG_0044.HEIC');
  const file = await served(page, await expectPicturePreview(library(page).first(), 'jpg', 64));
  expect(file.type).toBe('image/jpeg');
  expect([...file.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  const { body } = await callFromPage<Stored>(page, 'admin:get');
  expect(body.media).toMatchObject([{ kind: 'image', mime: 'image/jpeg' }]);
});

test('SubRip captions are stored and served as WebVTT', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
  await upload(page, [phoneFiles.srt()]);
  await expect(library(page)).toHaveCount(1, { timeout: 30_000 });
  await expect(library(page).first()).toContainText('welcome.srt');
  await expect(library(page).first()).toContainText('Captions (WebVTT)');
  const { body } = await callFromPage<Stored>(page, 'admin:get');
  expect(body.media).toMatchObject([{ kind: 'captions', mime: 'text/vtt' }]);
  const file = await served(page, `/media/${body.media[0]!.ref.slice('media:'.length)}`);
  expect(file.type).toMatch(/^text\/vtt/);
  expect(file.bytes.toString('utf8')).toBe(
    'WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\n<i>Welcome to Belgium</i>\n\n' +
      '2\n00:00:02.500 --> 00:00:05.000\nVisas: first floor\n',
  );
});

test('an empty file says the file is empty', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
  await upload(page, [{ name: 'blank.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) }]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('blank.jpg');
  await expect(alert).toContainText('the file is empty');
  await expect(page.getByText('No files uploaded yet.')).toBeVisible();
});

test('a file already in the library says under which name', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
  const visa = await makePng(page, 'visa.jpg');
  await upload(page, [visa]);
  await expect(library(page)).toHaveCount(1);
  await upload(page, [{ ...visa, name: 'visa copy.jpg' }]);
  await expect(
    page.locator('.media-uploads__status', { hasText: 'Already in the library as visa.jpg' }),
  ).toBeVisible();
  await expect(library(page)).toHaveCount(1);
  await expect(library(page).first()).toContainText('visa.jpg');
});

test('each card shows the slides that use its file', async ({ page, host }) => {
  await openAdminSection(page, host.url, 'Media');
  await upload(page, [await makePng(page, 'flag.png')]);
  await expect(library(page)).toHaveCount(1);
  await expect(library(page).first()).toContainText('Not used on any slide');

  const playlist = await putOnNewSlide(page, 'flag-picture', 'Our flag', 'The flag');

  // The saved change reaches this screen by itself, with no reload.
  const slides = page.getByRole('list', { name: 'Slides using flag.png' });
  await expect(slides.getByRole('listitem')).toHaveText([`${playlist} › Our flag`]);
  await expect(library(page).first()).toContainText('Used on 1 slide');
});

test('a second staff screen shows uploads and deletes without reloading', async ({
  page,
  host,
  browser,
}) => {
  await openAdminSection(page, host.url, 'Media');
  const otherContext = await browser.newContext();
  try {
    const other = await otherContext.newPage();
    await openAdminSection(other, host.url, 'Media');

    await expect(other.getByText('No files uploaded yet.')).toBeVisible();

    await upload(page, [await makePng(page, 'from-the-desk.png')]);
    await expect(library(other)).toHaveCount(1, { timeout: 15_000 });
    await expect(library(other).first()).toContainText('from-the-desk.png');

    await page.getByRole('button', { name: 'Delete from-the-desk.png' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(other.getByText('No files uploaded yet.')).toBeVisible({ timeout: 15_000 });
  } finally {
    await otherContext.close();
  }
});
