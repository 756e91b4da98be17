/**
 * A PIN input: masked, a number pad on touch screens, never remembered by the browser.
 */
import { useId, type Ref } from 'react';

interface PinFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Whether the value was refused (the reason is in an alert or `describedBy`). */
  invalid?: boolean;
  /** Ids of elements that describe the field, such as its hint. */
  describedBy?: string;
  autoFocus?: boolean;
  /** While a try is being checked: typing now would be wiped by its answer. */
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled PIN field. */
export function PinField({
  label,
  value,
  onChange,
  invalid = false,
  describedBy,
  autoFocus = false,
  readOnly = false,
  inputRef,
}: PinFieldProps) {
  const id = useId();
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        className="admin-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={value}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-autofocus={autoFocus || undefined}
      />
    </div>
  );
}
