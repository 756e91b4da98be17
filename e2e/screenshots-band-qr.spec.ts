/**
 * Screenshots for the docs: the announcement band with its clock, and a slide with its QR code
 * (animations skipped, webfont in, rotation stopped, the clock at a fixed time).
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { button, expect, LANDSCAPE, openStoppedPlayer, test, UI } from './helpers';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');

async function still(page: Page, file: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
  });
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  expect((await stat(file)).size).toBeGreaterThan(20_000);
}

test.describe('band and clock', () => {
  test.use({
    viewport: LANDSCAPE,
    settings: {
      timeZone: 'Europe/Brussels',
      band: {
        enabled: true,
        clock: true,
        position: 'top',
        motion: 'rotate',
        announcements: [
          {
            text: {
              en: 'The consular section is closed on 25 December',
              fr: 'La section consulaire est fermée le 25 décembre',
              nl: 'De consulaire afdeling is gesloten op 25 december',
              de: 'Die Konsularabteilung ist am 25. Dezember geschlossen',
            },
          },
        ],
      },
    },
  });

  test('screenshot of the band and clock, in French', async ({ page, host }) => {
    await mkdir(OUT, { recursive: true });
    await page.clock.setFixedTime(Date.parse('2026-12-23T13:05:00Z'));
    await openStoppedPlayer(page, host.url);
    await button(page, UI.fr.name).click();
    const band = page.getByRole('region', { name: 'Annonces' });
    await expect(band).toContainText('La section consulaire est fermée le 25 décembre', {
      timeout: 20_000,
    });
    await expect(band).toContainText('mercredi 23 décembre');
    await expect(page.getByRole('img', { name: /^https:/ })).toBeVisible({ timeout: 20_000 });
    await still(page, path.join(OUT, 'landscape-band-clock.png'));
  });
});

test.describe('QR code', () => {
  test.use({ viewport: LANDSCAPE });

  test('screenshot of a slide with its QR code', async ({ page, host }) => {
    await mkdir(OUT, { recursive: true });
    await openStoppedPlayer(page, host.url);
    const code = page.getByRole('img', { name: /^https:/ });
    await expect(code).toBeVisible({ timeout: 20_000 });
    const file = path.join(OUT, 'landscape-qr-code.png');
    await still(page, file);
  });
});
