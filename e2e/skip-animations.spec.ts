/**
 * UI-CONTRACT.md, Player, Motion (issue 20): with `window.__SKIP_ANIMATIONS__ === true` every
 * overlay is in its final state from the moment it is in the page: opacity 1, no transform, and
 * its button is what a pointer at the button's centre hits. Checked when the overlay is inserted
 * (a MutationObserver, before any animation frame) and again at rest, on a fake clock and in
 * real time with reduced motion, and by pressing the buttons with real pointer clicks.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  allSlides,
  button,
  DEFAULT_SETTINGS,
  expect,
  expectSlide,
  idleDialog,
  openAccessibilityPanel,
  openPlayer,
  showSlide,
  skipAnimations,
  test,
  UI,
} from './helpers';

/** What a pointer meets at an overlay: its effective opacity, transform, and the hit test. */
interface OverlayState {
  opacity: number;
  transform: string;
  /** `elementFromPoint` at the centre of the overlay's button lands on that button. */
  hitsButton: boolean;
}

/** Each overlay: its box, and the button inside it that a visitor or staff member presses. */
const OVERLAYS = {
  idleBackdrop: { box: '.backdrop', button: '.backdrop [role="alertdialog"] button' },
  idleDialog: {
    box: '.backdrop [role="alertdialog"]',
    button: '.backdrop [role="alertdialog"] button',
  },
  accessibilityPanel: { box: '.a11y__panel', button: '.a11y__panel button' },
  emergency: { box: 'section.emergency', button: 'section.emergency [role="alertdialog"] button' },
  emergencyDialog: {
    box: 'section.emergency [role="alertdialog"]',
    button: 'section.emergency [role="alertdialog"] button',
  },
  staffAccess: { box: '[role="dialog"]', button: '[role="dialog"] button' },
} as const;
type OverlayName = keyof typeof OVERLAYS;

const FINAL: OverlayState = { opacity: 1, transform: 'none', hitsButton: true };

/**
 * Before the app loads: record each overlay's state the moment it enters the page, and which
 * button (if any) each pointerdown reached.
 */
