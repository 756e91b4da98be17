/**
 * Screenshots for the docs: every slide in landscape and portrait, and the longest with larger
 * text, in a stable state
 * (animations skipped, webfont loaded, rotation stopped, nothing focused or hovered).
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  button,
  expect,
  expectSlide,
  openStoppedPlayer,
  ORIENTATIONS,
  showSlide,
  SLIDES,
  test,
  UI,
} from './helpers';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });

    test(`screenshots of every slide (${viewport.width}×${viewport.height})`, async ({
      page,
      host,
    }) => {
      await mkdir(OUT, { recursive: true });
      await openStoppedPlayer(page, host.url);
      for (let n = 1; n <= SLIDES.length; n++) {
        await showSlide(page, n);
        // Nothing focused or hovered; every picture decoded; the webfont in.
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.mouse.move(viewport.width / 2, viewport.height / 2);
        await page.evaluate(async () => {
          await document.fonts.ready;
          await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
        });
        await expect(page.locator('.slide__art img')).toHaveJSProperty('complete', true);
        const file = path.join(OUT, `${orientation}-${n}-${SLIDES[n - 1]!.id}.png`);
        await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
        expect((await stat(file)).size).toBeGreaterThan(20_000);
      }
    });

    test(`screenshot with larger text (${viewport.width}×${viewport.height})`, async ({
      page,
      host,
    }) => {
      await mkdir(OUT, { recursive: true });
      await openStoppedPlayer(page, host.url);
      const menu = button(page, 'Accessibility');
      await menu.click();
      await button(page, 'Larger text').click();
      await expect(button(page, 'Larger text')).toHaveAttribute('aria-pressed', 'true');
      await menu.click();
      await expect(page.locator('main')).toHaveClass(/is-large-text/);
      // The longest slide, in the language whose words run longest.
      await button(page, UI.de.name).click();
      await expectSlide(page, 1, 'de');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.mouse.move(viewport.width / 2, viewport.height / 2);
      await page.evaluate(async () => {
        await document.fonts.ready;
        await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
      });
      const file = path.join(OUT, `${orientation}-large-text.png`);
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      expect((await stat(file)).size).toBeGreaterThan(20_000);
    });
  });
}
