/**
 * A failed save or load: the reason in a `role="alert"`, in words (JSON paths stay in the API).
 */
import type { ReactNode } from 'react';
import type { AdminFailure } from './useAdminData';

/** Say what went wrong; nothing already saved was lost. */
export function ErrorAlert({
  failure,
  onDismiss,
  children,
}: {
  failure: AdminFailure;
  onDismiss?(): void;
  /** More actions, such as loading the other version after a conflict. */
  children?: ReactNode;
}) {
  return (
    <div className="admin-alert" role="alert">
      <p className="admin-alert__message">
        {failure.code === 'conflict' ? 'Not saved: ' : failure.problems.length ? 'Not saved. ' : ''}
        {failure.message}
      </p>
      {failure.problems.length > 0 && (
        <ul>
          {failure.problems.map((problem, i) => (
            <li key={i}>{problem.message}</li>
          ))}
        </ul>
      )}
      <p className="admin-alert__note">What was saved before is unchanged.</p>
      {children}
      {onDismiss && (
        <button type="button" className="admin-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
