/**
 * Kiosk hygiene for the visitor screen: no context menu, no image drag, no pinch or key zoom.
 */
import { useEffect } from 'react';

/** While mounted, block the browser gestures that have no place on a public screen. */
export function useKioskGuards(): void {
  useEffect(() => {
    const prevent = (event: Event) => event.preventDefault();
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey) event.preventDefault();
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0'].includes(event.key)) {
        event.preventDefault();
      }
    };
    const options = { passive: false } as const;
    document.addEventListener('contextmenu', prevent);
    document.addEventListener('dragstart', prevent);
    document.addEventListener('gesturestart', prevent, options);
    document.addEventListener('wheel', onWheel, options);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('contextmenu', prevent);
      document.removeEventListener('dragstart', prevent);
      document.removeEventListener('gesturestart', prevent);
      document.removeEventListener('wheel', onWheel);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}
