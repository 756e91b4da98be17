/**
 * Whether there are unsaved changes, with Save and Discard, and why a save was refused.
 */
import { ErrorAlert } from '../ErrorAlert';
import type { AdminFailure } from '../useAdminData';

interface SaveBarProps {
  dirty: boolean;
  saving: boolean;
  /** A short note about the last action, announced politely. */
  notice: string;
  /** Why the last save was refused, shown next to the Save button. */
  failures: readonly (AdminFailure | undefined)[];
  onSave(): void;
  onDiscard(): void;
  onDismiss(): void;
}

/** A bar that stays in view: "Unsaved changes" (text and style, not colour only) and the buttons. */
export function SaveBar({
  dirty,
  saving,
  notice,
  failures,
  onSave,
  onDiscard,
  onDismiss,
}: SaveBarProps) {
  const shown = failures.filter((failure): failure is AdminFailure => failure !== undefined);
  return (
    <div className="pl-savebar-wrap">
      <div className={`pl-savebar${dirty ? ' is-dirty' : ''}`}>
        <p className="pl-savebar__state" role="status">
          {saving ? (
            'Saving…'
          ) : dirty ? (
            <>
              <span className="pl-savebar__mark" aria-hidden="true">
                ●
              </span>{' '}
              <strong>Unsaved changes</strong>
              {shown.length > 0 ? (
                <span className="pl-savebar__notice">
                  {' '}
                  Not saved: the reasons are listed below.
                </span>
              ) : (
                notice && <span className="pl-savebar__notice"> {notice}</span>
              )}
            </>
          ) : (
            <>All changes saved.{notice && ` ${notice}`}</>
          )}
        </p>
        <div className="pl-savebar__actions">
          <button
            type="button"
            className="admin-button"
            aria-disabled={!dirty || saving || undefined}
            onClick={() => dirty && !saving && onDiscard()}
          >
            Discard changes
          </button>
          <button
            type="button"
            className="admin-button admin-button--primary"
            aria-disabled={!dirty || saving || undefined}
            onClick={() => dirty && !saving && onSave()}
          >
            Save
          </button>
        </div>
      </div>
      {shown.map((failure, i) => (
        <ErrorAlert key={i} failure={failure} onDismiss={onDismiss} />
      ))}
    </div>
  );
}
