/**
 * The current time, updated at each new minute (enough for a clock and for schedules).
 */
import { useEffect, useState } from 'react';

/** `Date.now()`, refreshed just after every minute boundary. */
export function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const wait = 60_000 - (now % 60_000) + 50;
    const timer = setTimeout(() => setNow(Date.now()), wait);
    return () => clearTimeout(timer);
  }, [now]);
  return now;
}
