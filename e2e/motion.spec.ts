/**
 * UI-CONTRACT.md, Player, Motion: reduced motion fades without movement; __SKIP_ANIMATIONS__
 * completes every animation at once. Sampled every animation frame, on the real clock.
 */
import type { Page } from '@playwright/test';
import {
  button,
  expect,
  expectSlide,
  idleDialog,
  openPlayer,
  skipAnimations,
  test,
  UI,
} from './helpers';

/** An animation running on an element: what it animates and for how long it is set to run. */
interface Running {
  properties: string[];
  durationMs: number;
}

interface Frame {
  t: number;
  items: { label: string | null; transform: string; opacity: number; animations: Running[] }[];
}

/** Start recording, every frame, what `selector` matches, run `act`, and return the frames. */
async function sample(page: Page, selector: string, act: () => Promise<void>, ms = 700) {
  await page.evaluate(
    ({ selector, ms }) => {
      const frames: Frame[] = [];
      const start = performance.now();
      (window as unknown as { __frames: Promise<Frame[]> }).__frames = new Promise((resolve) => {
        // Record after each frame's rAF callbacks (framer-motion's included), i.e. what was painted.
        const frame = () => setTimeout(record, 0);
        const record = () => {
          const items = [...document.querySelectorAll(selector)].map((el) => {
            const style = getComputedStyle(el);
            const label = el.getAttribute('aria-label');
            // framer-motion runs opacity and whole transforms as Web Animations.
            const animations = el.getAnimations().map((animation) => {
              const effect = animation.effect as KeyframeEffect;
              const keys = Object.keys(effect.getKeyframes()[0] ?? {});
              return {
                properties: keys.filter((k) => !['offset', 'easing', 'composite'].includes(k)),
                durationMs: Number(effect.getTiming().duration),
              };
            });
            return {
              label,
              transform: style.transform,
              opacity: Number(style.opacity),
              animations,
            };
          });
          frames.push({ t: performance.now() - start, items });
          if (performance.now() - start < ms) requestAnimationFrame(frame);
          else resolve(frames);
        };
        requestAnimationFrame(frame);
      });
    },
    { selector, ms },
  );
  await act();
  return page.evaluate(() => (window as unknown as { __frames: Promise<Frame[]> }).__frames);
}

const SLIDE = '[aria-roledescription="slide"]';

/** A transform that does not move anything. */
function still(transform: string): boolean {
  return transform === 'none' || /^matrix\(1, 0, 0, 1, 0, 0\)$/.test(transform);
}

/** Horizontal translation of a 2D matrix, or 0. */
function translateX(transform: string): number {
  const m = /^matrix\(([^)]+)\)$/.exec(transform);
  return m ? Number(m[1]!.split(',')[4]) : 0;
}

/**
 * How long the animations of `property` seen while sampling are set to run (ms). What they are
 * set to, not how long they took: wall-clock time depends on the machine's load (bench/ measures).
 */
function durationsOf(frames: Frame[], property: string): number[] {
  const all = frames.flatMap((f) => f.items.flatMap((i) => i.animations));
  return all.filter((a) => a.properties.includes(property)).map((a) => a.durationMs);
}

