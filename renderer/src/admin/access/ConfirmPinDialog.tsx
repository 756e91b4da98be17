/**
 * "Confirm with your PIN": asked again within a session before a change that reaches beyond the
 * screen (the sync server, the bundle public key, remote admin over the network) or a publish.
 *
 * A modal `<dialog>` with the PIN field and the on-screen keypad, so touch alone works. A wrong
 * PIN is said in the dialog and the PIN can be tried again; Cancel closes it and the edit stays
 * as it was, unsaved.
 */
import { useEffect, type FormEvent } from 'react';
import { Dialog, DialogActions } from '../ui/Dialog';
import { ApiError } from '../../api/api-error';
import { OnePinEntry, useOnePin, wrongPinMessage } from './OnePinEntry';

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
  return error.code === 'wrong-pin' ? wrongPinMessage(error.details.attemptsLeft) : error.message;
}

/** The dialog; it is shown while mounted. */
export function ConfirmPinDialog({ reason, onSend, onDone, onCancel }: ConfirmPinDialogProps) {
  const entry = useOnePin();
  const { focus, setPin, busy, setBusy, refuse } = entry;

  // Runs after the dialog (a child) has opened, so the field can take focus.
  useEffect(focus, [focus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !entry.followsRule()) return;
    setBusy(true);
    try {
      await onSend(entry.pin);
      onDone();
    } catch (error) {
      setPin('');
      setBusy(false);
      if (!isPinError(error)) throw error;
      refuse(pinMessage(error));
    }
  };

  return (
    <Dialog
      title="Confirm with your PIN"
      description={<p>{reason}</p>}
      onCancel={() => {
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={(event) => void submit(event).catch(onCancel)} noValidate>
        <OnePinEntry entry={entry} submitLabel="Confirm" />
        <DialogActions>
          <button type="button" className="admin-button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
