/**
 * The PIN entry block of the Create PIN and Change PIN forms: its PIN fields, the digits rule,
 * the problems, then the on-screen keypad that types into the field last focused.
 */
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { PIN_DIGITS_TEXT } from '#core/pin';
import type { FieldProblem } from '../field-map';
import { FieldProblemsProvider } from '../FieldProblems';
import { CheckedPinField } from './CheckedPinField';
import { PinPad } from './PinPad';
import { PinProblems } from './PinProblems';
import { usePinKeypad } from './usePinKeypad';

/** One PIN field of the block; `name` is the key its problems come under. */
export interface PinEntryField {
  name: string;
  label: string;
  value: string;
  set: Dispatch<SetStateAction<string>>;
  autoFocus?: boolean;
}

interface PinEntryProps {
  fields: readonly PinEntryField[];
  /** Said after the digits rule, such as who else needs the new PIN. */
  note?: string;
  problems: readonly FieldProblem[];
  /** The problems' heading, such as "The PIN was not created:". */
  problemsHeading: string;
  submitLabel: string;
  busy: boolean;
  /** Shown between the problems and the keypad, such as a status line. */
  children?: ReactNode;
}

/** The fields, their problems and the keypad; goes inside the form. */
export function PinEntry(props: PinEntryProps) {
  const { fields, note, problems, problemsHeading, submitLabel, busy, children } = props;
  const keypad = usePinKeypad(fields.map((field) => field.set));
  return (
    <FieldProblemsProvider problems={problems}>
      {fields.map((field, index) => (
        <CheckedPinField
          key={field.name}
          name={field.name}
          label={field.label}
          value={field.value}
          onChange={field.set}
          autoFocus={field.autoFocus}
          {...keypad.target(index)}
        />
      ))}
      <p className="admin-note">
        {PIN_DIGITS_TEXT}.{note && ` ${note}`}
      </p>
      <PinProblems heading={problemsHeading} problems={problems} />
      {children}
      <PinPad
        onDigit={keypad.onDigit}
        onDelete={keypad.onDelete}
        submitLabel={submitLabel}
        disabled={busy}
      />
    </FieldProblemsProvider>
  );
}
