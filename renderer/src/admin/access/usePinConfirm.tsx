/**
 * Ask for the PIN again before a call that needs it: `ask(reason, send)` opens "Confirm with your
 * PIN" and resolves true once `send(pin)` went through, false when staff cancelled.
 */
import { useCallback, useState } from 'react';
import { ConfirmPinDialog, type SendWithPin } from './ConfirmPinDialog';

interface Asking {
  reason: string;
  send: SendWithPin;
  settle(done: boolean): void;
}

/** The `ask` function and the dialog element to render (null while nothing is asked). */
export function usePinConfirm() {
  const [asking, setAsking] = useState<Asking | undefined>();
  const ask = useCallback(
    (reason: string, send: SendWithPin) =>
      new Promise<boolean>((resolve) =>
        setAsking({
          reason,
          send,
          settle: (done) => {
            setAsking(undefined);
            resolve(done);
          },
        }),
      ),
    [],
  );
  const dialog = asking ? (
    <ConfirmPinDialog
      reason={asking.reason}
      onSend={asking.send}
      onDone={() => asking.settle(true)}
      onCancel={() => asking.settle(false)}
    />
  ) : null;
  return { ask, dialog };
}
