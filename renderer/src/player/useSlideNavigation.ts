/**
 * Which slide is shown, and moving between slides once the next one's pictures are decoded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Slide } from '../../../core/schema';
import type { Direction } from '../motion/transitions';
import { decodeSlide, slideDecoded } from './decode-images';

/** The current slide and ways to move. */
export interface SlideNavigation {
  index: number;
  direction: Direction;
  goTo(index: number, direction?: Direction): void;
  next(): void;
  previous(): void;
}

/** Navigate a list of slides with wrap-around; the list may change while it plays. */
export function useSlideNavigation(slides: readonly Slide[]): SlideNavigation {
  const [shown, setShown] = useState<{ id: string | undefined; direction: Direction }>({
    id: slides[0]?.id,
    direction: 1,
  });
  const found = slides.findIndex((slide) => slide.id === shown.id);
  // A slide removed by staff: stay at the same position in the new list.
  const index = found >= 0 ? found : 0;
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
      const slide = slides[next]!;
      const ticket = ++request.current;
      const show = () => {
        if (request.current === ticket) setShown({ id: slide.id, direction: dir });
      };
      if (slideDecoded(slide)) show();
      else void decodeSlide(slide).then(show);
    },
    [slides],
  );

  const next = useCallback(() => goTo(target.current + 1, 1), [goTo]);
  const previous = useCallback(() => goTo(target.current - 1, -1), [goTo]);

  // Decode the neighbours in the background so moving either way is instant.
  useEffect(() => {
    const count = slides.length;
    if (count < 2) return;
    void decodeSlide(slides[(index + 1) % count]!).then(() =>
      decodeSlide(slides[(index - 1 + count) % count]!),
    );
  }, [index, slides]);

  return { index, direction: shown.direction, goTo, next, previous };
}
