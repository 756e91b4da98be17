/**
 * The current time to the minute (enough for a clock and for schedules).
 */
import { useEffect, useState } from 'react';

const minute = () => Math.floor(Date.now() / 60_000) * 60_000;

/** `Date.now()` rounded down to the minute; re-renders only when the minute changes. */
export function useMinute(): number {
  const [now, setNow] = useState(minute);
  useEffect(() => {
    // A check each second costs nothing (same value: no render) and never drifts, whatever
    // the machine's clock or sleep does.
    const timer = setInterval(() => setNow(minute()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
