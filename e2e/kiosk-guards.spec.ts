/**
 * Kiosk hygiene on the visitor screen: no text selection, no context menu, no image drag, and the
 * cursor hidden when staff ask for it.
 */
import { button, expect, openPlayer, test, UI } from './helpers';

test('no text selection, no context menu, no image drag', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const main = page.locator('main');
  expect(await main.evaluate((el) => getComputedStyle(el).userSelect)).toBe('none');
  // Selecting by triple-click selects nothing.
  await page.locator('.slide__body p').first().click({ clickCount: 3 });
  expect(await page.evaluate(() => String(window.getSelection()))).toBe('');
  for (const target of ['.slide__body p', 'img', 'button[aria-label="Next slide"]', 'main']) {
    const prevented = await page
      .locator(target)
      .first()
      .evaluate((el) => {
        const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
        el.dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(prevented, `context menu on ${target}`).toBe(true);
  }
  const images = page.locator('main img');
  expect(await images.count()).toBeGreaterThan(0);
  for (const img of await images.all()) {
    await expect(img).toHaveAttribute('draggable', 'false');
    expect(await img.evaluate((el: HTMLImageElement) => el.draggable)).toBe(false);
  }
});

test('the cursor shows when hideCursor is false (the default)', async ({ page, host }) => {
  await openPlayer(page, host.url);
  expect(await button(page, UI.en.next).evaluate((el) => getComputedStyle(el).cursor)).toBe(
    'pointer',
  );
});

test.describe('with hideCursor true', () => {
  test.use({ settings: { hideCursor: true } });

  test('the cursor is hidden everywhere in the player', async ({ page, host }) => {
    await openPlayer(page, host.url);
    await expect(page.locator('main')).toHaveClass(/is-cursor-hidden/);
    const cursors = await page
      .locator('main, main *')
      .evaluateAll((els) => [...new Set(els.map((el) => getComputedStyle(el).cursor))]);
    expect(cursors).toEqual(['none']);
  });
});
