/**
 * Portrait screens and landscape media: a picture whose shape differs a lot from the screen's
 * shows whole by default, and staff can make it fill the screen around a focal point instead,
 * through the admin's slide options (core/framing.ts holds the rule).
 */
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { setPin } from './admin-helpers';
import { button, editPlaylist, openPlaylists, save, SHIPPED } from './admin-playlists-helpers';
import { uploadFromPage } from './admin-playlists-helpers';
import type { TestFile } from './admin-test-files';
import { expect, openPlayer, PORTRAIT, skipAnimations, test, type Host } from './helpers';

test.use({ viewport: PORTRAIT });

const RED = [0xef, 0x33, 0x40];
const BLUE = [0x1a, 0x5f, 0xb4];

/** A 16:9 PNG made by ImageMagick: its left half red, its right half blue. */
function landscapePicture(): TestFile {
  const buffer = execFileSync('convert', [
    '-size',
    '800x900',
    'xc:#ef3340',
    '-size',
    '800x900',
    'xc:#1a5fb4',
    '+append',
    'PNG:-',
  ]);
  return { name: 'grand-place.png', mimeType: 'image/png', buffer };
}

/** A one-second 16:9 WebM (VP8) made by ffmpeg. */
function landscapeVideo(): TestFile {
  const buffer = execFileSync('ffmpeg', [
    ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=25', '-t', '1'],
    ...['-c:v', 'libvpx', '-b:v', '200k', '-f', 'webm', 'pipe:1'],
  ]);
  return { name: 'lobby-film.webm', mimeType: 'video/webm', buffer };
}

/** Where a picture's or video's pixels land on screen, from its box, size and object-fit. */
async function renderedContent(media: Locator) {
  return media.evaluate((element: HTMLImageElement | HTMLVideoElement) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const [nw, nh] =
      element instanceof HTMLVideoElement
        ? [element.videoWidth, element.videoHeight]
        : [element.naturalWidth, element.naturalHeight];
    const scale =
      style.objectFit === 'cover'
        ? Math.max(box.width / nw, box.height / nh)
        : Math.min(box.width / nw, box.height / nh);
    const [px, py] = style.objectPosition.split(' ').map((v) => parseFloat(v) / 100);
    const [width, height] = [nw * scale, nh * scale];
    return {
      fit: style.objectFit,
      position: style.objectPosition,
      natural: nw / nh,
      x: box.x + (box.width - width) * px!,
      y: box.y + (box.height - height) * py!,
      width,
      height,
    };
  });
}

/**
 * A 16:9 picture or video shows whole on the portrait screen: fitted (contain), inside the
 * screen and as wide as it allows. Returns where its pixels land.
 */
async function expectWholeOnPortrait(media: Locator) {
  const whole = await renderedContent(media);
  expect(whole.fit).toBe('contain');
  expect(whole.natural).toBeCloseTo(16 / 9, 2);
  expect(whole.x).toBeGreaterThanOrEqual(-0.5);
  expect(whole.y).toBeGreaterThanOrEqual(-0.5);
  expect(whole.x + whole.width).toBeLessThanOrEqual(PORTRAIT.width + 0.5);
  expect(whole.y + whole.height).toBeLessThanOrEqual(PORTRAIT.height + 0.5);
  expect(whole.width).toBeCloseTo(PORTRAIT.width, 0); // as large as the screen allows
  return whole;
}

/** The colour of one screen pixel, read from a real screenshot. */
async function pixel(page: Page, x: number, y: number): Promise<number[]> {
  const shot = (await page.screenshot()).toString('base64');
  const reader = await page.context().newPage();
  try {
    return await reader.evaluate(
      async ({ shot, x, y }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${shot}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
      },
      { shot, x, y },
    );
  } finally {
    await reader.close();
  }
}

// Colour management may shift a channel a little between the file and the screen.
function near(actual: number[], expected: number[]): boolean {
  return actual.every((value, i) => Math.abs(value - expected[i]!) <= 16);
}

/** The blurred copy behind a whole picture is drawn (its middle is not transparent). */
async function expectBackdropDrawn(player: Page): Promise<void> {
  const backdrop = player.locator('canvas.slide__backdrop');
  await expect(backdrop).toBeAttached();
  const alpha = () =>
    backdrop.evaluate((canvas: HTMLCanvasElement) => {
      const { width, height } = canvas;
      return canvas.getContext('2d')!.getImageData(width / 2, height / 2, 1, 1).data[3];
    });
  await expect.poll(alpha).toBeGreaterThan(0);
}

/** Open the player on the picture slide. */
async function showPicture(player: Page, url: string): Promise<Locator> {
  await openPlayer(player, url);
  await player.getByRole('tab', { name: 'Grand Place' }).click();
  const img = player.getByRole('img', { name: 'The Grand Place at night' });
  await expect(img).toBeVisible();
  await expect(img).toHaveJSProperty('complete', true);
  return img;
}

