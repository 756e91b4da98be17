/**
 * ArrowLeft and ArrowRight move between slides, wherever focus is (mirrored for right-to-left).
 */
import { useEffect } from 'react';

/** Listen for arrow keys on the whole page. */
export function useArrowKeys(rtl: boolean, previous: () => void, next: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      const forward = (event.key === 'ArrowRight') !== rtl;
      if (forward) next();
      else previous();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rtl, previous, next]);
}
