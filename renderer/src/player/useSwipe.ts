/**
 * Horizontal swipes with touch, pen or mouse; the slide follows the finger a little while dragging.
 */
import { useEffect, useRef, type RefObject } from 'react';

const MIN_DISTANCE = 50;
const FOLLOW = 0.35;

/** Call `onSwipe(-1)` for a swipe to the left and `onSwipe(1)` for one to the right. */
export function useSwipe(
  area: RefObject<HTMLElement | null>,
  follower: RefObject<HTMLElement | null>,
  onSwipe: (direction: -1 | 1) => void,
): void {
  // The latest callback, so a re-render in the middle of a gesture does not start it over.
  const swiped = useRef(onSwipe);
  useEffect(() => {
    swiped.current = onSwipe;
  });

  useEffect(() => {
    const element = area.current;
    if (!element) return;
    let start: { id: number; x: number; y: number } | undefined;

    const move = (dx: number) => {
      const target = follower.current;
      if (!target) return;
      target.style.transition = dx === 0 ? 'transform 240ms ease-out' : 'none';
      target.style.transform = dx === 0 ? '' : `translateX(${dx * FOLLOW}px)`;
    };
    const onDown = (event: PointerEvent) => {
      if (
        !event.isPrimary ||
        (event.target as Element).closest('button, a, [role="dialog"], [role="alertdialog"]')
      ) {
        return;
      }
      start = { id: event.pointerId, x: event.clientX, y: event.clientY };
    };
    const onMove = (event: PointerEvent) => {
      if (start?.id !== event.pointerId) return;
      const dx = event.clientX - start.x;
      if (Math.abs(dx) > Math.abs(event.clientY - start.y)) move(dx);
    };
    const onUp = (event: PointerEvent) => {
      if (start?.id !== event.pointerId) return;
      const dx = event.clientX - start.x;
      const dy = event.clientY - start.y;
      start = undefined;
      move(0);
      if (Math.abs(dx) >= MIN_DISTANCE && Math.abs(dx) > Math.abs(dy) * 1.2)
        swiped.current(dx < 0 ? -1 : 1);
    };
    const onCancel = (event: PointerEvent) => {
      if (start?.id !== event.pointerId) return;
      start = undefined;
      move(0);
    };
    element.addEventListener('pointerdown', onDown);
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    return () => {
      element.removeEventListener('pointerdown', onDown);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
    };
  }, [area, follower]);
}
