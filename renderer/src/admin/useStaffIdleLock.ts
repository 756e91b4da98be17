/**
 * Leave a staff screen after a spell without input: the admin locks itself, and the Staff access
 * dialog (which a visitor may have opened) goes back to the player.
 */
import { useEffect, useRef } from 'react';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Call `onIdle` after `idleMs` without pointer or key input; any input starts the wait again.
 * Does nothing while `idleMs` is undefined (settings not loaded yet).
 */
export function useStaffIdleLock(idleMs: number | undefined, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (idleMs === undefined) return;
    let timer = setTimeout(() => onIdleRef.current(), idleMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => onIdleRef.current(), idleMs);
    };
    // Capture: a handler that stops propagation must not hide staff activity.
    for (const name of INPUT_EVENTS) {
      window.addEventListener(name, restart, { capture: true, passive: true });
    }
    return () => {
      clearTimeout(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, restart, { capture: true });
    };
  }, [idleMs]);
}
