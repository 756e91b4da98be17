/**
 * A schedule date: the browser's date picker, with dates no calendar has refused at the field.
 */
import { useState } from 'react';
import { IMPOSSIBLE_DATE_TYPED } from '#core/schedule-warnings';
import { Field, fieldDescribedBy } from '../ui/fields';

interface DateFieldProps {
  id: string;
  label: string;
  value: string | undefined;
  /** Why the saved value cannot be kept (from core), if it cannot. */
  error: string | undefined;
  onChange(date: string | undefined): void;
}

/** A `type="date"` field; a date such as 31 February leaves the value as it was and says why. */
export function DateField({ id, label, value, error, onChange }: DateFieldProps) {
  // The browser turns a day the month lacks into an empty value with `validity.badInput` set.
  const [typedBadly, setTypedBadly] = useState(false);
  const shown = typedBadly ? IMPOSSIBLE_DATE_TYPED : error;
  const check = (input: HTMLInputElement) => {
    if (input.validity.badInput) {
      setTypedBadly(true);
      return;
    }
    // React puts the last good value back after a bad one: only a real change clears the error.
    const date = input.value || undefined;
    if (date === value) return;
    setTypedBadly(false);
    onChange(date);
  };
  return (
    <Field id={id} label={label} error={shown}>
      <input
        id={id}
        type="date"
        value={value ?? ''}
        aria-invalid={shown ? true : undefined}
        aria-describedby={fieldDescribedBy(id, undefined, shown)}
        onChange={(event) => check(event.target)}
        onBlur={(event) => check(event.target)}
      />
    </Field>
  );
}
