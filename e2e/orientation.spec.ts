/**
 * Both orientations: the player shows its artwork and text, and every control fits the screen.
 */
import type { Page } from '@playwright/test';
import {
  button,
  controls,
  expect,
  insideViewport,
  openPlayer,
  ORIENTATIONS,
  overlaps,
  showSlide,
  skipAnimations,
  SLIDES,
  test,
  type Rect,
} from './helpers';

/** Check the current slide and controls against a viewport. */
async function expectLaidOut(page: Page, viewport: { width: number; height: number }, n: number) {
  const art = page.locator('.slide__art img');
  await expect(art).toBeVisible();
  expect(await art.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
    true,
  );
  await expect(page.getByRole('heading', { name: SLIDES[n - 1]!.title.en })).toBeVisible();
  await expect(page.locator('.slide__body')).toBeVisible();
  const artBox = (await page.locator('.slide__art').boundingBox()) as Rect;
  const textBox = (await page.locator('.slide__text').boundingBox()) as Rect;
  expect(insideViewport(artBox, viewport)).toBe(true);
  expect(insideViewport(textBox, viewport)).toBe(true);
  expect(overlaps(artBox, textBox), 'artwork and text do not overlap').toBe(false);
  expect(artBox.width * artBox.height).toBeGreaterThan(viewport.width * viewport.height * 0.3);
  if (viewport.width > viewport.height) expect(artBox.x).toBeLessThan(textBox.x);
  else expect(artBox.y).toBeLessThan(textBox.y);
  const boxes = await controls(page).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const name = el.getAttribute('aria-label') ?? el.textContent;
      return { name, x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(12);
  expect(boxes.filter((b) => !insideViewport(b, viewport))).toEqual([]);
  const fits = await page
    .locator('.slide__text')
    .evaluate(
      (el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1,
    );
  expect(fits, 'the text fits its block').toBe(true);
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });

    test('every slide shows art and text with all controls on screen', async ({ page, host }) => {
      await skipAnimations(page);
      await openPlayer(page, host.url);
      await button(page, 'Accessibility').click(); // the panel's toggles must fit too
      for (let n = 1; n <= SLIDES.length; n++) {
        await showSlide(page, n);
        await expectLaidOut(page, viewport, n);
      }
    });
  });
}

test('turning the screen re-lays out the slide and fits the text again', async ({ page, host }) => {
  await skipAnimations(page);
  await page.setViewportSize(ORIENTATIONS.landscape);
  await openPlayer(page, host.url);
  await expectLaidOut(page, ORIENTATIONS.landscape, 1);
  await page.setViewportSize(ORIENTATIONS.portrait);
  await expect
    .poll(async () => (await page.locator('.slide__art').boundingBox())?.width)
    .toBe(ORIENTATIONS.portrait.width);
  await expectLaidOut(page, ORIENTATIONS.portrait, 1);
  await page.setViewportSize(ORIENTATIONS.landscape);
  await expect
    .poll(async () => (await page.locator('.slide__art').boundingBox())?.height)
    .toBe(ORIENTATIONS.landscape.height);
  await expectLaidOut(page, ORIENTATIONS.landscape, 1);
});
