/**
 * Automatic rotation: move to the next slide when the current one's time is up.
 */
import { useEffect } from 'react';

/** Call `advance` after `durationMs` while `active`; restarts whenever `slideKey` changes. */
export function useRotation(
  active: boolean,
  slideKey: string,
  durationMs: number,
  advance: () => void,
): void {
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(advance, durationMs);
    return () => clearTimeout(timer);
  }, [active, slideKey, durationMs, advance]);
}
