/**
 * Right-to-left: with Arabic enabled the player mirrors, its own labels speak Arabic, and text
 * that falls back to another language keeps its own direction (".Mornings only" must not happen).
 */
import { spawn } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { setPin } from './admin-helpers';
import { openPlaylist } from './admin-playlists-helpers';
import {
  DEFAULT_SETTINGS,
  expect,
  idleDialog,
  LANDSCAPE,
  openPlayer,
  openPlayerOnFakeClock,
  skipAnimations,
  test,
} from './helpers';

const ROOT = path.resolve(import.meta.dirname, '..');

test.use({ settings: { enabledLanguages: ['en', 'fr', 'nl', 'de', 'ar'] } });

/** The player's control names in Arabic (renderer/src/i18n/strings.ts). */
const AR = {
  next: 'الشريحة التالية',
  previous: 'الشريحة السابقة',
  start: 'تشغيل العرض التلقائي للشرائح',
  slides: 'الشرائح',
  language: 'اللغة',
  accessibility: 'إمكانية الوصول',
  largerText: 'نص أكبر',
  stillThere: 'هل ما زلت هنا؟',
  continue: 'متابعة',
  important: 'رسالة مهمة',
};

/**
 * Whether the element's last character is drawn after the one before it, reading left to
 * right: true for "Mornings only." shown as written, false for ".Mornings only".
 */
async function endsOnTheRight(element: Locator): Promise<boolean> {
  return element.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let last: Text | undefined;
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      if (node.data.trim() !== '') last = node;
    }
    if (!last) throw new Error('no text');
    const end = last.data.trimEnd().length;
    const rectOf = (from: number) => {
      const range = document.createRange();
      range.setStart(last, from);
      range.setEnd(last, from + 1);
      return range.getBoundingClientRect();
    };
    return rectOf(end - 1).x > rectOf(end - 2).x;
  });
}

/** Choose Arabic on the player. */
async function chooseArabic(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
}

test('a right-to-left language mirrors the player; English fallbacks keep their direction', async ({
  page,
  host,
}) => {
  await openPlayer(page, host.url);
  await chooseArabic(page);
  // No Arabic text in the default content yet: slides fall back to English, and say so.
  const slide = page.locator('.carousel__slide');
  const title = page.getByRole('heading', { level: 2, name: 'About us' });
  await expect(title).toHaveAttribute('lang', 'en');
  await expect(title).toHaveAttribute('dir', 'ltr');
  for (const part of [slide.locator('.slide__lead'), slide.locator('.slide__body')]) {
    await expect(part).toHaveAttribute('lang', 'en');
    await expect(part).toHaveAttribute('dir', 'ltr');
  }
  // The full stop stays at the end of the English sentences, on the right.
  await expect(slide.locator('.slide__body p').last()).toHaveText(/\.$/);
  expect(await endsOnTheRight(slide.locator('.slide__body p').last())).toBe(true);

  const art = await page.locator('.slide__art').boundingBox();
  const text = await page.locator('.slide__text').boundingBox();
  expect(art!.x).toBeGreaterThan(text!.x); // artwork on the right, text on the left
  const controls = await page.locator('.controls').boundingBox();
  expect(controls!.x + controls!.width).toBeLessThanOrEqual(art!.x + 1); // under the text
  // ArrowLeft moves forward in a right-to-left layout.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { level: 2, name: 'Open for innovation' })).toBeVisible();
});

test('the player’s own controls have Arabic names', async ({ page, host }) => {
  await openPlayer(page, host.url);
  await chooseArabic(page);
  const main = page.getByRole('main');
  await expect(main).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('button', { name: AR.next, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: AR.previous, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: AR.start, exact: true })).toBeVisible();
  await expect(page.getByRole('tablist', { name: AR.slides })).toBeVisible();
  await expect(page.getByRole('group', { name: AR.language })).toBeVisible();
  await expect(page.locator('[aria-roledescription="slide"]')).toHaveAttribute(
    'aria-label',
    /^1 من 4$/,
  );
  const menu = page.getByRole('button', { name: AR.accessibility });
  await menu.click();
  await expect(page.getByRole('button', { name: AR.largerText })).toHaveAttribute('dir', 'rtl');
  // Nothing of the player's own words is left in English.
  await expect(page.getByRole('button', { name: /Next|Previous|Accessibility/ })).toHaveCount(0);
});

