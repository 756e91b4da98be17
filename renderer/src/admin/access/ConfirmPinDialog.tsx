/**
 * "Confirm with your PIN": asked again within a session before a change that reaches beyond the
 * screen (the sync server, the bundle public key, remote admin over the network) or a publish.
 *
 * A modal `<dialog>` with the PIN field and the on-screen keypad, so touch alone works. A wrong
 * PIN is said in the dialog and the PIN can be tried again; Cancel closes it and the edit stays
 * as it was, unsaved.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error';
import { PinField } from './PinField';
import { PinPad } from './PinPad';
import { isPin, PIN_RULE } from '#core/pin';
import { usePinKeypad } from './usePinKeypad';

/** What the dialog does with the PIN: resolves when the call went through. */
export type SendWithPin = (pin: string) => Promise<void>;

interface ConfirmPinDialogProps {
  /** Why the PIN is asked, such as "Enter the PIN again to change the sync server address." */
  reason: string;
  onSend: SendWithPin;
  /** The call went through. */
  onDone(): void;
  /** Staff cancelled (Cancel or Escape). */
  onCancel(): void;
}

/** Errors about the PIN itself stay in the dialog; anything else is the caller's to show. */
export function isPinError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    ['wrong-pin', 'locked-out', 'pin-required', 'invalid-input'].includes(error.code) &&
    (error.code !== 'invalid-input' || error.problems.some((p) => p.path === '$.pin'))
  );
}

function pinMessage(error: ApiError): string {
  if (error.code !== 'wrong-pin') return error.message;
  const left = error.details.attemptsLeft;
  if (typeof left !== 'number') return 'That PIN is not right.';
  return `That PIN is not right. ${left === 1 ? '1 try' : `${left} tries`} left before a pause.`;
}

/** The dialog; it is shown while mounted. */
export function ConfirmPinDialog({ reason, onSend, onDone, onCancel }: ConfirmPinDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const keypad = usePinKeypad([setPin]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Focus returns where it was (the Save or Publish button) when the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    field.current?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!isPin(pin)) {
      setMessage(PIN_RULE);
      field.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSend(pin);
      onDone();
    } catch (error) {
      setPin('');
      setBusy(false);
      if (!isPinError(error)) throw error;
      setMessage(pinMessage(error));
      field.current?.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby={titleId}
      aria-describedby={reasonId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="admin-dialog__title">
        Confirm with your PIN
      </h2>
      <p id={reasonId}>{reason}</p>
      <form onSubmit={(event) => void submit(event).catch(onCancel)} noValidate>
        <PinField
          label="PIN"
          value={pin}
          onChange={setPin}
          invalid={message !== undefined}
          readOnly={busy}
          inputRef={field}
        />
        {message && (
          <p role="alert" className="admin-alert admin-alert__message">
            {message}
          </p>
        )}
        <PinPad
          onDigit={keypad.onDigit}
          onDelete={keypad.onDelete}
          submitLabel="Confirm"
          disabled={busy}
        />
        <div className="admin-actions">
          <button type="button" className="admin-button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
