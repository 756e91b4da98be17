/**
 * A slide's entry: when it stops being staged, it moves in (Web Animations on transform and
 * opacity, which the compositor runs) from where it waited, then reports that it has entered.
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import {
  animationsSkipped,
  playEntry,
  type Direction,
  type SlideMotion,
} from '../motion/slide-motion';

/**
 * Run the entry of `element` when `staged` turns false; returns the direction it enters from
 * (the one it was staged with, fixed for its life).
 */
export function useSlideEntry(
  element: RefObject<HTMLElement | null>,
  staged: boolean,
  motion: SlideMotion,
  direction: Direction,
  onEntered: () => void,
): Direction {
  const [from] = useState(direction);
  const latest = useRef({ motion, onEntered });
  useEffect(() => {
    latest.current = { motion, onEntered };
  });
  const wasStaged = useRef(staged);
  // Before paint: the frame that drops the waiting style already shows the entry's first keyframe.
  useLayoutEffect(() => {
    const moving = wasStaged.current && !staged;
    wasStaged.current = staged;
    const target = element.current;
    if (!moving || !target || animationsSkipped()) return;
    const entry = playEntry(target, latest.current.motion, from);
    let alive = true;
    entry.finished.then(
      () => alive && latest.current.onEntered(),
      () => undefined,
    );
    return () => {
      alive = false;
      entry.cancel();
    };
  }, [element, staged, from]);
  return from;
}
