import { expect, test } from './fixtures';

test('the player shows the first slide', async ({ page, host }) => {
  await page.goto(host.url);
  const carousel = page.locator('[aria-roledescription="carousel"]');
  await expect(carousel).toBeVisible();
  await expect(page.getByRole('heading', { name: 'About us' })).toBeVisible();
});
