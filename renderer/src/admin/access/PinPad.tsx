/**
 * An on-screen keypad for PIN fields: digits, delete and the form's submit, usable by touch alone.
 *
 * Keys never take focus (so a touch screen's own keyboard stays closed and the field keeps
 * the caret), never show which digit was pressed, and announce only their fixed names.
 */
import type { PointerEvent as ReactPointerEvent, MouseEvent as ReactMouseEvent } from 'react';

const DIGIT_ROWS = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

interface PinPadProps {
  /** A digit key was pressed. */
  onDigit(digit: string): void;
  /** The delete key was pressed. */
  onDelete(): void;
  /** The name of the form's submit button ("Unlock", "Create PIN"). */
  submitLabel: string;
  /** Every key is off, such as while a try is being checked or during a lock-out. */
  disabled?: boolean;
  /** The group's accessible name. */
  label?: string;
}

// Pressing a key must not move focus: on touch screens a focus change can open the
// system keyboard, and keyboard users keep typing in the field.
function keepFocus(event: ReactPointerEvent | ReactMouseEvent): void {
  event.preventDefault();
}

/** Digits 1-9, then Delete, 0 and the submit button. */
export function PinPad({ onDigit, onDelete, submitLabel, disabled = false, label }: PinPadProps) {
  const digit = (value: string) => (
    <button
      key={value}
      type="button"
      className="pin-pad__key"
      onPointerDown={keepFocus}
      onMouseDown={keepFocus}
      onClick={() => onDigit(value)}
      disabled={disabled}
    >
      {value}
    </button>
  );
  return (
    <div role="group" aria-label={label ?? 'Keypad'} className="pin-pad">
      {DIGIT_ROWS.map((row) => row.map(digit))}
      <button
        type="button"
        className="pin-pad__key pin-pad__key--delete"
        aria-label="Delete last digit"
        onPointerDown={keepFocus}
        onMouseDown={keepFocus}
        onClick={onDelete}
        disabled={disabled}
      >
        <span aria-hidden="true">⌫</span>
      </button>
      {digit('0')}
      <button
        type="submit"
        className="pin-pad__key pin-pad__key--submit"
        onPointerDown={keepFocus}
        onMouseDown={keepFocus}
        disabled={disabled}
      >
        {submitLabel}
      </button>
    </div>
  );
}
