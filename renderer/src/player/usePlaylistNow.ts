/**
 * The slides that play now: the scheduled playlist or the default one, re-evaluated when the
 * schedule changes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ContentSnapshot } from '#core/contract';
import { nextChange, resolvePlaylist } from '#core/schedule';
import type { Slide } from '#core/schema';

/** Longest timer a browser accepts (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** With no change within `nextChange`'s horizon (8 days), look again after this long. */
const RECHECK_MS = 7 * 24 * 60 * 60_000;

/** The kiosk's time zone: the setting, or the machine's. */
export function kioskTimeZone(setting: string | undefined): string {
  return setting || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The enabled slides that play at this moment; changes on its own at schedule boundaries. */
export function usePlaylistNow(snapshot: ContentSnapshot): readonly Slide[] {
  const timeZone = kioskTimeZone(snapshot.settings.timeZone);
  const [now, setNow] = useState(() => Date.now());
  const { slides } = useMemo(
    () => resolvePlaylist(snapshot.content, now, timeZone),
    [snapshot.content, now, timeZone],
  );
  useEffect(() => {
    // A date weeks ahead is beyond the horizon: without a look now and then it would never start.
    const at = nextChange(snapshot.content, now, timeZone) ?? now + RECHECK_MS;
    const timer = setTimeout(
      () => setNow(Date.now()),
      Math.min(Math.max(at - Date.now(), 0), MAX_TIMER_MS),
    );
    return () => clearTimeout(timer);
  }, [snapshot.content, now, timeZone]);
  return slides;
}
