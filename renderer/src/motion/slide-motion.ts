/**
 * The carousel's slide transitions, run as Web Animations by the browser (no animation library
 * on the first load). Only `transform` and `opacity` animate, so the compositor runs them.
 *
 * Slides are opaque and have no exit animation: the one coming in is drawn above the one
 * leaving, which stays as it is until the new one has fully moved in over it (see
 * player/useStagedSlide.ts). So no frame of a transition shows the bare background, as a
 * crossfade of two slides, or a new slide whose first frames come late, could.
 */

/** Direction of travel: 1 towards the next slide, -1 towards the previous. */
export type Direction = 1 | -1;

/** How a slide moves in: slide-and-fade, a fade, or the short fade of reduced motion. */
export type SlideMotion = 'slide' | 'fade' | 'reduced';

interface Track {
  keyframes: Keyframe[];
  options: KeyframeAnimationOptions;
}

/** Where a slide waits, invisible, before it moves in (the first keyframe of its entry). */
export function enterStyle(motion: SlideMotion, direction: Direction): Record<string, string> {
  return motion === 'slide'
    ? { opacity: '0', transform: `translateX(${direction * 8}%)` }
    : { opacity: '0' };
}

/**
 * The entry of a slide: slide-and-fade glides in from the side it comes from (transform 0.7 s,
 * opacity 0.45 s); a fade takes 0.6 s; reduced motion is a 0.2 s fade without movement.
 */
export function entryTracks(motion: SlideMotion, direction: Direction): Track[] {
  if (motion === 'reduced') {
    return [{ keyframes: [{ opacity: 0 }, { opacity: 1 }], options: { duration: 200 } }];
  }
  if (motion === 'fade') {
    return [
      {
        keyframes: [{ opacity: 0 }, { opacity: 1 }],
        options: { duration: 600, easing: 'ease-in-out' },
      },
    ];
  }
  return [
    {
      keyframes: [{ transform: `translateX(${direction * 8}%)` }, { transform: 'translateX(0%)' }],
      options: { duration: 700, easing: 'cubic-bezier(0.22, 1, 0.36, 1)' },
    },
    {
      keyframes: [{ opacity: 0 }, { opacity: 1 }],
      options: { duration: 450, easing: 'ease-out' },
    },
  ];
}

/**
 * Run a slide's entry on `element`; resolves when it has fully moved in (at once where the
 * browser has no Web Animations, e.g. jsdom), rejects if it was cancelled.
 */
export function playEntry(
  element: HTMLElement,
  motion: SlideMotion,
  direction: Direction,
): { finished: Promise<void>; cancel(): void } {
  if (typeof element.animate !== 'function') return { finished: Promise.resolve(), cancel() {} };
  const running = entryTracks(motion, direction).map((track) =>
    element.animate(track.keyframes, track.options),
  );
  return {
    finished: Promise.all(running.map((animation) => animation.finished)).then(() => undefined),
    cancel: () => running.forEach((animation) => animation.cancel()),
  };
}

/** Whether every animation completes at once (the `__SKIP_ANIMATIONS__` test flag). */
export function animationsSkipped(): boolean {
  return typeof window !== 'undefined' && window.__SKIP_ANIMATIONS__ === true;
}
