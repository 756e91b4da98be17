/**
 * The summary of a refused save: each problem by its field's visible label, in a `role="alert"`.
 */
import type { FieldProblem } from './field-map';

/** "Not saved. Please check:" and one line per problem: `Duration: between 2 and 600 seconds`. */
export function ProblemSummary(props: { problems: readonly FieldProblem[]; onDismiss?(): void }) {
  return (
    <div className="admin-alert" role="alert">
      <p className="admin-alert__message">Not saved. Please check:</p>
      <ul>
        {props.problems.map((problem, i) => (
          <li key={i}>
            <strong>{problem.label}</strong>: {problem.message}
            {problem.where && <span className="admin-alert__where"> ({problem.where})</span>}
          </li>
        ))}
      </ul>
      <p className="admin-alert__note">What was saved before is unchanged.</p>
      {props.onDismiss && (
        <button type="button" className="admin-button" onClick={props.onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
