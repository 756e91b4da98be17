/**
 * Which content snapshot the player shows: staff changes at once, fleet syncs at a slide boundary.
 *
 * A kiosk that takes a new bundle while a visitor reads a slide must not change that slide under
 * their eyes, so a snapshot marked `changedBy: 'fleet'` waits until the next slide starts (or, on
 * a screen that never moves on, at most `MAX_WAIT_MS`).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ContentSnapshot } from '../../../core/contract';

/** The longest a fleet change waits for a slide boundary. */
export const MAX_WAIT_MS = 120_000;

export function useBoundarySnapshot(latest: ContentSnapshot | undefined): {
  shown: ContentSnapshot | undefined;
  /** Call when a new slide starts: a waiting snapshot is taken now. */
  atBoundary(): void;
} {
  const [shown, setShown] = useState(latest);
  const waiting = latest !== undefined && latest !== shown;
  if (waiting && (shown === undefined || latest.changedBy !== 'fleet')) {
    // Adjusting state while rendering: React renders again at once, before anything is painted.
    setShown(latest);
  }
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setShown(latest), MAX_WAIT_MS);
    return () => clearTimeout(timer);
  }, [waiting, latest]);
  // Only when something waits: setting the same state again still queues an update on this hook,
  // which the player (not re-rendering at slide changes) would keep forever, one per slide.
  const atBoundary = useCallback(() => {
    if (waiting) setShown(latest);
  }, [waiting, latest]);
  return { shown, atBoundary };
}
