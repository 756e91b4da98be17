/**
 * The overlap matrix: every slide of the default content, in every language, in landscape and
 * portrait, at normal size, with larger text and with controls within reach. No line of text
 * meets a control (buttons, tabs, language bar, accessibility button, the attract hint), the
 * announcement band or a slide's QR code; the band and the QR code meet no control; nothing is
 * clipped, nothing scrolls, and words broken over two lines break at a hyphen. Without the band
 * (as shipped), and with it (and its clock) at the top and at the bottom.
 */
import type { Page } from '@playwright/test';
import {
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
  test,
  UI,
  type Lang,
  type SettingsOverride,
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
function problems(report: LayoutReport, viewport: { width: number; height: number }): string[] {
  const found: string[] = [];
  for (const line of report.lines) {
    for (const control of [...report.controls, ...report.figures]) {
      if (overlaps(line, control)) found.push(`text ${line.name} under ${control.name}`);
    }
  }
  // The band and QR codes meet no control and each other not, and stay on screen.
  for (const [i, figure] of report.figures.entries()) {
    for (const control of [...report.controls, ...report.figures.slice(i + 1)]) {
      if (overlaps(figure, control)) found.push(`${figure.name} under ${control.name}`);
    }
    if (!insideViewport(figure, viewport)) found.push(`${figure.name} off the screen`);
  }
  found.push(...report.clipped.map((c) => `clipped: ${c}`));
  found.push(...report.overflowing.map((o) => `overflow: ${o}`));
  found.push(...report.unhyphenated.map((w) => `broken without a hyphen: ${w}`));
  if (report.documentScrolls) found.push('the document scrolls');
  return found;
}

/** The announcement band with its clock, at either edge, with a long announcement in each language. */
function bandAt(position: 'top' | 'bottom'): SettingsOverride {
  return {
    band: {
      enabled: true,
      clock: true,
      position,
      motion: 'rotate',
      announcements: [
        {
          text: {
            en: 'The consular section is closed on 25 and 26 December; visa appointments resume on 28 December.',
            fr: 'La section consulaire est fermée les 25 et 26 décembre ; les rendez-vous visa reprennent le 28 décembre.',
            nl: 'De consulaire afdeling is gesloten op 25 en 26 december; visumafspraken hervatten op 28 december.',
            de: 'Die Konsularabteilung ist am 25. und 26. Dezember geschlossen; Visatermine ab dem 28. Dezember.',
          },
        },
        { text: { en: 'Open day on Saturday' } },
      ],
    },
  };
}

/** The matrix runs without the band (as shipped) and with it at the top and at the bottom. */
const BANDS = {
  'no band': undefined,
  'band at the top': bandAt('top'),
  'band at the bottom': bandAt('bottom'),
} as const;

for (const [orientation, viewport] of Object.entries(ORIENTATIONS))
  for (const [bandName, settings] of Object.entries(BANDS)) {
    test.describe(`${orientation}, ${bandName}`, () => {
      test.use({ viewport, settings });

      test(`no text meets a control, the band or a QR code, nothing clipped or scrolling (${viewport.width}×${viewport.height})`, async ({
        page,
        host,
      }) => {
        test.setTimeout(300_000);
        await skipAnimations(page);
        await openPlayer(page, host.url);
        // The band and the QR code load on demand, just after the first slide.
        if (settings) await expect(page.locator('.band')).toBeVisible({ timeout: 20_000 });
        await expect(page.locator('.qr-code:visible')).toBeVisible({ timeout: 20_000 });

        // The attract loop as a passer-by sees it: the hint shows and covers no text.
        await expect(page.getByText('Touch to explore')).toBeVisible();
        await expectSlide(page, 1);
        const attract = await measureLayout(page);
        expect(attract.controls.map((c) => c.name)).toContainEqual(
          expect.stringContaining('Touch to explore'),
        );
        expect(problems(attract, viewport), `${orientation}, ${bandName}, attract loop`).toEqual(
          [],
        );

        await button(page, UI.en.stop).click();
        // Words that broke at a hyphen, per language: hyphenation must work in each of them.
        const hyphenated = new Map<Lang, Set<string>>(LANGS.map((lang) => [lang, new Set()]));
        for (const [mode, options] of Object.entries(MODES)) {
          await chooseMode(page, options);
          for (const lang of LANGS as readonly Lang[]) {
            await button(page, UI[lang].name).click();
            await expect(page.locator('html')).toHaveAttribute('lang', lang);
            for (let n = 1; n <= SLIDES.length; n++) {
              await showSlide(page, n, lang);
              // Fitting and hyphenation settle in a frame or two after the slide arrives.
              await expect
                .poll(async () => problems(await measureLayout(page), viewport), {
                  message: `${orientation}, ${bandName}, ${mode}, ${lang}, slide ${n}`,
                  timeout: 5_000,
                })
                .toEqual([]);
              for (const word of (await measureLayout(page)).hyphenated) {
                hyphenated.get(lang)!.add(word);
              }
            }
          }
        }
        const counts = Object.fromEntries(
          [...hyphenated].map(([lang, words]) => [lang, words.size]),
        );
        for (const lang of LANGS) {
          expect(
            counts[lang],
            `words broken at a hyphen: ${JSON.stringify(counts)}`,
          ).toBeGreaterThan(0);
        }
      });
    });
  }
