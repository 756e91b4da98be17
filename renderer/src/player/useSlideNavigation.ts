/**
 * Which slide is shown, and moving between slides once the next one's pictures are decoded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Slide } from '../../../core/schema';
import type { Direction } from '../motion/transitions';
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

  useEffect(() => {
    target.current = index;
  }, [index]);

  const goTo = useCallback(
    (wanted: number, direction?: Direction) => {
      const count = slides.length;
      if (count === 0) return;
      const next = ((wanted % count) + count) % count;
      const dir: Direction = direction ?? (next >= target.current ? 1 : -1);
      target.current = next;
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

  const next = useCallback(() => goTo(target.current + 1, 1), [goTo]);
  const previous = useCallback(() => goTo(target.current - 1, -1), [goTo]);

  // Decode the neighbours in the background so moving either way is instant.
  useEffect(() => {
    const count = slides.length;
    if (count < 2 || index < 0) return;
    void decodeSlide(slides[(index + 1) % count]!).then(() =>
      decodeSlide(slides[(index - 1 + count) % count]!),
    );
  }, [index, slides]);

  return { index, slide, direction: shown.direction, goTo, next, previous };
}
