/**
 * Which content snapshot the player shows, by the rule in core/content-swap.ts: with nobody
 * there, staff changes at once and fleet syncs at a slide boundary; during a visitor session,
 * any change waits until the session ends, unless it deleted the slide on screen.
 *
 * A kiosk that takes a new bundle while nobody watches still must not change a slide mid-way, so
 * a fleet change waits until the next slide starts (or, on a screen that never moves on, at most
 * `MAX_WAIT_MS`).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { whenToSwap, type PlayerMoment } from '#core/content-swap';
import type { ContentSnapshot } from '#core/contract';
import { kioskTimeZone } from './usePlaylistNow';

/** The longest a fleet change waits for a slide boundary. */
export const MAX_WAIT_MS = 120_000;

/** The newest snapshot from the host, and when it arrived. */
export interface Arrival {
  snapshot: ContentSnapshot;
  at: number;
}

const NOBODY: PlayerMoment = { inSession: false };

/** The snapshot to show for the newest `latest`, given what the player is doing. */
export function useBoundarySnapshot(
  latest: Arrival | undefined,
  moment: PlayerMoment = NOBODY,
): {
  shown: ContentSnapshot | undefined;
  /** Call when a new slide starts: a fleet change waiting for it is taken now. */
  atBoundary(): void;
} {
  const next = latest?.snapshot;
  const [shown, setShown] = useState(next);
  const [inSession, setInSession] = useState(moment.inSession);
  const waiting = next !== undefined && next !== shown;
  const when = useMemo(
    () =>
      latest &&
      whenToSwap(
        latest.snapshot,
        moment,
        latest.at,
        kioskTimeZone(latest.snapshot.settings.timeZone),
      ),
    [latest, moment],
  );
  // Adjusting state while rendering: React renders again at once, before anything is painted.
  if (inSession !== moment.inSession) {
    setInSession(moment.inSession);
    // The session ended (the player resets): whatever waited shows now.
    if (waiting && !moment.inSession) setShown(next);
  } else if (waiting && (shown === undefined || when === 'now')) {
    setShown(next);
  }
  const atSlide = waiting && when === 'next-slide';
  useEffect(() => {
    if (!atSlide) return;
    const timer = setTimeout(() => setShown(next), MAX_WAIT_MS);
    return () => clearTimeout(timer);
  }, [atSlide, next]);
  // Only when something waits: setting the same state again still queues an update on this hook,
  // which the player (not re-rendering at slide changes) would keep forever, one per slide.
  const atBoundary = useCallback(() => {
    if (atSlide) setShown(next);
  }, [atSlide, next]);
  return { shown, atBoundary };
}
