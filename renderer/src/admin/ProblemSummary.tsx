/**
 * The summary of a refused save: each problem by its field's visible label, in a `role="alert"`.
 */
import type { FieldProblem } from './field-map';
import { Alert, NOTHING_LOST } from './ui/ErrorAlert';

/** "Not saved. Please check:" and one line per problem: `Duration: between 2 and 600 seconds`. */
export function ProblemSummary(props: { problems: readonly FieldProblem[]; onDismiss?(): void }) {
  return (
    <Alert
      message="Not saved. Please check:"
      items={props.problems.map((problem) => (
        <>
          <strong>{problem.label}</strong>: {problem.message}
          {problem.where && <span className="admin-alert__where"> ({problem.where})</span>}
        </>
      ))}
      note={NOTHING_LOST}
      onDismiss={props.onDismiss}
    />
  );
}
