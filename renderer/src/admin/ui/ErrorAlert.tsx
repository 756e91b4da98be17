/**
 * Alerts: what went wrong, in a `role="alert"`, in words (JSON paths stay in the API).
 */
import type { ReactNode } from 'react';
import type { AdminFailure } from '../useAdminData';

interface AlertProps {
  /** The first line, such as "Not saved. Please check:". */
  message?: ReactNode;
  /** One list item each, such as each problem. */
  items?: readonly ReactNode[];
  /** The last line, such as "What was saved before is unchanged.". */
  note?: ReactNode;
  onDismiss?(): void;
  /** More, such as an action after the note. */
  children?: ReactNode;
}

/** The one alert block: a message, a list, a note, then a Dismiss button when it can be dismissed. */
export function Alert({ message, items = [], note, onDismiss, children }: AlertProps) {
  return (
    <div className="admin-alert" role="alert">
      {message !== undefined && <p className="admin-alert__message">{message}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
      {note !== undefined && <p className="admin-alert__note">{note}</p>}
      {children}
      {onDismiss && (
        <button type="button" className="admin-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}

/** Said under every refused save. */
export const NOTHING_LOST = 'What was saved before is unchanged.';

/** Say what went wrong with a save or load; nothing already saved was lost. */
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
  const lead =
    failure.code === 'conflict' ? 'Not saved: ' : failure.problems.length ? 'Not saved. ' : '';
  return (
    <Alert
      message={
        <>
          {lead}
          {failure.message}
        </>
      }
      items={failure.problems.map((problem) => problem.message)}
      note={NOTHING_LOST}
      onDismiss={onDismiss}
    >
      {children}
    </Alert>
  );
}
