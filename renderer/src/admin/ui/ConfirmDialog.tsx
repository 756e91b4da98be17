/**
 * A dialog that asks before acting: its fields (if any), then Cancel and the confirm button.
 */
import type { FormEvent, ReactNode } from 'react';
import { Dialog, DialogActions } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  /** What confirming does; it becomes the dialog's accessible description. */
  message?: ReactNode;
  /** The confirm button's text, such as "Delete". */
  confirm: string;
  /** Confirming cannot be undone (a red button). */
  danger?: boolean;
  /** Whether confirming is allowed now. */
  canConfirm?: boolean;
  onConfirm(): void;
  /** Cancel or Escape. */
  onCancel(): void;
  /** The dialog's fields; Enter in one of them confirms. */
  children?: ReactNode;
}

/** Ask before doing something; with no fields, focus starts on Cancel. */
export function ConfirmDialog({
  title,
  message,
  confirm,
  danger = false,
  canConfirm = true,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canConfirm) onConfirm();
  };
  return (
    <Dialog title={title} description={message} onCancel={onCancel}>
      <form method="dialog" onSubmit={submit} noValidate>
        {children}
        <DialogActions>
          <button type="button" className="admin-button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="submit"
            className={`admin-button ${danger ? 'admin-button--danger' : 'admin-button--primary'}`}
            disabled={!canConfirm}
          >
            {confirm}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
