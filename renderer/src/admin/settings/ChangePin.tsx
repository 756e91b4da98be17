/**
 * Change the staff PIN: the current one, then the new one twice.
 */
import { useId, useState, type FormEvent } from 'react';
import type { KioskApi } from '#core/contract';
import { ApiError } from '../../api/api-error';
import { CheckedPinField } from '../access/CheckedPinField';
import type { FieldProblem } from '../field-map';
import { FieldProblemsProvider } from '../FieldProblems';
import { isPin, PIN_DIGITS_TEXT, PIN_RULE } from '#core/pin';
import { PinPad } from '../access/PinPad';
import { usePinKeypad } from '../access/usePinKeypad';

/** Why a change was refused, in staff's words. */
function refusal(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'wrong-pin') {
    const left = error.details.attemptsLeft;
    const tries = left === 1 ? '1 try' : `${String(left)} tries`;
    return typeof left === 'number'
      ? `The current PIN is not right. ${tries} left before a pause.`
      : 'The current PIN is not right.';
  }
  return error.message;
}

/** A problem at one of the form's fields (`form`: the whole form). */
function pinProblem(key: string, label: string, message: string): FieldProblem {
  return { key, label, where: '', message };
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
  const keypad = usePinKeypad([setCurrent, setNext, setRepeat]);

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
      <FieldProblemsProvider problems={problems}>
        <form onSubmit={submit} noValidate>
          <CheckedPinField
            name="current"
            label="Current PIN"
            value={current}
            onChange={setCurrent}
            {...keypad.target(0)}
          />
          <CheckedPinField
            name="next"
            label="New PIN"
            value={next}
            onChange={setNext}
            {...keypad.target(1)}
          />
          <CheckedPinField
            name="repeat"
            label="Repeat new PIN"
            value={repeat}
            onChange={setRepeat}
            {...keypad.target(2)}
          />
          <p className="admin-note">
            {PIN_DIGITS_TEXT}. Staff signed in elsewhere will need the new PIN.
          </p>
          {problems.length > 0 && (
            <div role="alert" className="admin-alert">
              <p className="admin-alert__message">The PIN was not changed:</p>
              <ul>
                {problems.map((problem) => (
                  <li key={problem.key}>
                    {problem.key === 'form'
                      ? problem.message
                      : `${problem.label}: ${problem.message}`}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p role="status" className="admin-status">
            {done ? 'The PIN was changed. Use the new PIN from now on.' : ''}
          </p>
          <PinPad
            onDigit={keypad.onDigit}
            onDelete={keypad.onDelete}
            submitLabel="Change PIN"
            disabled={busy}
          />
        </form>
      </FieldProblemsProvider>
    </section>
  );
}
