/**
 * The save banner: one state at a time (unsaved, saving, saved, not saved, conflict), with
 * Save and Discard, and why a save was refused, field by field.
 */
import { ErrorAlert } from '../ui/ErrorAlert';
import { ProblemSummary } from '../ProblemSummary';
import type { FieldProblem } from '../field-map';
import { saveState, type SaveNotice } from '../save-state';
import type { AdminFailure } from '../useAdminData';

interface SaveBarProps {
  dirty: boolean;
  saving: boolean;
  notice: SaveNotice | undefined;
  /** What stops the draft from saving, by field. */
  problems: readonly FieldProblem[];
  /** Why the host refused the last save. */
  failure: AdminFailure | undefined;
  onSave(): void;
  onDiscard(): void;
  onDismiss(): void;
  /** After a conflict: keep a copy of the edit in view and load what the other person saved. */
  onLoadTheirs(): void;
}

const MARK = (
  <span className="pl-savebar__mark" aria-hidden="true">
    ●
  </span>
);

/** A bar that stays in view: the state (text and style, not colour only) and the buttons. */
export function SaveBar(props: SaveBarProps) {
  const { dirty, saving, notice, problems, failure } = props;
  const state = saveState({ dirty, saving, problems: problems.length, failure: failure?.code });
  const note = notice?.state === state ? ` ${notice.text}` : '';
  const canSave = dirty && !saving;
  return (
    <div className="pl-savebar-wrap">
      <div className={`pl-savebar${state === 'saved' ? '' : ' is-dirty'}`}>
        <p className="pl-savebar__state" role="status">
          {state === 'saving' && 'Saving…'}
          {state === 'saved' && `All changes saved.${note}`}
          {state === 'unsaved' && (
            <>
              {MARK} <strong>Unsaved changes</strong>
              {note}
            </>
          )}
          {state === 'not-saved' && (
            <>
              {MARK} <strong>Not saved</strong>: your changes are still here; what to fix is listed
              below.
            </>
          )}
          {state === 'conflict' && (
            <>
              {MARK} <strong>Not saved</strong>: someone else saved changes meanwhile; your changes
              are still here.
            </>
          )}
        </p>
        <div className="pl-savebar__actions">
          <button
            type="button"
            className="admin-button"
            aria-disabled={!canSave || undefined}
            onClick={() => canSave && props.onDiscard()}
          >
            Discard changes
          </button>
          <button
            type="button"
            className="admin-button admin-button--primary"
            aria-disabled={!canSave || undefined}
            onClick={() => canSave && props.onSave()}
          >
            Save
          </button>
        </div>
      </div>
      {problems.length > 0 && <ProblemSummary problems={problems} onDismiss={props.onDismiss} />}
      {failure && failure.problems.length === 0 && (
        <ErrorAlert failure={failure} onDismiss={props.onDismiss}>
          {failure.code === 'conflict' && (
            <button type="button" className="admin-button" onClick={props.onLoadTheirs}>
              Load their version (keep a copy of my edit)
            </button>
          )}
        </ErrorAlert>
      )}
    </div>
  );
}
