/**
 * The emergency message the host holds: polled every few seconds, hidden at its expiry time.
 *
 * Polling (rather than a pushed event) works the same over HTTP and the Electron bridge and
 * picks up messages set from the command line. While the host cannot be reached (a restart),
 * the last message stays up; its expiry still takes it down on time.
 */
import { useEffect, useState } from 'react';
import type { Alert, AlertState } from '../../../core/alert';
import type { KioskApi } from '../../../core/contract';

/** How often the player asks the host for the message. */
export const ALERT_POLL_MS = 2000;

/** The message to show now, or null. */
export function useAlert(api: KioskApi): Alert | null {
  const [alert, setAlert] = useState<Alert | null>(null);
  useEffect(() => {
    let alive = true;
    let poll: ReturnType<typeof setTimeout> | undefined;
    let expiry: ReturnType<typeof setTimeout> | undefined;
    const apply = (state: AlertState) => {
      clearTimeout(expiry);
      setAlert((current) =>
        JSON.stringify(current) === JSON.stringify(state.alert) ? current : state.alert,
      );
      if (state.alert && state.expiresInMs !== null) {
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
    };
  }, [api]);
  return alert;
}
