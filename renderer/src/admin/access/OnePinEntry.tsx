/**
 * The one-PIN entry of Unlock and "Confirm with your PIN": the field, its hint, what went wrong
 * with the last try, then the on-screen keypad; and the state behind it.
 */
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { isPin, PIN_RULE } from '#core/pin';
import { PinField } from './PinField';
import { PinPad } from './PinPad';
import { usePinKeypad } from './usePinKeypad';

/** "That PIN is not right. 2 tries left before a pause." (`subject` names the PIN). */
export function wrongPinMessage(attemptsLeft: unknown, subject = 'That PIN'): string {
  if (typeof attemptsLeft !== 'number') return `${subject} is not right.`;
  const tries = attemptsLeft === 1 ? '1 try' : `${attemptsLeft} tries`;
  return `${subject} is not right. ${tries} left before a pause.`;
}

/** The PIN typed, the message about the last try, and whether a try is being checked. */
export function useOnePin() {
  const field = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  /** Put the caret back in the field. */
  const focus = useCallback(() => field.current?.focus(), []);
  /** Say what went wrong (or nothing) and put the caret back in the field. */
  const refuse = (text: string | undefined) => {
    setMessage(text);
    focus();
  };
  /** Whether the PIN follows the rule; when not, the rule is said. */
  const followsRule = () => {
    if (isPin(pin)) return true;
    refuse(PIN_RULE);
    return false;
  };
  return { field, focus, pin, setPin, message, setMessage, busy, setBusy, refuse, followsRule };
}

interface OnePinEntryProps {
  entry: ReturnType<typeof useOnePin>;
  /** A line under the field, such as the digits rule. */
  hint?: string;
  autoFocus?: boolean;
  submitLabel: string;
  /** The keypad is off (a lock-out), beside while a try is checked. */
  disabled?: boolean;
  /** Shown between the message and the keypad, such as a lock-out countdown. */
  children?: ReactNode;
}

/** The field, its hint, the message and the keypad; goes inside the form. */
export function OnePinEntry({
  entry,
  hint,
  autoFocus,
  submitLabel,
  disabled,
  children,
}: OnePinEntryProps) {
  const { field, pin, setPin, message, busy } = entry;
  const hintId = useId();
  const keypad = usePinKeypad([setPin]);
  const messageId = `${hintId}-message`;
  const describedBy = [message ? messageId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <>
      <PinField
        label="PIN"
        value={pin}
        onChange={setPin}
        invalid={message !== undefined}
        describedBy={describedBy || undefined}
        autoFocus={autoFocus}
        readOnly={busy}
        inputRef={field}
      />
      {hint && (
        <p id={hintId} className="admin-note admin-field__hint">
          {hint}
        </p>
      )}
      {message && (
        <p role="alert" id={messageId} className="admin-alert admin-alert__message">
          {message}
        </p>
      )}
      {children}
      <PinPad
        onDigit={keypad.onDigit}
        onDelete={keypad.onDelete}
        submitLabel={submitLabel}
        disabled={busy || disabled}
      />
    </>
  );
}
