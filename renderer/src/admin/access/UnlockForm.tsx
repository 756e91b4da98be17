/**
 * Unlock with the staff PIN: wrong tries say how many are left; a lock-out counts down.
 */
import { useCallback, type FormEvent } from 'react';
import type { AuthStatus, KioskApi } from '#core/contract';
import { ApiError } from '../../api/api-error';
import { OnePinEntry, useOnePin, wrongPinMessage } from './OnePinEntry';
import { PIN_DIGITS_TEXT } from '#core/pin';
import { useLockoutCountdown } from './useLockoutCountdown';
import { errorMessage } from '../ui/error-message';
import { Alert } from '../ui/ErrorAlert';

interface UnlockFormProps {
  api: KioskApi;
  status: AuthStatus;
  onStatus(status: AuthStatus): void;
}

/** The seconds a lock-out error asks us to wait. */
function retryAfter(error: ApiError): number {
  const { retryAfterSec, lockedUntil } = error.details;
  if (typeof retryAfterSec === 'number') return retryAfterSec;
  if (typeof lockedUntil === 'number') return (lockedUntil - Date.now()) / 1000;
  return 30;
}

/** The PIN field and the Unlock button. */
export function UnlockForm({ api, status, onStatus }: UnlockFormProps) {
  const entry = useOnePin();
  const { focus, setPin, setMessage, busy, setBusy, refuse } = entry;

  const onLockoutEnd = useCallback(() => {
    setMessage(undefined);
    focus();
    // The host now allows tries again; let it say how many.
    api.invoke('auth:status', undefined).then(onStatus, () => undefined);
  }, [api, onStatus, setMessage, focus]);
  const lockout = useLockoutCountdown(status.lockedUntil, onLockoutEnd);
  const lockedOut = lockout.secondsLeft > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || lockedOut || !entry.followsRule()) return;
    setBusy(true);
    try {
      onStatus(await api.invoke('auth:unlock', { pin: entry.pin }));
    } catch (error) {
      setPin('');
      if (error instanceof ApiError && error.code === 'wrong-pin') {
        refuse(wrongPinMessage(error.details.attemptsLeft));
      } else if (error instanceof ApiError && error.code === 'locked-out') {
        refuse(undefined);
        lockout.start(retryAfter(error));
      } else {
        refuse(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <OnePinEntry
        entry={entry}
        hint={`${PIN_DIGITS_TEXT}.`}
        autoFocus
        submitLabel="Unlock"
        disabled={lockedOut}
      >
        {lockedOut && (
          <Alert
            message={
              <>
                Too many wrong PINs.{' '}
                {/* A timer is not a live region: the alert speaks once, the number updates quietly. */}
                <span role="timer">Try again in {lockout.secondsLeft} s.</span>
              </>
            }
          />
        )}
      </OnePinEntry>
    </form>
  );
}
