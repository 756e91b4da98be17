import { expect, test } from './helpers';

test.use({ settings: { enabledLanguages: ['en', 'fr', 'nl', 'de', 'ar'] } });

test('a right-to-left language mirrors the player; controls fall back to English', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // No Arabic text in the default content yet: slides fall back to English, and say so.
  const title = page.getByRole('heading', { level: 2, name: 'About us' });
  await expect(title).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Next slide' })).toBeVisible();
  const art = await page.locator('.slide__art').boundingBox();
  const text = await page.locator('.slide__text').boundingBox();
  expect(art!.x).toBeGreaterThan(text!.x); // artwork on the right, text on the left
  const controls = await page.locator('.controls').boundingBox();
  expect(controls!.x + controls!.width).toBeLessThanOrEqual(art!.x + 1); // under the text
  // ArrowLeft moves forward in a right-to-left layout.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { level: 2, name: 'Open for innovation' })).toBeVisible();
});
