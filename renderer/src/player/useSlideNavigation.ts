/**
 * Which slide is shown, and moving between slides once the next one's pictures are decoded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Slide } from '#core/schema';
import type { Direction } from '../motion/slide-motion';
import { decodeSlide, slideDecoded } from './decode-images';

/** The current slide and ways to move. */
export interface SlideNavigation {
  /** Position of the shown slide in the list; -1 while it plays out after leaving the list. */
  index: number;
  /** The slide on screen. */
  slide: Slide | undefined;
  direction: Direction;
  goTo(index: number, direction?: Direction): void;
  next(): void;
  previous(): void;
  /** Go to the first slide of the list (after an idle reset), whatever the list is then. */
  restart(): void;
  /** The slide on screen left the list: show the slide that took its place (or the last one). */
  leave(): void;
}

/**
 * Where a slide that left a list stood in the new one: the position in `after` of the first slide
 * that followed `id` in `before` and is still there, or `after.length` when none follows.
 */
export function followerIndex(
  before: readonly Slide[],
  after: readonly Slide[],
  id: string,
): number {
  const from = before.findIndex((slide) => slide.id === id);
  for (const slide of before.slice(from + 1)) {
    const at = after.findIndex((s) => s.id === slide.id);
    if (at >= 0) return at;
  }
  return after.length;
}

/** Navigate a list of slides with wrap-around; the list may change while it plays. */
export function useSlideNavigation(slides: readonly Slide[]): SlideNavigation {
  const [shown, setShown] = useState<{ slide: Slide | undefined; direction: Direction }>({
    slide: slides[0],
    direction: 1,
  });
  const found = slides.findIndex((slide) => slide.id === shown.slide?.id);
  // A slide that staff removed (or whose schedule ended) plays out; the next move leaves it.
  const index = found >= 0 || !shown.slide ? Math.max(found, 0) : -1;
  const slide = found >= 0 ? slides[found] : (shown.slide ?? slides[0]);
  const target = useRef(index);
  const request = useRef(0);
  // The last list that held the slide on screen, and where its follower stands after it left.
  const listed = useRef(slides);
  const gap = useRef<number | undefined>(undefined);

  useEffect(() => {
    // The list as well as the index: a slide removed before the one on screen moves it up.
    if (index >= 0) {
      target.current = index;
      listed.current = slides;
      gap.current = undefined;
    } else if (slide) {
      gap.current = followerIndex(listed.current, slides, slide.id);
    }
  }, [index, slides, slide]);

  const goTo = useCallback(
    (wanted: number, direction?: Direction) => {
      const count = slides.length;
      if (count === 0) return;
      const next = ((wanted % count) + count) % count;
      const dir: Direction = direction ?? (next >= target.current ? 1 : -1);
      target.current = next;
      gap.current = undefined;
      const nextSlide = slides[next]!;
      const ticket = ++request.current;
      const show = () => {
        if (request.current === ticket) setShown({ slide: nextSlide, direction: dir });
      };
      if (slideDecoded(nextSlide)) show();
      else void decodeSlide(nextSlide).then(show);
    },
    [slides],
  );

  // From a slide that left the list, next is the one that took its place, previous the one before.
  const next = useCallback(() => goTo(gap.current ?? target.current + 1, 1), [goTo]);
  const previous = useCallback(
    () => goTo(gap.current !== undefined ? gap.current - 1 : target.current - 1, -1),
    [goTo],
  );
  const restart = useCallback(() => {
    request.current++;
    target.current = 0;
    gap.current = undefined;
    setShown({ slide: undefined, direction: -1 });
  }, []);
  const leave = useCallback(() => {
    if (gap.current !== undefined) goTo(Math.min(gap.current, slides.length - 1), 1);
  }, [goTo, slides.length]);

  // Decode the neighbours in the background so moving either way is instant.
  useEffect(() => {
    const count = slides.length;
    if (count < 2 || index < 0) return;
    void decodeSlide(slides[(index + 1) % count]!).then(() =>
      decodeSlide(slides[(index - 1 + count) % count]!),
    );
  }, [index, slides]);

  return { index, slide, direction: shown.direction, goTo, next, previous, restart, leave };
}