/**
 * As staff: upload `file`, then open "Add picture slide" (or video slide) on the shipped
 * playlist with its English title filled in; returns that dialog.
 */
async function addSlideOf(
  page: Page,
  host: Host,
  kind: 'picture' | 'video',
  file: TestFile,
  title: string,
): Promise<Locator> {
  await setPin(host.dataDir);
  await openPlaylists(page, host.url);
  await uploadFromPage(page, file);
  await page.reload();
  await editPlaylist(page, SHIPPED);
  const name = `Add ${kind} slide`;
  await button(page, name).click();
  const add = page.getByRole('dialog', { name });
  await add.getByLabel('Title (English)').fill(title);
  return add;
}

test('a landscape picture on a portrait screen shows whole; staff make it fill around a focal point', async ({
  page,
  context,
  host,
}) => {
  const add = await addSlideOf(page, host, 'picture', landscapePicture(), 'Grand Place');
  await add.getByLabel('Picture').selectOption({ label: 'grand-place.png' });
  await button(add, 'Add slide').click();
  await page.getByLabel('Alt text (English)').fill('The Grand Place at night');
  const framing = page.getByRole('group', { name: 'On screens of another shape' });
  await expect(framing.getByRole('radio', { name: 'Automatic' })).toBeChecked();
  await expect(framing.getByLabel('Behind a whole picture')).toHaveValue('blur');
  await save(page);

  // By default the whole picture shows: its shape (16:9) is far from the screen's (9:16).
  const player = await context.newPage();
  await skipAnimations(player);
  let img = await showPicture(player, host.url);
  const whole = await expectWholeOnPortrait(img);
  // Both halves are on screen, and a blurred copy fills the rest.
  const middle = whole.y + whole.height / 2;
  expect(near(await pixel(player, 100, middle), RED)).toBe(true);
  expect(near(await pixel(player, PORTRAIT.width - 100, middle), BLUE)).toBe(true);
  await expect(player.locator('canvas.slide__backdrop')).toHaveAttribute('aria-hidden', 'true');
  await expectBackdropDrawn(player);

  // Staff choose "fill" and a focal point on the left: by a tap on the picture, then a slider.
  await framing.getByRole('radio', { name: 'Fill the screen (crops the edges)' }).check();
  await expect(framing.getByLabel('Behind a whole picture')).toHaveCount(0);
  const focus = framing.getByRole('group', { name: /^Focal point/ });
  const across = focus.getByRole('slider', { name: 'Focal point across (%)' });
  const down = focus.getByRole('slider', { name: 'Focal point down (%)' });
  const picture = await focus.locator('img').boundingBox();
  await page.mouse.click(picture!.x + picture!.width * 0.2, picture!.y + picture!.height * 0.3);
  await expect(across).toHaveValue('20');
  await expect(down).toHaveValue('30');
  await across.focus();
  await page.keyboard.press('Home');
  await expect(across).toHaveValue('0');
  await expect(across).toHaveAttribute('aria-valuetext', '0%');
  // The live preview follows before anything is saved.
  await expect(page.locator('.pl-preview .slide__frame img')).toHaveCSS('object-fit', 'cover');
  await expect(page.locator('.pl-preview .slide__frame img')).toHaveCSS(
    'object-position',
    '0% 30%',
  );
  await save(page);

  img = await showPicture(player, host.url);
  await expect(img).toHaveCSS('object-fit', 'cover');
  const filled = await renderedContent(img);
  expect(filled.position).toBe('0% 30%');
  // The picture covers the screen from its left edge: the chosen (red) part shows.
  expect(filled.x).toBeCloseTo(0, 0);
  expect(filled.height).toBeCloseTo(PORTRAIT.height, 0);
  expect(filled.width).toBeGreaterThan(PORTRAIT.width * 3);
  expect(near(await pixel(player, PORTRAIT.width / 2, PORTRAIT.height / 2), RED)).toBe(true);
  expect(near(await pixel(player, PORTRAIT.width - 40, PORTRAIT.height / 2), RED)).toBe(true);
});

test('a landscape video on a portrait screen shows whole by default', async ({
  page,
  context,
  host,
}) => {
  const add = await addSlideOf(page, host, 'video', landscapeVideo(), 'Lobby film');
  await button(add, 'Add slide').click();
  await page.getByLabel(/^Loop/).check();
  const framing = page.getByRole('group', { name: 'On screens of another shape' });
  await expect(framing.getByRole('radio', { name: 'Automatic' })).toBeChecked();
  await save(page);

  const player = await context.newPage();
  await skipAnimations(player);
  await openPlayer(player, host.url);
  await player.getByRole('tab', { name: 'Lobby film' }).click();
  const video = player.locator('[aria-roledescription="slide"] video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(1);
  await expectWholeOnPortrait(video);
  // Its first frame, blurred, fills the rest of the screen.
  await expectBackdropDrawn(player);
});
