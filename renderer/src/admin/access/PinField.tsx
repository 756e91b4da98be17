/**
 * A PIN input: masked, never remembered by the browser, filled by the on-screen keypad (`PinPad`)
 * or a physical keyboard.
 */
import { useId, type Ref } from 'react';
import { PIN_MAX_LENGTH } from '#core/pin';
import { Field } from '../ui/fields';

export interface PinFieldProps {
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
  /** Focus reached the field: the keypad now types here. */
  onFocus?(): void;
  /** Marks the field the keypad types into, when a form has more than one. */
  keypadTarget?: boolean;
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
  onFocus,
  keypadTarget = false,
}: PinFieldProps) {
  const id = useId();
  return (
    <Field id={id} label={label}>
      <input
        ref={inputRef}
        id={id}
        className={keypadTarget ? 'admin-pin admin-pin--target' : 'admin-pin'}
        type="password"
        // The on-screen keypad is the way in by touch: no system keyboard over it.
        inputMode="none"
        autoComplete="off"
        maxLength={PIN_MAX_LENGTH}
        value={value}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
        onFocus={onFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-autofocus={autoFocus || undefined}
      />
    </Field>
  );
}
