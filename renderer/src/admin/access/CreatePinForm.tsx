/**
 * Create the first staff PIN, offered only at the kiosk itself while none is set.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AuthStatus, KioskApi } from '#core/contract';
import { ApiError } from '../../api/api-error';
import type { FieldProblem } from '../field-map';
import { isPin, PIN_RULE } from '#core/pin';
import { errorMessage } from '../ui/error-message';
import { PinEntry } from './PinEntry';
import { pinProblem } from './PinProblems';

interface CreatePinFormProps {
  api: KioskApi;
  onStatus(status: AuthStatus): void;
}

/** New PIN, repeat it, Create PIN. */
export function CreatePinForm({ api, onStatus }: CreatePinFormProps) {
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const introId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: FieldProblem[] = [];
    if (!isPin(pin)) found.push(pinProblem('pin', 'New PIN', PIN_RULE));
    if (pin !== repeat)
      found.push(pinProblem('repeat', 'Repeat PIN', 'the two PINs are not the same.'));
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      onStatus(await api.invoke('auth:create-pin', { pin }));
    } catch (error) {
      const listed = error instanceof ApiError ? error.problems.map((p) => p.message) : [];
      const said = [errorMessage(error), ...listed];
      setProblems(said.map((message) => pinProblem('form', '', message)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby={introId}>
      <p id={introId}>
        No staff PIN is set yet. Choose one now: it protects the admin from visitors. Keep it
        somewhere safe.
      </p>
      <PinEntry
        fields={[
          { name: 'pin', label: 'New PIN', value: pin, set: setPin, autoFocus: true },
          { name: 'repeat', label: 'Repeat PIN', value: repeat, set: setRepeat },
        ]}
        problems={problems}
        problemsHeading="The PIN was not created:"
        submitLabel="Create PIN"
        busy={busy}
      />
    </form>
  );
}
