/**
 * The overlap matrix: every slide of the default content, in every language, in landscape and
 * portrait, at normal size, with larger text and with controls within reach. No line of text
 * meets a control (buttons, tabs, language bar, accessibility button, the attract hint), nothing
 * is clipped, nothing scrolls, and words broken over two lines break at a hyphen.
 */
import type { Page } from '@playwright/test';
import {
  button,
  expect,
  expectSlide,
  LANGS,
  openPlayer,
  ORIENTATIONS,
  overlaps,
  skipAnimations,
  SLIDES,
  tabs,
  test,
  UI,
  type Lang,
} from './helpers';
import { measureLayout, type LayoutReport } from './layout-measure';

/** The accessibility options, by their English names. */
const MODES = {
  normal: [],
  'larger text': ['Larger text'],
  'controls within reach': ['Controls within reach'],
} as const;

/** Choose the options (in English), then close the panel: it is a menu, not part of the page. */
async function chooseMode(page: Page, options: readonly string[]): Promise<void> {
  await button(page, UI.en.name).click();
  const menu = button(page, 'Accessibility');
  await menu.click();
  for (const name of ['Larger text', 'High contrast', 'Controls within reach']) {
    const toggle = button(page, name);
    const wanted = String(options.includes(name));
    if ((await toggle.getAttribute('aria-pressed')) !== wanted) await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', wanted);
  }
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
}

/** Everything wrong with one state, as readable lines (empty when all is well). */
function problems(report: LayoutReport): string[] {
  const found: string[] = [];
  for (const line of report.lines) {
    for (const control of report.controls) {
      if (overlaps(line, control)) found.push(`text ${line.name} under ${control.name}`);
    }
  }
  found.push(...report.clipped.map((c) => `clipped: ${c}`));
  found.push(...report.overflowing.map((o) => `overflow: ${o}`));
  found.push(...report.unhyphenated.map((w) => `broken without a hyphen: ${w}`));
  if (report.documentScrolls) found.push('the document scrolls');
  return found;
}

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(orientation, () => {
    test.use({ viewport });

    test(`no text meets a control, nothing clipped or scrolling (${viewport.width}×${viewport.height})`, async ({
      page,
      host,
    }) => {
      test.setTimeout(240_000);
      await skipAnimations(page);
      await openPlayer(page, host.url);

      // The attract loop as a passer-by sees it: the hint shows and covers no text.
      await expect(page.getByText('Touch to explore')).toBeVisible();
      await expectSlide(page, 1);
      const attract = await measureLayout(page);
      expect(attract.controls.map((c) => c.name)).toContainEqual(
        expect.stringContaining('Touch to explore'),
      );
      expect(problems(attract), `${orientation} attract loop`).toEqual([]);

      await button(page, UI.en.stop).click();
      // Words that broke at a hyphen, per language: hyphenation must work in each of them.
      const hyphenated = new Map<Lang, Set<string>>(LANGS.map((lang) => [lang, new Set()]));
      for (const [mode, options] of Object.entries(MODES)) {
        await chooseMode(page, options);
        for (const lang of LANGS as readonly Lang[]) {
          await button(page, UI[lang].name).click();
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          for (let n = 1; n <= SLIDES.length; n++) {
            await tabs(page)
              .nth(n - 1)
              .click();
            await expectSlide(page, n, lang);
            // Fitting and hyphenation settle in a frame or two after the slide arrives.
            await expect
              .poll(async () => problems(await measureLayout(page)), {
                message: `${orientation}, ${mode}, ${lang}, slide ${n}`,
                timeout: 5_000,
              })
              .toEqual([]);
            for (const word of (await measureLayout(page)).hyphenated) {
              hyphenated.get(lang)!.add(word);
            }
          }
        }
      }
      const counts = Object.fromEntries([...hyphenated].map(([lang, words]) => [lang, words.size]));
      for (const lang of LANGS) {
        expect(counts[lang], `words broken at a hyphen: ${JSON.stringify(counts)}`).toBeGreaterThan(
          0,
        );
      }
    });
  });
}
