/**
 * Labelled form fields that show their own error under them and say so to screen readers.
 */
import { useId, type ReactNode } from 'react';
import { describedBy as joinIds, FieldError, useFieldProblem } from '../FieldProblems';

interface FieldFrame {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

/** The ids of a field's error and hint, for its control's `aria-describedby`. */
export function fieldDescribedBy(
  id: string,
  hint: ReactNode,
  error: string | undefined,
): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Help({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="admin-note admin-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="admin-field__error">
          {error}
        </p>
      )}
    </>
  );
}

/** The frame every admin field shares: its label, its control, then its hint and its error. */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  /** The control's id. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** More classes beside `admin-field`. */
  className?: string;
  /** The control (with `fieldDescribedBy` as its `aria-describedby` when it has a hint or error). */
  children: ReactNode;
}) {
  return (
    <div className={className ? `admin-field ${className}` : 'admin-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      <Help id={id} hint={hint} error={error} />
    </div>
  );
}

/** What a `ProblemField` hands its control. */
export interface ProblemControl {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled field that shows its own problem (from the form's `FieldProblemsProvider`) under it. */
export function ProblemField(props: {
  /** The key its problems come under. */
  name: string;
  label: string;
  children(control: ProblemControl): ReactNode;
}) {
  const id = useId();
  const problem = useFieldProblem(props.name);
  return (
    <div className="admin-field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        'aria-invalid': problem.invalid,
        'aria-describedby': joinIds(problem.errorId),
      })}
      <FieldError problem={problem} />
    </div>
  );
}

/** A whole number of seconds. */
export function SecondsField({
  id,
  label,
  hint,
  error,
  value,
  min,
  max,
  onChange,
}: FieldFrame & { value: string; min: number; max: number; onChange(value: string): void }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, error)}
      />
    </Field>
  );
}

/** A checkbox with its label beside it. */
export function CheckField({
  id,
  label,
  hint,
  error,
  checked,
  onChange,
}: FieldFrame & { checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="admin-field admin-field--check">
      <label className="admin-check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy(id, hint, error)}
        />
        {label}
      </label>
      <Help id={id} hint={hint} error={error} />
    </div>
  );
}

/** A choice from a short list. */
export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
}: FieldFrame & {
  value: string;
  options: readonly { value: string; label: string; lang?: string }[];
  onChange(value: string): void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Free text with suggestions from a datalist. */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  suggestions,
  placeholder,
  multiline,
  onChange,
}: FieldFrame & {
  value: string;
  suggestions?: readonly string[];
  placeholder?: string;
  /** Several lines (a key in PEM form). */
  multiline?: boolean;
  onChange(value: string): void;
}) {
  if (multiline) {
    return (
      <Field id={id} label={label} hint={hint} error={error}>
        <textarea
          id={id}
          rows={4}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescribedBy(id, hint, error)}
        />
      </Field>
    );
  }
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        list={suggestions?.length ? `${id}-list` : undefined}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, error)}
      />
      {suggestions && suggestions.length > 0 && (
        <datalist id={`${id}-list`}>
          {suggestions.map((option) => (
            <option key={option} value={option} />
          ))}
        </datalist>
      )}
    </Field>
  );
}
