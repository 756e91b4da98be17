/**
 * No blank screen between slides (issue 13 point 9, issue 19 point 3): every frame of every
 * transition shows at least one slide's content, and a slide on screen has its pictures ready.
 * Stricter still: in every frame one slide covers the carousel fully opaque (the new slide moves
 * in over the old one), so the background never shows through, not even halfway.
 *
 * A loop in the page looks at every animation frame (real clock, real animations) while slides
 * change: all slides, forwards and backwards by touch swipes, forwards by the attract loop, and
 * taps faster than the transitions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';

import type { ContentFile } from '#core/schema';
import {
  button,
  expect,
  expectSlide,
  openPlayer,
  SLIDES,
  slideTextPoint,
  test,
  touchDrag,
  touchTap,
  UI,
} from './helpers';

/** One sampled frame. */
interface Frame {
  /** Slides in the page (two while one replaces another). */
  slides: number;
  /** Some slide is inside the viewport with an effective opacity above 0.05. */
  content: boolean;
  /** Some slide covers the carousel fully opaque: no background shows through at all. */
  covered: boolean;
  /** Pictures of a slide with content on screen that are not loaded yet. */
  unreadyPictures: number;
}

/** Start sampling every frame; `stopFrames` hands them back. */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const frames: Frame[] = [];
    const state = { frames, running: true };
    (window as unknown as { __transitionFrames: typeof state }).__transitionFrames = state;
    const opacity = (element: Element) => {
      let value = 1;
      for (let e: Element | null = element; e; e = e.parentElement) {
        value *= Number(getComputedStyle(e).opacity);
      }
      return value;
    };
    const record = () => {
      const slides = [...document.querySelectorAll('[aria-roledescription="slide"]')];
      let content = false;
      let covered = false;
      let unreadyPictures = 0;
      for (const slide of slides) {
        const box = slide.getBoundingClientRect();
        // Against its own frame, which follows a dragging finger a little.
        const holder = slide.parentElement!.getBoundingClientRect();
        const fills =
          Math.abs(box.left - holder.left) <= 2 &&
          Math.abs(box.top - holder.top) <= 2 &&
          Math.abs(box.right - holder.right) <= 2 &&
          Math.abs(box.bottom - holder.bottom) <= 2;
        if (fills && opacity(slide) >= 0.99) covered = true;
        const width = Math.min(box.right, innerWidth) - Math.max(box.left, 0);
        const height = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
        const inside = width > innerWidth / 2 && height > innerHeight / 2;
        const heading = slide.querySelector('h2')?.textContent?.trim();
        if (!inside || !heading || opacity(slide) <= 0.05) continue;
        content = true;
        for (const img of slide.querySelectorAll('img')) {
          if (!img.complete || img.naturalWidth === 0) unreadyPictures++;
        }
      }
      frames.push({ slides: slides.length, content, covered, unreadyPictures });
      if (state.running) requestAnimationFrame(frame);
    };
    // Look after each frame's animation callbacks (framer-motion's too): what was painted.
    const frame = () => setTimeout(record, 0);
    requestAnimationFrame(frame);
  });
}

async function stopFrames(page: Page): Promise<Frame[]> {
  return page.evaluate(() => {
    const state = (
      window as unknown as { __transitionFrames: { frames: Frame[]; running: boolean } }
    ).__transitionFrames;
    state.running = false;
    return state.frames;
  });
}

/** What the frames of some transitions add up to. */
function summary(frames: Frame[]) {
  return {
    backgroundOnly: frames.filter((f) => !f.content).length,
    backgroundShowing: frames.filter((f) => !f.covered).length,
    unreadyPictures: frames.filter((f) => f.unreadyPictures > 0).length,
  };
}

const NONE = { backgroundOnly: 0, backgroundShowing: 0, unreadyPictures: 0 };

/** Load the player, wait for its first slide, and open a CDP session for real touch events. */
async function openPlayerForTouch(page: Page, url: string): Promise<CDPSession> {
  await openPlayer(page, url);
  await expectSlide(page, 1);
  return page.context().newCDPSession(page);
}

/** Slide `n` (1-based) after `steps` moves of +1 or -1 from slide 1. */
const slideAfter = (steps: number) =>
  ((((steps % SLIDES.length) + SLIDES.length) % SLIDES.length) + 1) as number;

for (const reducedMotion of ['no-preference', 'reduce'] as const) {
  test.describe(`with prefers-reduced-motion: ${reducedMotion}`, () => {
    test.use({ reducedMotion });

    for (const [name, step, dx] of [
      ['next', 1, -400],
      ['previous', -1, 400],
    ] as const) {
      test(`touch swipes to the ${name} slide, round all slides: no frame without a slide`, async ({
        page,
        host,
      }) => {
        const cdp = await openPlayerForTouch(page, host.url);
        const at = await slideTextPoint(page);
        let total = NONE;
        let transitionFrames = 0;
        for (let i = 1; i <= SLIDES.length; i++) {
          await startFrames(page);
          await touchDrag(cdp, at, { x: at.x + dx, y: at.y });
          await expectSlide(page, slideAfter(i * step));
          const frames = await stopFrames(page);
          transitionFrames += frames.filter((f) => f.slides > 1).length;
          const counts = summary(frames);
          total = {
            backgroundOnly: total.backgroundOnly + counts.backgroundOnly,
            backgroundShowing: total.backgroundShowing + counts.backgroundShowing,
            unreadyPictures: total.unreadyPictures + counts.unreadyPictures,
          };
        }
        expect(transitionFrames, 'frames were sampled while slides changed').toBeGreaterThan(0);
        expect(total).toEqual(NONE);
      });
    }
  });
}

test('taps on Next faster than the transitions: no frame without a slide, one slide at the end', async ({
  page,
  host,
}) => {
  const cdp = await openPlayerForTouch(page, host.url);
  const box = (await button(page, UI.en.next).boundingBox())!;
  const at = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
  await startFrames(page);
  for (let i = 0; i < 3; i++) {
    await touchTap(cdp, at);
    await page.waitForTimeout(150);
  }
  await expectSlide(page, 4);
  const frames = await stopFrames(page);
  expect(frames.filter((f) => f.slides > 1).length).toBeGreaterThan(0);
  expect(summary(frames)).toEqual(NONE);
});

/** The shipped content with every slide shown for 2.5 s, so the attract loop turns quickly. */
function quickContent(): ContentFile {
  const file = path.resolve(import.meta.dirname, '../assets/content/content.json');
  const content = JSON.parse(readFileSync(file, 'utf8')) as ContentFile;
  for (const playlist of content.playlists) {
    for (const slide of playlist.slides) slide.durationMs = 2500;
  }
  return content;
}

test.describe('the attract loop, on its own', () => {
  test.use({ content: quickContent() });

  test('round all slides and back to the first: no frame without a slide', async ({
    page,
    host,
  }) => {
    await openPlayer(page, host.url);
    await expectSlide(page, 1);
    await startFrames(page);
    for (let i = 1; i <= SLIDES.length; i++) {
      await expectSlide(page, slideAfter(i));
    }
    const frames = await stopFrames(page);
    expect(frames.filter((f) => f.slides > 1).length).toBeGreaterThan(0);
    expect(summary(frames)).toEqual(NONE);
  });
});
