/**
 * Accessibility: axe-core finds nothing in any state of the player, the visitor options work,
 * and touch targets are large. (Kiosk guards: kiosk-guards.spec.ts.)
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  button,
  controls,
  DEFAULT_SETTINGS,
  expect,
  expectSlide,
  idleDialog,
  LANGS,
  openAccessibilityPanel,
  openPlayer,
  openPlayerOnFakeClock,
  ORIENTATIONS,
  showSlide,
  skipAnimations,
  SLIDES,
  test,
  UI,
} from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Run axe on the whole page and expect no violations, naming the state in the message. */
async function expectNoViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations ${state}`).toEqual([]);
}

/** Open the visitor accessibility panel (if closed) and press one of its toggles. */
async function toggleOption(page: Page, name: string): Promise<void> {
  await openAccessibilityPanel(page);
  await button(page, name).click();
}

test.describe('axe-core', () => {
  test.beforeEach(async ({ page }) => skipAnimations(page));

  test('no violations on the first slide and after moving to each slide', async ({
    page,
    host,
  }) => {
    await openPlayer(page, host.url);
    await expectSlide(page, 1);
    await expectNoViolations(page, 'on the first slide (rotating)');
    for (let n = 2; n <= SLIDES.length; n++) {
      await button(page, UI.en.next).click();
      await expectSlide(page, n);
      await expectNoViolations(page, `on slide ${n}`);
    }
  });

  test('no violations in each language', async ({ page, host }) => {
    await openPlayer(page, host.url);
    for (const lang of LANGS) {
      await button(page, UI[lang].name).click();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expectNoViolations(page, `in ${lang}`);
    }
  });

  test('no violations with each visitor option on, and with the panel open', async ({
    page,
    host,
  }) => {
    await openPlayer(page, host.url);
    await openAccessibilityPanel(page);
    await expectNoViolations(page, 'with the accessibility panel open');
    await toggleOption(page, 'High contrast');
    await expect(page.locator('main')).toHaveClass(/is-high-contrast/);
    await expectNoViolations(page, 'with high contrast');
    await showSlide(page, 4);
    await expectNoViolations(page, 'with high contrast on slide 4');
    await toggleOption(page, 'Larger text');
    await toggleOption(page, 'Controls within reach');
    await expectNoViolations(page, 'with all three options');
  });

  test('no violations with the idle dialog open', async ({ page, host }) => {
    await openPlayerOnFakeClock(page, host.url);
    await button(page, UI.en.next).click();
    await page.clock.runFor(DEFAULT_SETTINGS.idleTimeoutSec * 1000 + 500);
    await expect(idleDialog(page)).toBeVisible();
    // axe waits on timers of its own: let time flow again (the countdown has 20 s to go).
    await page.clock.resume();
    await expectNoViolations(page, 'with the idle dialog open');
    await expect(idleDialog(page)).toBeVisible();
  });
});

test('the "Accessibility" button discloses three toggle buttons', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const menu = button(page, 'Accessibility');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(button(page, 'Larger text')).toHaveCount(0);
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['Larger text', 'High contrast', 'Controls within reach']) {
    await expect(button(page, name)).toHaveAttribute('aria-pressed', 'false');
    await button(page, name).click();
    await expect(button(page, name)).toHaveAttribute('aria-pressed', 'true');
  }
  await button(page, 'High contrast').click();
  await expect(button(page, 'High contrast')).toHaveAttribute('aria-pressed', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(button(page, 'Larger text')).toHaveCount(0);
});

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test(`"Larger text" makes the text of every slide bigger (${orientation})`, async ({
    page,
    host,
  }) => {
    await page.setViewportSize(viewport);
    await skipAnimations(page);
    await openPlayer(page, host.url);
    const sizes = () =>
      page.evaluate(() =>
        ['.slide__title', '.slide__body p'].map((s) =>
          parseFloat(getComputedStyle(document.querySelector(s)!).fontSize),
        ),
      );
    for (let n = 1; n <= SLIDES.length; n++) {
      await showSlide(page, n);
      const before = await sizes();
      await toggleOption(page, 'Larger text');
      await expect(page.locator('main')).toHaveClass(/is-large-text/);
      await page.evaluate(() => new Promise(requestAnimationFrame));
      const after = await sizes();
      expect
        .soft(after[0], `slide ${n} title: ${before[0]}px → ${after[0]}px`)
        .toBeGreaterThan(before[0]! * 1.1);
      expect
        .soft(after[1], `slide ${n} body: ${before[1]}px → ${after[1]}px`)
        .toBeGreaterThan(before[1]! * 1.1);
      await toggleOption(page, 'Larger text');
      await expect(page.locator('main')).not.toHaveClass(/is-large-text/);
    }
  });
}

test('"High contrast" changes the colours', async ({ page, host }) => {
  await openPlayer(page, host.url);
  const colours = () =>
    page.evaluate(() => {
      const get = (s: string) => getComputedStyle(document.querySelector(s)!);
      return {
        slide: get('.slide').backgroundColor,
        body: get('.slide__body p').color,
        next: get('button[aria-label="Next slide"]').borderColor,
      };
    });
  const before = await colours();
  await toggleOption(page, 'High contrast');
  await expect(page.locator('main')).toHaveClass(/is-high-contrast/);
  const after = await colours();
  expect(after.slide).not.toBe(before.slide);
  expect(after.body).not.toBe(before.body);
  expect(after.next).not.toBe(before.next);
  expect(after).toEqual({
    slide: 'rgb(0, 0, 0)',
    body: 'rgb(255, 255, 255)',
    next: expect.any(String),
  });
});

for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
  test.describe(`${orientation}`, () => {
    test.use({ viewport });

    test('"Controls within reach" puts every control in the lower third', async ({
      page,
      host,
    }) => {
      await openPlayer(page, host.url);
      await toggleOption(page, 'Controls within reach');
      await button(page, 'Accessibility').click(); // close the panel again
      await expect(button(page, 'Larger text')).toHaveCount(0);
      const boxes = await controls(page).evaluateAll((els) =>
        els.map((el) => ({
          name: el.getAttribute('aria-label') ?? el.textContent,
          top: el.getBoundingClientRect().top,
        })),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(12);
      const high = boxes.filter((b) => b.top < (viewport.height * 2) / 3);
      expect(high, 'controls above the lower third').toEqual([]);
    });

    test('"Controls within reach" keeps the open panel’s toggles in the lower third', async ({
      page,
      host,
    }) => {
      await openPlayer(page, host.url);
      await toggleOption(page, 'Controls within reach');
      await expect(button(page, 'Larger text')).toBeVisible();
      const boxes = await controls(page).evaluateAll((els) =>
        els.map((el) => ({
          name: el.getAttribute('aria-label') ?? el.textContent,
          top: Math.round(el.getBoundingClientRect().top),
        })),
      );
      const high = boxes.filter((b) => b.top < (viewport.height * 2) / 3);
      expect(high, `controls above y=${(viewport.height * 2) / 3}`).toEqual([]);
    });

    test('every button and tab is at least 60×60 px', async ({ page, host }) => {
      await openPlayer(page, host.url);
      await openAccessibilityPanel(page);
      const sizes = await controls(page).evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { name: el.getAttribute('aria-label') ?? el.textContent, w: r.width, h: r.height };
        }),
      );
      expect(sizes.length).toBeGreaterThanOrEqual(15);
      expect(sizes.filter((s) => s.w < 60 || s.h < 60)).toEqual([]);
    });
  });
}

test('the idle dialog’s button is large enough too', async ({ page, host }) => {
  await openPlayerOnFakeClock(page, host.url);
  await button(page, UI.en.next).click();
  await page.clock.runFor(DEFAULT_SETTINGS.idleTimeoutSec * 1000 + 500);
  const box = await idleDialog(page).getByRole('button', { name: UI.en.continue }).boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(60);
  expect(box!.height).toBeGreaterThanOrEqual(60);
});
