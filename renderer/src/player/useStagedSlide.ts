/**
 * The slide on screen, the one prepared off screen to replace it, and the ones it replaced.
 *
 * A new slide is first mounted invisible and inert above the one on screen (its text fitted, its
 * pictures decoded, one frame drawn); only then does the transition start. So the transition
 * never begins with a long task, and never shows a slide whose pictures are not ready. The slides
 * it replaces stay, unchanged, below it until it has fully moved in over them.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Slide } from '#core/schema';
import { animationsSkipped } from '../motion/slide-motion';

/** How long a picture may take to decode before the slide moves in anyway (text first). */
const DECODE_LIMIT_MS = 1500;
/** Longer than any slide transition: by then the slide on screen covers the ones it replaced. */
const ENTER_LIMIT_MS = 2000;

/** What the carousel draws: the slide on screen and, while it is prepared, the next one. */
export interface StagedSlides {
  shown: Slide;
  staged: Slide | undefined;
  /** Slides shown before, kept below the slide on screen until it has fully moved in. */
  leaving: readonly Slide[];
  /** The staged slide with this id is ready: start its transition. */
  ready(id: string): void;
  /** The slide with this id has fully moved in. */
  entered(id: string): void;
}

interface OnScreen {
  shown: Slide;
  leaving: readonly Slide[];
}

/** Keep `current` off screen until it reports ready, then make it the slide on screen. */
export function useStagedSlide(current: Slide): StagedSlides {
  // The first slide is on screen from the start, without a transition.
  const [screen, setScreen] = useState<OnScreen>({ shown: current, leaving: [] });
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  });
  const ready = useCallback((id: string) => {
    // A slide asked for earlier and replaced since is never shown.
    const next = latest.current;
    if (next.id !== id) return;
    setScreen((prev) =>
      prev.shown.id === id
        ? { ...prev, shown: next }
        : { shown: next, leaving: [...prev.leaving.filter((s) => s.id !== id), prev.shown] },
    );
  }, []);
  const entered = useCallback((id: string) => {
    setScreen((prev) =>
      prev.shown.id === id && prev.leaving.length > 0 ? { ...prev, leaving: [] } : prev,
    );
  }, []);
  // Should its animation ever be cut short, the slides below still go (no transition is longer).
  const shownId = screen.shown.id;
  useEffect(() => {
    const timer = setTimeout(() => entered(shownId), ENTER_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [shownId, entered]);
  // Skipped animations (tests on a fake clock): the new slide replaces the old one at once.
  if (animationsSkipped())
    return { shown: current, staged: undefined, leaving: [], ready, entered };
  const same = shownId === current.id;
  const staged = same ? undefined : current;
  return {
    shown: same ? current : screen.shown,
    staged,
    // A slide asked for again while it was leaving is prepared again, not drawn twice.
    leaving: screen.leaving.filter((s) => s.id !== shownId && s.id !== staged?.id),
    ready,
    entered,
  };
}

/**
 * While `staged`, wait for the element's pictures to decode and for one frame to be drawn, then
 * call `onReady`.
 */
export function useReadyWhenStaged(
  element: RefObject<HTMLElement | null>,
  staged: boolean,
  onReady: () => void,
): void {
  const callback = useRef(onReady);
  useEffect(() => {
    callback.current = onReady;
  });
  useEffect(() => {
    if (!staged) return;
    let alive = true;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pictures = [...(element.current?.querySelectorAll('img') ?? [])];
    const decoded = Promise.all(pictures.map((img) => img.decode().catch(() => undefined)));
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, DECODE_LIMIT_MS);
    });
    void Promise.race([decoded, limit]).then(() => {
      clearTimeout(timer);
      if (!alive) return;
      // One frame with the new slide laid out and drawn (invisibly) before it moves.
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => alive && callback.current());
      });
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [element, staged]);
}