async function watchOverlays(page: Page): Promise<void> {
  await page.addInitScript((overlays) => {
    const measure = (name: keyof typeof overlays) => {
      const { box, button } = overlays[name];
      const element = document.querySelector(box);
      const target = document.querySelector(button);
      if (!element || !target) return undefined;
      let opacity = 1;
      for (let e: Element | null = element; e; e = e.parentElement) {
        opacity *= Number(getComputedStyle(e).opacity);
      }
      const r = target.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        opacity,
        transform: getComputedStyle(element).transform,
        hitsButton: !!hit && target.contains(hit),
      };
    };
    const seen: Record<string, unknown> = {};
    const presses: (string | null)[] = [];
    Object.assign(window, { __overlayNow: measure, __overlayAtInsert: seen, __presses: presses });
    const check = () => {
      for (const name of Object.keys(overlays) as (keyof typeof overlays)[]) {
        if (seen[name]) continue;
        const state = measure(name);
        if (state) seen[name] = state;
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
    window.addEventListener(
      'pointerdown',
      (event) => {
        const pressed = (event.target as Element).closest?.('button');
        presses.push(pressed ? (pressed.textContent ?? '').trim() : null);
      },
      { capture: true },
    );
  }, OVERLAYS);
}

/** An overlay's state when it entered the page, and now. */
async function overlayStates(page: Page, name: OverlayName) {
  return page.evaluate((name) => {
    const w = window as unknown as {
      __overlayNow(name: string): unknown;
      __overlayAtInsert: Record<string, unknown>;
    };
    return { atInsert: w.__overlayAtInsert[name], now: w.__overlayNow(name) };
  }, name);
}

/** Assert an overlay was final from its insertion on, and still is. */
async function expectFinalAtOnce(page: Page, ...names: OverlayName[]): Promise<void> {
  for (const name of names) {
    expect(await overlayStates(page, name), name).toEqual({ atInsert: FINAL, now: FINAL });
  }
}

/** What the visitor's pointer pressed, in order (a button's text, or null for the page). */
const presses = (page: Page) =>
  page.evaluate(() => (window as unknown as { __presses: (string | null)[] }).__presses);

/**
 * The idle dialog is final from its insertion on; Continue, pressed with a real click, meets the
 * button itself (not the page behind it) and leaves the visitor on `slide` in `lang`.
 */
async function continueAtOnce(page: Page, lang: 'fr' | 'de', slide: number): Promise<void> {
  await expectFinalAtOnce(page, 'idleBackdrop', 'idleDialog');
  const before = (await presses(page)).length;
  await idleDialog(page).getByRole('button', { name: UI[lang].continue, exact: true }).click();
  await expect(idleDialog(page)).toHaveCount(0);
  expect((await presses(page)).slice(before)).toEqual([UI[lang].continue]);
  await expectSlide(page, slide, lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

for (const reducedMotion of ['no-preference', 'reduce'] as const) {
  test(`on a fake clock (${reducedMotion}) the idle dialog is final at once; Continue keeps the visitor's slide and language`, async ({
    page,
    host,
  }) => {
    const start = Date.now();
    await page.clock.install({ time: start });
    await page.clock.pauseAt(start + 1_000);
    await skipAnimations(page);
    await watchOverlays(page);
    await page.emulateMedia({ reducedMotion });
    await openPlayer(page, host.url);
    await button(page, 'Français').click();
    await showSlide(page, 3, 'fr');
    // The clock stands still, yet the new slide is fully in.
    await expect(allSlides(page)).toHaveCSS('opacity', '1');

    await page.clock.runFor(DEFAULT_SETTINGS.idleTimeoutSec * 1000 + 300);
    await expect(idleDialog(page)).toBeVisible();
    await continueAtOnce(page, 'fr', 3);
    await expect(button(page, UI.fr.start)).toBeVisible();
  });
}

test.describe('in real time with prefers-reduced-motion: reduce', () => {
  test.use({ settings: { idleTimeoutSec: 10, countdownSec: 20 } });
  test.beforeEach(async ({ page }) => {
    await skipAnimations(page);
    await watchOverlays(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
  });

  test('the idle dialog is final at once and Continue is pressed, not the page', async ({
    page,
    host,
  }) => {
    await openPlayer(page, host.url);
    await button(page, 'Deutsch').click();
    await button(page, UI.de.next).click();
    await expectSlide(page, 2, 'de');

    // A real 10-second idle timeout.
    await expect(idleDialog(page)).toBeVisible({ timeout: 20_000 });
    await continueAtOnce(page, 'de', 2);
  });

  test('the accessibility panel is final at once and its toggles take real clicks', async ({
    page,
    host,
  }) => {
    await openPlayer(page, host.url);
    await openAccessibilityPanel(page);

    await expectFinalAtOnce(page, 'accessibilityPanel');
    await button(page, 'Larger text').click();
    await expect(button(page, 'Larger text')).toHaveAttribute('aria-pressed', 'true');
  });

  test('the emergency message is final at once and its language buttons take real clicks', async ({
    page,
    host,
  }) => {
    await openPlayer(page, host.url);
    await showAlert(host.dataDir, 'The building closes at 4 pm.');
    const notice = page.getByRole('alertdialog', { name: 'Important message' });
    await expect(notice).toBeVisible({ timeout: 10_000 });
    await expectFinalAtOnce(page, 'emergency', 'emergencyDialog');
    await notice.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Message important' })).toBeVisible();
  });

  test('the Staff access dialog is final at once and its buttons take real clicks', async ({
    page,
    host,
  }) => {
    await page.goto(`${host.url}/#/admin`);
    const dialog = page.getByRole('dialog', { name: 'Staff access' });
    await expect(dialog).toBeVisible();
    await expectFinalAtOnce(page, 'staffAccess');
    await dialog.getByRole('button', { name: 'Back to the player' }).click();
    await expect(page.locator('[aria-roledescription="carousel"]')).toBeVisible();
  });
});

/** `openness-kiosk alert --data DIR --text-en TEXT --for 5` (the real CLI). */
async function showAlert(dataDir: string, text: string): Promise<void> {
  const cli = path.resolve(import.meta.dirname, '../bin/openness-kiosk.mjs');
  const child = spawn(
    process.execPath,
    [cli, 'alert', '--data', dataDir, '--text-en', text, '--for', '5'],
    { stdio: 'ignore' },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`openness-kiosk alert exited with ${code}`);
}
