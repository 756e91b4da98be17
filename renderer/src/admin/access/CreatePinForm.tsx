/**
 * Create the first staff PIN, offered only at the kiosk itself while none is set.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AuthStatus, KioskApi } from '#core/contract';
import { ApiError } from '../../api/api-error';
import type { FieldProblem } from '../field-map';
import { FieldProblemsProvider } from '../FieldProblems';
import { CheckedPinField } from './CheckedPinField';
import { PinPad } from './PinPad';
import { usePinKeypad } from './usePinKeypad';
import { isPin, PIN_DIGITS_TEXT, PIN_RULE } from '#core/pin';

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
  const keypad = usePinKeypad([setPin, setRepeat]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: FieldProblem[] = [];
    if (!isPin(pin)) found.push({ key: 'pin', label: 'New PIN', where: '', message: PIN_RULE });
    if (pin !== repeat) {
      found.push({
        key: 'repeat',
        label: 'Repeat PIN',
        where: '',
        message: 'the two PINs are not the same.',
      });
    }
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      onStatus(await api.invoke('auth:create-pin', { pin }));
    } catch (error) {
      const listed = error instanceof ApiError ? error.problems.map((p) => p.message) : [];
      const said = [error instanceof Error ? error.message : String(error), ...listed];
      setProblems(said.map((message) => ({ key: 'form', label: '', where: '', message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FieldProblemsProvider problems={problems}>
      <form onSubmit={submit} noValidate aria-describedby={introId}>
        <p id={introId}>
          No staff PIN is set yet. Choose one now: it protects the admin from visitors. Keep it
          somewhere safe.
        </p>
        <CheckedPinField
          name="pin"
          label="New PIN"
          value={pin}
          onChange={setPin}
          autoFocus
          {...keypad.target(0)}
        />
        <CheckedPinField
          name="repeat"
          label="Repeat PIN"
          value={repeat}
          onChange={setRepeat}
          {...keypad.target(1)}
        />
        <p className="admin-note">{PIN_DIGITS_TEXT}.</p>
        {problems.length > 0 && (
          <div role="alert" className="admin-alert">
            <p className="admin-alert__message">The PIN was not created:</p>
            <ul>
              {problems.map((problem, i) => (
                <li key={i}>
                  {problem.key === 'form'
                    ? problem.message
                    : `${problem.label}: ${problem.message}`}
                </li>
              ))}
            </ul>
          </div>
        )}
        <PinPad
          onDigit={keypad.onDigit}
          onDelete={keypad.onDelete}
          submitLabel="Create PIN"
          disabled={busy}
        />
      </form>
    </FieldProblemsProvider>
  );
}
