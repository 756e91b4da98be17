/**
 * A failed save or load: the reason and each problem by field, in a `role="alert"`.
 */
import type { AdminFailure } from './useAdminData';

/** Say what went wrong; nothing already saved was lost. */
export function ErrorAlert({ failure, onDismiss }: { failure: AdminFailure; onDismiss?(): void }) {
  return (
    <div className="admin-alert" role="alert">
      <p className="admin-alert__message">
        {failure.code === 'conflict' ? 'Not saved: ' : failure.problems.length ? 'Not saved. ' : ''}
        {failure.message}
      </p>
      {failure.problems.length > 0 && (
        <ul>
          {failure.problems.map((problem, i) => (
            <li key={i}>
              <code>{problem.path}</code>: {problem.message}
            </li>
          ))}
        </ul>
      )}
      <p className="admin-alert__note">What was saved before is unchanged.</p>
      {onDismiss && (
        <button type="button" className="admin-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
