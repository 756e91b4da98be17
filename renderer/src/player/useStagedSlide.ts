/**
 * The slide on screen, and the one prepared off screen to replace it.
 *
 * A new slide is first mounted invisible and inert above the one on screen (its text fitted, its
 * pictures decoded, one frame drawn); only then does the transition start. So the transition
 * never begins with a long task, and never shows a slide whose pictures are not ready. The slide
 * it replaces stays, unchanged, until the new one has fully moved in over it.
 */
import { usePresence } from 'framer-motion';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { Slide } from '../../../core/schema';
import { loadMotionFeatures } from '../motion/load-features';
import { animationsSkipped } from '../motion/transitions';

/** How long a picture may take to decode before the slide moves in anyway (text first). */
const DECODE_LIMIT_MS = 1500;
/** Longer than any slide transition: by then the slide on screen covers the ones it replaced. */
const ENTER_LIMIT_MS = 2000;

/** What the carousel draws: the slide on screen and, while it is prepared, the next one. */
export interface StagedSlides {
  shown: Slide;
  staged: Slide | undefined;
  /** The staged slide with this id is ready: start its transition. */
  ready(id: string): void;
  /** The slide with this id has fully moved in. */
  entered(id: string): void;
  /** The slide on screen has fully moved in: the slides it replaced may go. */
  covered: boolean;
}

/** Keep `current` off screen until it reports ready, then make it the slide on screen. */
export function useStagedSlide(current: Slide): StagedSlides {
  const [shown, setShown] = useState(current);
  const latest = useRef(current);
  useEffect(() => {
    latest.current = current;
  });
  const ready = useCallback((id: string) => {
    // A slide asked for earlier and replaced since is never shown.
    if (latest.current.id === id) setShown(latest.current);
  }, []);
  // The first slide is on screen from the start, without a transition.
  const [enteredId, setEntered] = useState<string | undefined>(current.id);
  const entered = useCallback((id: string) => setEntered(id), []);
  // Should its animation ever be cut short, the slides below still go (no transition is longer).
  useEffect(() => {
    const timer = setTimeout(() => setEntered(shown.id), ENTER_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [shown.id]);
  // Skipped animations (tests on a fake clock): the new slide replaces the old one at once.
  if (animationsSkipped())
    return { shown: current, staged: undefined, ready, entered, covered: true };
  const same = shown.id === current.id;
  return {
    shown: same ? current : shown,
    staged: same ? undefined : current,
    ready,
    entered,
    covered: enteredId === shown.id,
  };
}

/** Whether the slide on screen has fully moved in (provided by the carousel). */
export const CoveredContext = createContext(true);

/**
 * For a slide inside AnimatePresence: once it has left (or was replaced while staged), keep it
 * until the slide on screen covers it, then let AnimatePresence remove it. Returns whether it
 * is still present.
 */
export function useLeaveWhenCovered(staged: boolean): boolean {
  const [present, safeToRemove] = usePresence();
  const covered = useContext(CoveredContext);
  // A slide that never showed can go at once: it was invisible.
  const canGo = !present && (staged || covered);
  useEffect(() => {
    if (canGo) safeToRemove?.();
  }, [canGo, safeToRemove]);
  return present;
}

/**
 * While `staged`, wait for the element's pictures to decode (and the animation features to load)
 * and for one frame to be drawn, then call `onReady`.
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
    // The animation engine too: it loads after the first slide, a tap may come sooner.
    const decoded = Promise.all([
      ...pictures.map((img) => img.decode().catch(() => undefined)),
      loadMotionFeatures().catch(() => undefined),
    ]);
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
