/**
 * Change the staff PIN: the current one, then the new one twice.
 */
import { useId, useState, type FormEvent } from 'react';
import type { KioskApi } from '#core/contract';
import { ApiError } from '../../api/api-error';
import type { FieldProblem } from '../field-map';
import { isPin, PIN_RULE } from '#core/pin';
import { errorMessage } from '../ui/error-message';
import { wrongPinMessage } from '../access/OnePinEntry';
import { PinEntry } from '../access/PinEntry';
import { pinProblem } from '../access/PinProblems';

/** Why a change was refused, in staff's words. */
function refusal(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  if (error.code === 'wrong-pin') {
    return wrongPinMessage(error.details.attemptsLeft, 'The current PIN');
  }
  return error.message;
}

/** The Change PIN form, with a clear message when it worked. */
export function ChangePin({ api }: { api: KioskApi }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const titleId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found: FieldProblem[] = [];
    if (!isPin(current)) found.push(pinProblem('current', 'Current PIN', PIN_RULE));
    if (!isPin(next)) found.push(pinProblem('next', 'New PIN', PIN_RULE));
    if (next !== repeat) {
      found.push(pinProblem('repeat', 'Repeat new PIN', 'the two new PINs are not the same.'));
    }
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await api.invoke('auth:change-pin', { currentPin: current, newPin: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (error) {
      setCurrent('');
      const wrong = error instanceof ApiError && error.code === 'wrong-pin';
      setProblems([pinProblem(wrong ? 'current' : 'form', 'Current PIN', refusal(error))]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-card" aria-labelledby={titleId}>
      <h3 id={titleId}>Change PIN</h3>
      <form onSubmit={submit} noValidate>
        <PinEntry
          fields={[
            { name: 'current', label: 'Current PIN', value: current, set: setCurrent },
            { name: 'next', label: 'New PIN', value: next, set: setNext },
            { name: 'repeat', label: 'Repeat new PIN', value: repeat, set: setRepeat },
          ]}
          note="Staff signed in elsewhere will need the new PIN."
          problems={problems}
          problemsHeading="The PIN was not changed:"
          submitLabel="Change PIN"
          busy={busy}
        >
          <p role="status" className="admin-status">
            {done ? 'The PIN was changed. Use the new PIN from now on.' : ''}
          </p>
        </PinEntry>
      </form>
    </section>
  );
}
