/**
 * Leave out slides whose media failed, until the content changes or a while has passed.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Slide } from '#core/schema';

/** After this long, failed slides are tried again (staff may have put the file back). */
export const RETRY_FAILED_MS = 10 * 60_000;

/** The slides that can still play, and a way to mark one as failed. */
export interface PlayableSlides {
  slides: readonly Slide[];
  /** Every scheduled slide failed: show the fallback screen. */
  allFailed: boolean;
  markFailed(slideId: string): void;
}

/** Filter `scheduled` by the slides that failed while it was the list playing. */
export function usePlayableSlides(scheduled: readonly Slide[]): PlayableSlides {
  // Failures belong to one list: a new list (content or schedule changed) starts clean.
  const [failed, setFailed] = useState<{ list: readonly Slide[]; ids: ReadonlySet<string> }>({
    list: scheduled,
    ids: new Set(),
  });
  const ids = failed.list === scheduled ? failed.ids : EMPTY;
  const slides = useMemo(
    () => (ids.size === 0 ? scheduled : scheduled.filter((slide) => !ids.has(slide.id))),
    [scheduled, ids],
  );
  const markFailed = useCallback(
    (slideId: string) =>
      setFailed((current) => {
        const base = current.list === scheduled ? current.ids : EMPTY;
        if (base.has(slideId)) return current;
        return { list: scheduled, ids: new Set([...base, slideId]) };
      }),
    [scheduled],
  );
  useEffect(() => {
    if (ids.size === 0) return;
    const timer = setTimeout(() => setFailed({ list: scheduled, ids: EMPTY }), RETRY_FAILED_MS);
    return () => clearTimeout(timer);
  }, [ids, scheduled]);
  return { slides, allFailed: scheduled.length > 0 && slides.length === 0, markFailed };
}

const EMPTY: ReadonlySet<string> = new Set();
