/**
 * Problems shown at their fields: the form sections say which problems there are, each field
 * finds its own by key and marks itself invalid, linked to its message.
 */
import { createContext, useContext, useId, useMemo, type ReactNode } from 'react';
import { fieldKey, type FieldProblem } from './field-map';

interface Scope {
  /** Where the fields below are: a playlist id, or `<playlist id>/<slide id>`. */
  scope: string;
  messages: ReadonlyMap<string, string>;
}

const FieldProblemsContext = createContext<Scope>({ scope: '', messages: new Map() });

/** Offer `problems` to the fields inside (the first message of a field wins). */
export function FieldProblemsProvider(props: {
  problems: readonly FieldProblem[];
  children: ReactNode;
}) {
  const { problems } = props;
  const value = useMemo(() => {
    const messages = new Map<string, string>();
    for (const problem of problems) {
      // Said with the label, as in the summary: the message also stands alone when read out.
      if (!messages.has(problem.key)) {
        messages.set(problem.key, `${problem.label}: ${problem.message}`);
      }
    }
    return { scope: '', messages };
  }, [problems]);
  return <FieldProblemsContext value={value}>{props.children}</FieldProblemsContext>;
}

/** The fields inside belong to `scope` (a playlist id, then a slide id inside it). */
export function FieldScope({ scope, children }: { scope: string; children: ReactNode }) {
  const outer = useContext(FieldProblemsContext);
  const value = useMemo(
    () => ({ ...outer, scope: outer.scope ? `${outer.scope}/${scope}` : scope }),
    [outer, scope],
  );
  return <FieldProblemsContext value={value}>{children}</FieldProblemsContext>;
}

/** What a field needs to show its problem: attributes for the control, and the message. */
export interface FieldProblemProps {
  /** Spread on the control: `aria-invalid`, and the id to add to its `aria-describedby`. */
  invalid: true | undefined;
  errorId: string | undefined;
  message: string | undefined;
}

/** The problem of the field `name` in the current scope, if any. */
export function useFieldProblem(name: string): FieldProblemProps {
  const { scope, messages } = useContext(FieldProblemsContext);
  const id = useId();
  const message = messages.get(fieldKey(scope, name));
  return message
    ? { invalid: true, errorId: `${id}-error`, message }
    : { invalid: undefined, errorId: undefined, message: undefined };
}

/** Join ids for `aria-describedby`, leaving out the missing ones. */
export function describedBy(...ids: (string | undefined | false)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length ? present.join(' ') : undefined;
}

/** A field's message, under it; nothing when the field is fine. */
export function FieldError({ problem }: { problem: FieldProblemProps }) {
  if (!problem.message || !problem.errorId) return null;
  return (
    <p id={problem.errorId} className="admin-field__error">
      <span aria-hidden="true">⚠ </span>
      {problem.message}
    </p>
  );
}
