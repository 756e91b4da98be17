/**
 * UI-CONTRACT.md, Player, Languages: the "Language" group, <html lang>, translated slides and
 * controls; and no text overflowing its slide in any language, landscape or portrait.
 */
import type { Page } from '@playwright/test';
import {
  allSlides,
  button,
  expect,
  expectSlide,
  insideViewport,
  LANGS,
  openPlayer,
  ORIENTATIONS,
  overlaps,
  showSlide,
  skipAnimations,
  SLIDES,
  tablist,
  tabs,
  test,
  UI,
  type Lang,
  type Rect,
} from './helpers';

test('a group named "Language" holds one button per language, in its own name', async ({
  page,
  host,
}) => {
  await openPlayer(page, host.url);
  const group = page.getByRole('group', { name: 'Language', exact: true });
  await expect(group).toBeVisible();
  await expect(group.getByRole('button')).toHaveText([
    'English',
    'Français',
    'Nederlands',
    'Deutsch',
  ]);
  for (const lang of LANGS) {
    await expect(group.getByRole('button', { name: UI[lang].name, exact: true })).toBeVisible();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(button(page, 'English')).toHaveAttribute('aria-pressed', 'true');
});

for (const lang of LANGS) {
  test(`choosing ${UI[lang].name} sets <html lang="${lang}"> and translates slides and controls`, async ({
    page,
    host,
  }) => {
    await skipAnimations(page);
    await openPlayer(page, host.url);
    // Start from another language, so nothing passes by staying in English.
    const other: Lang = lang === 'de' ? 'fr' : 'de';
    await button(page, UI[other].name).click();
    await expect(page.locator('html')).toHaveAttribute('lang', other);
    await button(page, UI[lang].name).click();

    const t = UI[lang];
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const l of LANGS) {
      await expect(button(page, UI[l].name)).toHaveAttribute('aria-pressed', String(l === lang));
    }
    await expect(page.getByRole('group', { name: t.language, exact: true })).toBeVisible();
    await expect(button(page, t.next)).toBeVisible();
    await expect(button(page, t.previous)).toBeVisible();
    await expect(button(page, t.start)).toBeVisible(); // clicking a language stopped the show
    await button(page, t.start).click();
    await expect(button(page, t.stop)).toBeVisible();
    await expect(tablist(page, t.slides)).toBeVisible();
    await expect(tabs(page)).toHaveText(['', '', '', '']);
    for (let i = 0; i < SLIDES.length; i++) {
      await expect(tabs(page).nth(i)).toHaveAccessibleName(SLIDES[i]!.title[lang]!);
    }
    for (let n = 1; n <= SLIDES.length; n++) {
      await expectSlide(page, n, lang);
      await expect(allSlides(page).getByRole('heading', { level: 2 })).toHaveAttribute(
        'lang',
        lang,
      );
      await button(page, t.next).click();
    }
    await expectSlide(page, 1, lang);
    if (lang !== 'en') {
      // Nothing English is left on the controls.
      await expect(button(page, UI.en.next)).toHaveCount(0);
      await expect(page.getByRole('group', { name: 'Language', exact: true })).toHaveCount(0);
    }
  });
}

test('the French controls read "Diapositive suivante" and the group "Langue"', async ({
  page,
  host,
}) => {
  await openPlayer(page, host.url);
  await button(page, 'Français').click();
  await expect(page.getByRole('button', { name: 'Diapositive suivante' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Langue' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'À propos de nous' })).toBeVisible();
});

/**
 * Everything in the slide that overflows its box, and where the text sits.
 *
 * An element that clips (overflow other than visible) must hold all its content. Any other element
 * must not be wider than its box; vertically it may only exceed its box by the glyphs' ascent and
 * descent beyond a tight line-height (0.15 em), which is drawn, not cut off.
 */
async function measureSlide(page: Page) {
  return page.evaluate(() => {
    const slide = document.querySelector('[aria-roledescription="slide"]')!;
    const overflowing: string[] = [];
    for (const el of [slide, ...slide.querySelectorAll('*')]) {
      if (!(el instanceof HTMLElement)) continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      const slack = clips ? 1 : 1 + 0.15 * parseFloat(style.fontSize);
      if (el.scrollHeight > el.clientHeight + slack || el.scrollWidth > el.clientWidth + 1) {
        overflowing.push(
          `${el.tagName}.${el.className} scroll ${el.scrollWidth}×${el.scrollHeight} ` +
            `client ${el.clientWidth}×${el.clientHeight}`,
        );
      }
    }
    // Every line of text must lie inside the box of the text block that clips it.
    for (const block of slide.querySelectorAll('.slide__text, .slide__caption')) {
      const outer = block.getBoundingClientRect();
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const out = [...range.getClientRects()].some(
          (r) => r.top < outer.top - 1 || r.bottom > outer.bottom + 1 || r.right > outer.right + 1,
        );
        if (out) overflowing.push(`text "${node.textContent.slice(0, 30)}…" outside its block`);
      }
    }
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    // The text itself: the union of the text block's children (its padding is room for bars).
    const texts = [...slide.querySelectorAll('.slide__text, .slide__caption')];
    const blocks = texts.map((block) => {
      const parts = [...block.children].map((c) => c.getBoundingClientRect());
      const x = Math.min(...parts.map((r) => r.left));
      const y = Math.min(...parts.map((r) => r.top));
      const right = Math.max(...parts.map((r) => r.right));
      const bottom = Math.max(...parts.map((r) => r.bottom));
      return { x, y, width: right - x, height: bottom - y };
    });
    return {
      overflowing,
      blocks,
      scrollable: slide.querySelectorAll('.is-scrollable').length,
      controls: box(document.querySelector('.controls')),
      topbar: box(document.querySelector('.topbar')),
    };
  });
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(`${orientation} ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    for (const lang of LANGS) {
      test(`no text overflows any slide in ${UI[lang].name}`, async ({ page, host }) => {
        await skipAnimations(page);
        await openPlayer(page, host.url);
        await button(page, UI[lang].name).click();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        for (let n = 1; n <= SLIDES.length; n++) {
          await showSlide(page, n, lang);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          const m = await measureSlide(page);
          const where = `${orientation} ${lang} slide ${n}`;
          expect(m.overflowing, `${where}: elements overflow`).toEqual([]);
          expect(m.scrollable, `${where}: text needed a scrollbar`).toBe(0);
          expect(m.blocks.length, `${where}: a text block`).toBeGreaterThan(0);
          for (const block of m.blocks) {
            expect(insideViewport(block, viewport), `${where}: text inside the screen`).toBe(true);
            expect(overlaps(block, m.controls as Rect), `${where}: text under controls`).toBe(
              false,
            );
            expect(overlaps(block, m.topbar as Rect), `${where}: text under the top bar`).toBe(
              false,
            );
          }
        }
      });
    }
  });
}
