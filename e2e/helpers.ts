/**
 * Shared helpers for the player specs: the shipped content, locators named as in UI-CONTRACT.md,
 * a host that starts with chosen settings, and a few measurements made in the page.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CDPSession, Locator, Page } from '@playwright/test';
import type { ContentFile, Settings } from '#core/schema';
import { expect, skipAnimations, startHost, stopHost, test as base, type Host } from './fixtures';

export { expect, skipAnimations, startHost, stopHost, type Host } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');

interface ShippedSlide {
  id: string;
  durationMs: number;
  title: Record<string, string>;
}
const content = JSON.parse(
  readFileSync(path.join(ROOT, 'assets/content/content.json'), 'utf8'),
) as { playlists: { slides: ShippedSlide[] }[] };

/** The default settings shipped with the kiosk. */
export const DEFAULT_SETTINGS = JSON.parse(
  readFileSync(path.join(ROOT, 'assets/content/settings.json'), 'utf8'),
) as {
  idleTimeoutSec: number;
  countdownSec: number;
  defaultLanguage: string;
  enabledLanguages: string[];
  hideCursor: boolean;
  reducedMotion: 'system' | 'always';
};

/** The shipped slides, in order. */
export const SLIDES = content.playlists[0]!.slides;
export const LANGS = ['en', 'fr', 'nl', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** The UI labels the contract names, in each language. */
export interface UiLabels {
  name: string;
  next: string;
  previous: string;
  stop: string;
  start: string;
  slides: string;
  language: string;
  of: string;
  continue: string;
}
export const UI: Record<Lang, UiLabels> = {
  en: {
    name: 'English',
    next: 'Next slide',
    previous: 'Previous slide',
    stop: 'Stop automatic slide show',
    start: 'Start automatic slide show',
    slides: 'Slides',
    language: 'Language',
    of: 'of',
    continue: 'Continue',
  },
  fr: {
    name: 'Français',
    next: 'Diapositive suivante',
    previous: 'Diapositive précédente',
    stop: 'Arrêter le défilement automatique',
    start: 'Lancer le défilement automatique',
    slides: 'Diapositives',
    language: 'Langue',
    of: 'sur',
    continue: 'Continuer',
  },
  nl: {
    name: 'Nederlands',
    next: 'Volgende dia',
    previous: 'Vorige dia',
    stop: 'Automatische diavoorstelling stoppen',
    start: 'Automatische diavoorstelling starten',
    slides: 'Dia’s',
    language: 'Taal',
    of: 'van',
    continue: 'Doorgaan',
  },
  de: {
    name: 'Deutsch',
    next: 'Nächste Folie',
    previous: 'Vorherige Folie',
    stop: 'Automatische Diashow anhalten',
    start: 'Automatische Diashow starten',
    slides: 'Folien',
    language: 'Sprache',
    of: 'von',
    continue: 'Weiter',
  },
};

export const LANDSCAPE = { width: 1920, height: 1080 };
export const PORTRAIT = { width: 1080, height: 1920 };
export const ORIENTATIONS = { landscape: LANDSCAPE, portrait: PORTRAIT } as const;

/** Settings written into the data folder before the host starts (merged over the defaults). */
export type SettingsOverride = Partial<Settings>;

/**
 * The fixtures' test, plus `settings` and `content` options: `test.use({ settings: { hideCursor:
 * true } })` makes the host start on a data folder whose settings.json already holds those
 * values; `content` is written as its content.json.
 */
export const test = base.extend<{
  settings: SettingsOverride | undefined;
  content: ContentFile | undefined;
  host: Host;
}>({
  settings: [undefined, { option: true }],
  content: [undefined, { option: true }],
  host: async ({ dataDir, settings, content }, use) => {
    if (settings) {
      const merged = { ...DEFAULT_SETTINGS, ...settings };
      await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(merged, null, 2));
    }
    if (content) {
      await writeFile(path.join(dataDir, 'content.json'), JSON.stringify(content, null, 2));
    }
    const host = await startHost(dataDir);
    try {
      await use(host);
    } finally {
      await stopHost(host);
    }
  },
});

// ---------- locators named as in the contract ----------

export const carousel = (page: Page) => page.locator('[aria-roledescription="carousel"]');
/** Every slide element in the DOM, including one that is leaving. */
export const allSlides = (page: Page) => page.locator('[aria-roledescription="slide"]');
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
export const tablist = (page: Page, name = 'Slides') => page.getByRole('tablist', { name });
export const tabs = (page: Page) => page.getByRole('tab');
export const idleDialog = (page: Page) => page.getByRole('alertdialog');