test('the idle dialog asks in Arabic, right to left', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await chooseArabic(page);
  await page.clock.runFor(DEFAULT_SETTINGS.idleTimeoutSec * 1000 + 500);
  const dialog = idleDialog(page);
  await expect(dialog).toHaveAccessibleName(AR.stillThere);
  await expect(dialog).toHaveAttribute('lang', 'ar');
  await expect(dialog).toHaveAttribute('dir', 'rtl');
  await expect(dialog).toContainText('ستبدأ الشاشة من جديد');
  // The question mark ends the question, on its left.
  expect(await endsOnTheRight(dialog.getByRole('heading'))).toBe(false);
  await dialog.getByRole('button', { name: AR.continue }).click();
  await expect(dialog).toHaveCount(0);
});

test('the emergency message reads in Arabic; its English fallback keeps its direction', async ({
  page,
  host,
}) => {
  await skipAnimations(page);
  await openPlayer(page, host.url);
  await chooseArabic(page);
  const child = spawn(process.execPath, [
    path.join(ROOT, 'bin/openness-kiosk.mjs'),
    'alert',
    '--data',
    host.dataDir,
    '--text-en',
    'Open mornings only.',
  ]);
  expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  const notice = page.getByRole('alertdialog', { name: AR.important });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('.emergency')).toHaveAttribute('dir', 'rtl');
  await expect(notice.getByRole('heading')).toHaveAttribute('dir', 'rtl');
  const message = notice.getByText('Open mornings only.');
  await expect(message).toHaveAttribute('lang', 'en');
  await expect(message).toHaveAttribute('dir', 'ltr');
  expect(await endsOnTheRight(message)).toBe(true);
  await expect(notice.getByRole('group', { name: AR.language })).toBeVisible();
});

test('the admin’s Arabic text fields are right to left', async ({ page, host }) => {
  await setPin(host.dataDir);
  await openPlaylist(page, host.url);
  const arabic = page.getByRole('group', { name: /^العربية/ });
  const fields = arabic.getByRole('textbox');
  expect(await fields.count()).toBeGreaterThanOrEqual(4); // title, lead, body, alt text
  for (const field of await fields.all()) await expect(field).toHaveAttribute('dir', 'rtl');
  const english = page.getByRole('group', { name: /^English/ }).getByRole('textbox');
  for (const field of await english.all()) await expect(field).toHaveAttribute('dir', 'ltr');

  const card = page.getByRole('region', { name: 'Emergency message' });
  await card.getByRole('button', { name: 'Write a message' }).click();
  await expect(card.getByLabel('Message in العربية (optional)')).toHaveAttribute('dir', 'rtl');
  await expect(card.getByLabel('Message in English (required)')).toHaveAttribute('dir', 'ltr');
});

test.describe('screenshot', () => {
  test.use({ viewport: LANDSCAPE });

  test('the Arabic player, for the docs', async ({ page, host }) => {
    const out = path.resolve(ROOT, 'docs/screenshots');
    await mkdir(out, { recursive: true });
    await skipAnimations(page);
    await openPlayer(page, host.url);
    await chooseArabic(page);
    // Choosing a language stopped the rotation: the first slide stays.
    await expect(page.getByRole('button', { name: AR.start })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'About us' })).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(LANDSCAPE.width / 2, LANDSCAPE.height / 2);
    await page.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
    });
    const file = path.join(out, 'landscape-ar-1-intro.png');
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    expect((await stat(file)).size).toBeGreaterThan(20_000);
  });
});
