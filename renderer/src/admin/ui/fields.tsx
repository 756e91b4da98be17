/**
 * Labelled form fields that show their own error under them and say so to screen readers.
 */
import { useId, type ReactNode } from 'react';
import { describedBy as joinIds, FieldError, useFieldProblem } from '../FieldProblems';
import { Check } from './Check';

export { Check } from './Check';

interface FieldFrame {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

/** The ids of a field's error, its hint and any other notes, for its control's `aria-describedby`. */
export function fieldDescribedBy(
  id: string,
  hint: ReactNode,
  error: string | undefined,
  ...notes: (string | undefined | false)[]
): string | undefined {
  return joinIds(error && `${id}-error`, !!hint && `${id}-hint`, ...notes);
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="admin-note admin-field__hint">
      {hint}
    </p>
  );
}

function Help(props: { id: string; hint?: ReactNode; error?: string; errorRole?: 'alert' }) {
  return (
    <>
      <Hint id={props.id} hint={props.hint} />
      {props.error && (
        <p id={`${props.id}-error`} className="admin-field__error" role={props.errorRole}>
          {props.error}
        </p>
      )}
    </>
  );
}

/** What every field's frame takes: the control's id, its label, and what goes under it. */
interface FrameProps {
  /** The control's id. */
  id: string;
  label: ReactNode;
  /** Beside the label, on its line (a "Not translated" badge). */
  aside?: ReactNode;
  /** More classes beside `admin-field`. */
  className?: string;
  /** The control (with `fieldDescribedBy` as its `aria-describedby` when it has a hint or error). */
  children: ReactNode;
}

function Frame({
  id,
  label,
  aside,
  className,
  children,
  under,
}: FrameProps & { under: ReactNode }) {
  const labelled = <label htmlFor={id}>{label}</label>;
  return (
    <div className={className ? `admin-field ${className}` : 'admin-field'}>
      {aside ? (
        <span className="admin-field__head">
          {labelled}
          {aside}
        </span>
      ) : (
        labelled
      )}
      {children}
      {under}
    </div>
  );
}

/** The frame every admin field shares: its label, its control, then its hint and its error. */
export function Field({
  hint,
  error,
  errorRole,
  ...frame
}: FrameProps & {
  hint?: ReactNode;
  error?: string;
  /** `alert` for an error that appears while staff type, so it is read out at once. */
  errorRole?: 'alert';
}) {
  return (
    <Frame
      {...frame}
      under={<Help id={frame.id} hint={hint} error={error} errorRole={errorRole} />}
    />
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
  label: ReactNode;
  aside?: ReactNode;
  hint?: ReactNode;
  /** Other notes that describe the control (after its problem and hint). */
  notes?: (string | undefined | false)[];
  className?: string;
  children(control: ProblemControl): ReactNode;
}) {
  const { name, hint, notes = [], children, ...frame } = props;
  const id = useId();
  const problem = useFieldProblem(name);
  return (
    <Frame
      {...frame}
      id={id}
      under={
        <>
          <Hint id={id} hint={hint} />
          <FieldError problem={problem} />
        </>
      }
    >
      {children({
        id,
        'aria-invalid': problem.invalid,
        'aria-describedby': joinIds(problem.errorId, !!hint && `${id}-hint`, ...notes),
      })}
    </Frame>
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

/** A checkbox with its label beside it, in a field's frame with its hint and error. */
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
      <Check
        id={id}
        label={label}
        checked={checked}
        onChange={onChange}
        invalid={!!error}
        describedBy={fieldDescribedBy(id, hint, error)}
      />
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
