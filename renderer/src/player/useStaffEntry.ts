/**
 * Staff entry to the admin: Ctrl+Shift+A, or a 3-second press in the top-left corner.
 */
import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';

/** How long the corner must be held, in milliseconds. */
export const STAFF_HOLD_MS = 3000;

/** Open the admin screen. */
export function openAdmin(): void {
  window.location.hash = '#/admin';
}

/** Listen for Ctrl+Shift+A; returns pointer handlers for the hidden corner. */
export function useStaffEntry() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.code === 'KeyA') {
        event.preventDefault();
        openAdmin();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const cancel = () => clearTimeout(timer.current);
  return {
    onPointerDown: (event: ReactPointerEvent) => {
      event.currentTarget.setPointerCapture?.(event.pointerId);
      clearTimeout(timer.current);
      timer.current = setTimeout(openAdmin, STAFF_HOLD_MS);
    },
    onPointerUp: cancel,
    onPointerCancel: cancel,
    onLostPointerCapture: cancel,
  };
}
