/**
 * A schedule date: the browser's date picker, with dates no calendar has refused at the field.
 */
import { useState } from 'react';
import { IMPOSSIBLE_DATE_TYPED } from '#core/schedule-warnings';

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
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value ?? ''}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        onChange={(event) => check(event.target)}
        onBlur={(event) => check(event.target)}
      />
      {shown && (
        <p id={`${id}-error`} className="admin-field__error">
          {shown}
        </p>
      )}
    </div>
  );
}
