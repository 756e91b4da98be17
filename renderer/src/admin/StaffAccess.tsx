/**
 * The "Staff access" dialog: unlock with the PIN, or create the first PIN at the kiosk itself.
 */
import { useId, useRef } from 'react';
import type { AuthStatus, KioskApi } from '#core/contract';
import { CreatePinForm } from './access/CreatePinForm';
import { UnlockForm } from './access/UnlockForm';
import { backToPlayer } from './routes';
import { useFocusTrap } from './useFocusTrap';

interface StaffAccessProps {
  api: KioskApi;
  status: AuthStatus;
  /** Why the dialog is shown, when it is not the first visit (a session that ended). */
  notice?: string;
  /** The host's new status: unlocked after a good PIN, or fresh counts after a lock-out. */
  onStatus(status: AuthStatus): void;
}

/** A modal dialog that keeps focus inside until staff unlock or go back to the player. */
export function StaffAccess({ api, status, notice, onStatus }: StaffAccessProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref);

  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className="admin-card admin-access"
    >
      <h1 id={titleId}>Staff access</h1>
      {notice && <p className="admin-note">{notice}</p>}
      {status.pinSet ? (
        <UnlockForm api={api} status={status} onStatus={onStatus} />
      ) : status.canCreatePin ? (
        <CreatePinForm api={api} onStatus={onStatus} />
      ) : (
        <p>
          No staff PIN is set yet. Set one at the kiosk, or with <code>openness-kiosk pin set</code>
          .
        </p>
      )}
      <button type="button" className="admin-button admin-button--wide" onClick={backToPlayer}>
        Back to the player
      </button>
    </div>
  );
}
