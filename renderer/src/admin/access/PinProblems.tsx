/**
 * The problems of a PIN form (create, change): one per field, listed in an alert above the keypad.
 */
import type { FieldProblem } from '../field-map';
import { Alert } from '../ui/ErrorAlert';

/** A problem at one of the form's fields (`form`: the whole form, said without a label). */
export function pinProblem(key: string, label: string, message: string): FieldProblem {
  return { key, label, where: '', message };
}

/** "The PIN was not …:" and one line per problem; nothing when there is none. */
export function PinProblems({
  heading,
  problems,
}: {
  heading: string;
  problems: readonly FieldProblem[];
}) {
  if (problems.length === 0) return null;
  return (
    <Alert
      message={heading}
      items={problems.map((problem) =>
        problem.key === 'form' ? problem.message : `${problem.label}: ${problem.message}`,
      )}
    />
  );
}