test.describe('with prefers-reduced-motion: reduce', () => {
  test('a slide change is a short fade: opacity changes, transform never does', async ({
    page,
    host,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openPlayer(page, host.url);
    const frames = await sample(page, SLIDE, () => button(page, UI.en.next).click());
    await expectSlide(page, 2);
    const items = frames.flatMap((f) => f.items);
    expect(
      frames.some((f) => f.items.length === 2),
      'the transition was sampled',
    ).toBe(true);
    expect(
      items.some((i) => i.opacity > 0.05 && i.opacity < 0.95),
      'it fades',
    ).toBe(true);
    expect(items.map((i) => i.transform).filter((t) => !still(t))).toEqual([]);
    const fades = durationsOf(frames, 'opacity');
    expect(fades.length, 'the fade runs as an animation').toBeGreaterThan(0);
    expect(Math.max(...fades), 'the fade is short').toBeLessThanOrEqual(300);
  });
});

test.describe('with staff setting reducedMotion "always"', () => {
  test.use({ settings: { reducedMotion: 'always' } });

  test('slides fade without movement even without the system preference', async ({
    page,
    host,
  }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await openPlayer(page, host.url);
    const frames = await sample(page, SLIDE, () => button(page, UI.en.next).click());
    await expectSlide(page, 2);
    expect(frames.some((f) => f.items.length === 2)).toBe(true);
    const transforms = frames.flatMap((f) => f.items.map((i) => i.transform));
    expect(transforms.filter((t) => !still(t))).toEqual([]);
  });
});

test.describe('with idleTimeoutSec 10 and prefers-reduced-motion: reduce', () => {
  test.use({ settings: { idleTimeoutSec: 10, countdownSec: 5 } });

  test('the idle dialog appears with a fade and no movement', async ({ page, host }) => {
    // Waits for a real 10-second idle timeout: a fake clock would stop the fade itself.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openPlayer(page, host.url);
    await button(page, UI.en.next).click();
    const frames = await sample(page, '.dialog, .backdrop', async () => {}, 11_000);
    await expect(idleDialog(page)).toBeVisible();
    const items = frames.flatMap((f) => f.items);
    expect(items.length, 'the dialog was sampled').toBeGreaterThan(0);
    expect(
      items.some((i) => i.opacity > 0.05 && i.opacity < 0.95),
      'it fades',
    ).toBe(true);
    expect(items.map((i) => i.transform).filter((t) => !still(t))).toEqual([]);
  });
});

test('without reduced motion the slides move sideways (translateX) while they change', async ({
  page,
  host,
}) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await openPlayer(page, host.url);
  const frames = await sample(page, SLIDE, () => button(page, UI.en.next).click(), 900);
  await expectSlide(page, 2);
  const shifts = frames.flatMap((f) => f.items.map((i) => translateX(i.transform)));
  expect(
    shifts.some((x) => Math.abs(x) > 1),
    'some frame is shifted',
  ).toBe(true);
  // The entering slide comes in from the right (next), over the leaving one, which stays where
  // it is, fully opaque, until it is covered (no background between slides).
  const entering = frames.flatMap((f) => f.items.filter((i) => i.label?.startsWith('2 of')));
  const leaving = frames.flatMap((f) => f.items.filter((i) => i.label?.startsWith('1 of')));
  expect(entering.some((i) => translateX(i.transform) > 1)).toBe(true);
  expect(leaving.length).toBeGreaterThan(0);
  expect(leaving.filter((i) => !still(i.transform) || i.opacity < 0.99)).toEqual([]);
  const glides = durationsOf(frames, 'transform');
  expect(glides.length, 'the movement runs as an animation').toBeGreaterThan(0);
  expect(Math.min(...glides), 'a glide, not a jump').toBeGreaterThan(200);
});

test('with __SKIP_ANIMATIONS__ a new slide is shown at once, alone', async ({ page, host }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await skipAnimations(page);
  await openPlayer(page, host.url);
  expect(await page.evaluate(() => window.__SKIP_ANIMATIONS__)).toBe(true);
  for (const n of [2, 3]) {
    const frames = await sample(page, SLIDE, () => button(page, UI.en.next).click(), 400);
    await expectSlide(page, n);
    const arrived = frames.findIndex((f) => f.items.some((i) => i.label?.startsWith(`${n} of`)));
    expect(arrived, 'the new slide arrived while sampling').toBeGreaterThanOrEqual(0);
    // From the first frame it exists it is fully shown and still, and the old one is gone
    // within two frames.
    for (const f of frames.slice(arrived)) {
      for (const i of f.items.filter((i) => i.label?.startsWith(`${n} of`))) {
        expect(i.opacity).toBe(1);
        expect(still(i.transform)).toBe(true);
      }
    }
    expect(frames.filter((f) => f.items.length > 1).length).toBeLessThanOrEqual(2);
  }
});

declare global {
  interface Window {
    __SKIP_ANIMATIONS__?: boolean;
  }
}