/** Assert that slide `n` (1-based) is the only slide, at rest, showing its title. */
export async function expectSlide(page: Page, n: number, lang: Lang = 'en'): Promise<void> {
  const total = SLIDES.length;
  const title = SLIDES[n - 1]!.title[lang]!;
  // First the wanted slide (moving waits for its pictures), then nothing else at rest.
  await expect(tabs(page).nth(n - 1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
  const slide = allSlides(page);
  await expect(slide).toHaveCount(1);
  await expect(slide).toBeVisible();
  await expect(slide).toHaveAttribute('aria-label', new RegExp(`^${n} ${UI[lang].of} ${total}\\b`));
  await expect(slide).toHaveRole('group');
  await expect(slide.getByRole('heading', { name: title, exact: true })).toBeVisible();
}

/** Choose slide `n` (1-based) by its tab, as a visitor does, and wait until it alone is at rest. */
export async function showSlide(page: Page, n: number, lang: Lang = 'en'): Promise<void> {
  await tabs(page)
    .nth(n - 1)
    .click();
  await expectSlide(page, n, lang);
}

/** Load the player and wait until the first slide and the webfont are in. */
export async function openPlayer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(carousel(page)).toBeVisible();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Load the player with every animation skipped and automatic rotation stopped: a still screen
 * for screenshots and checks that must not race the slide show.
 */
export async function openStoppedPlayer(page: Page, url: string): Promise<void> {
  await skipAnimations(page);
  await openPlayer(page, url);
  await button(page, UI.en.stop).click();
  await expect(button(page, UI.en.start)).toBeVisible();
}

/** A horizontal (or any) touch drag through the Chrome DevTools Protocol. */
export async function touchDrag(
  cdp: CDPSession,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 10,
): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A tap: touch start and end at one point. */
export async function touchTap(cdp: CDPSession, at: { x: number; y: number }): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A tap with one finger at the centre of an element's box, scrolled into view first. */
export async function tapElement(cdp: CDPSession, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to touch: the element has no box');
  await touchTap(cdp, {
    x: Math.round(box.x + box.width / 2),
    y: Math.round(box.y + box.height / 2),
  });
}

/** Hold the top-left corner for 3.1 s of fake time with a real touch, as a visitor's finger would. */
export async function holdCornerByTouch(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: [{ x: 12, y: 12 }],
  });
  await page.clock.runFor(3_100);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Open the visitor accessibility panel (English UI) if it is closed; resolves once it shows. */
export async function openAccessibilityPanel(page: Page): Promise<void> {
  const menu = button(page, 'Accessibility');
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await expect(button(page, 'Larger text')).toBeVisible();
}

/**
 * Wait until /api/health is not ok and lists the player's report of `path` (a slide it skipped)
 * with `message`.
 */
export async function expectPlayerReport(
  url: string,
  path: string,
  message: string,
): Promise<void> {
  await expect(async () => {
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health.ok).toBe(false);
    expect(health.problems).toContainEqual({ source: 'player', path, message });
  }).toPass({ timeout: 20_000 });
}

/** A point on the slide's text, away from every control. */
export async function slideTextPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.slide__title').boundingBox();
  if (!box) throw new Error('no slide title on screen');
  return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}

/** Every interactive control of the player (buttons, tabs, language buttons), visible. */
export function controls(page: Page): Locator {
  return page.locator('main button:visible, main [role="tab"]:visible');
}

/** A rectangle as the page reports it. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether two rectangles share any area. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `inner` lies inside the viewport of the given size (1 px tolerance). */
export function insideViewport(r: Rect, vp: { width: number; height: number }): boolean {
  return r.x >= -1 && r.y >= -1 && r.x + r.width <= vp.width + 1 && r.y + r.height <= vp.height + 1;
}

/**
 * Load the player on a fake clock (installed before the page loads), with every animation
 * skipped and reduced motion emulated, so timers are exact (see TOOLCHAIN.md).
 */
export async function openPlayerOnFakeClock(page: Page, url: string): Promise<void> {
  // Time stands still from before the page loads, so every timer it sets is exact.
  const start = Date.now();
  await page.clock.install({ time: start });
  await page.clock.pauseAt(start + 1_000);
  await skipAnimations(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openPlayer(page, url);
}
