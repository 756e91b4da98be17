/**
 * The emergency message the host holds: polled every few seconds, shown from its start time and
 * hidden at its expiry time.
 *
 * Polling (rather than a pushed event) works the same over HTTP and the Electron bridge and
 * picks up messages set from the command line. While the host cannot be reached (a restart),
 * the last message stays up; its expiry still takes it down on time.
 */
import { useEffect, useState } from 'react';
import type { Alert, AlertState } from '#core/alert';
import type { KioskApi } from '#core/contract';

/** How often the player asks the host for the message. */
export const ALERT_POLL_MS = 2000;

/** The message to show now, or null. */
export function useAlert(api: KioskApi): Alert | null {
  const [alert, setAlert] = useState<Alert | null>(null);
  useEffect(() => {
    let alive = true;
    let poll: ReturnType<typeof setTimeout> | undefined;
    let expiry: ReturnType<typeof setTimeout> | undefined;
    let start: ReturnType<typeof setTimeout> | undefined;
    // When a waiting message starts by this player's clock, fixed when first seen so that each
    // poll does not push it back (the host's clock and this one may run apart).
    let waiting: { key: string; at: number } | undefined;
    const show = (next: Alert | null) =>
      setAlert((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    const apply = (state: AlertState) => {
      clearTimeout(expiry);
      clearTimeout(start);
      const next = state.alert;
      if (next && state.startsInMs !== null && state.startsInMs > 0) {
        const key = JSON.stringify(next);
        if (waiting?.key !== key) waiting = { key, at: Date.now() + state.startsInMs };
        const wait = waiting.at - Date.now();
        if (wait > 0) {
          show(null);
          start = setTimeout(() => alive && show(next), wait);
          if (state.expiresInMs !== null) {
            expiry = setTimeout(() => alive && show(null), state.expiresInMs);
          }
          return;
        }
      }
      show(next);
      if (next && state.expiresInMs !== null) {
        expiry = setTimeout(() => alive && setAlert(null), state.expiresInMs);
      }
    };
    const load = () => {
      api
        .invoke('alert:get', undefined)
        .then((state) => alive && apply(state))
        // The host may be restarting: keep what shows (its expiry timer still runs).
        .catch(() => undefined)
        .finally(() => {
          if (alive) poll = setTimeout(load, ALERT_POLL_MS);
        });
    };
    load();
    return () => {
      alive = false;
      clearTimeout(poll);
      clearTimeout(expiry);
      clearTimeout(start);
    };
  }, [api]);
  return alert;
}
