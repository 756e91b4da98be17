/**
 * Unlock with the staff PIN: wrong tries say how many are left; a lock-out counts down.
 */
import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import type { AuthStatus, KioskApi } from '#core/contract';
import { ApiError } from '../../api/api-error';
import { PinField } from './PinField';
import { PinPad } from './PinPad';
import { isPin, PIN_DIGITS_TEXT, PIN_RULE } from '#core/pin';
import { useLockoutCountdown } from './useLockoutCountdown';
import { usePinKeypad } from './usePinKeypad';

interface UnlockFormProps {
  api: KioskApi;
  status: AuthStatus;
  onStatus(status: AuthStatus): void;
}

function wrongPinMessage(attemptsLeft: unknown): string {
  if (typeof attemptsLeft !== 'number') return 'That PIN is not right.';
  const tries = attemptsLeft === 1 ? '1 try' : `${attemptsLeft} tries`;
  return `That PIN is not right. ${tries} left before a pause.`;
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
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const keypad = usePinKeypad([setPin]);

  const onLockoutEnd = useCallback(() => {
    setMessage(undefined);
    field.current?.focus();
    // The host now allows tries again; let it say how many.
    api.invoke('auth:status', undefined).then(onStatus, () => undefined);
  }, [api, onStatus]);
  const lockout = useLockoutCountdown(status.lockedUntil, onLockoutEnd);
  const lockedOut = lockout.secondsLeft > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || lockedOut) return;
    if (!isPin(pin)) {
      setMessage(PIN_RULE);
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      onStatus(await api.invoke('auth:unlock', { pin }));
    } catch (error) {
      setPin('');
      if (error instanceof ApiError && error.code === 'wrong-pin') {
        setMessage(wrongPinMessage(error.details.attemptsLeft));
      } else if (error instanceof ApiError && error.code === 'locked-out') {
        setMessage(undefined);
        lockout.start(retryAfter(error));
      } else {
        setMessage(error instanceof Error ? error.message : String(error));
      }
      field.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <PinField
        label="PIN"
        value={pin}
        onChange={setPin}
        invalid={message !== undefined}
        describedBy={message ? `${hintId}-message ${hintId}` : hintId}
        autoFocus
        readOnly={busy}
        inputRef={field}
      />
      <p id={hintId} className="admin-note admin-field__hint">
        {PIN_DIGITS_TEXT}.
      </p>
      {message && (
        <p role="alert" id={`${hintId}-message`} className="admin-alert admin-alert__message">
          {message}
        </p>
      )}
      {lockedOut && (
        <div role="alert" className="admin-alert">
          <p className="admin-alert__message">
            Too many wrong PINs.{' '}
            {/* A timer is not a live region: the alert speaks once, the number updates quietly. */}
            <span role="timer">Try again in {lockout.secondsLeft} s.</span>
          </p>
        </div>
      )}
      <PinPad
        onDigit={keypad.onDigit}
        onDelete={keypad.onDelete}
        submitLabel="Unlock"
        disabled={busy || lockedOut}
      />
    </form>
  );
}
