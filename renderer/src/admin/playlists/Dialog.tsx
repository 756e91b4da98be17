/**
 * An in-page modal dialog (the native `<dialog>`: focus is kept inside, Escape closes it).
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Confirm button text; the form submits with it. */
  confirm: string;
  danger?: boolean;
  /** Whether confirming is allowed now. */
  canConfirm?: boolean;
  onConfirm(): void;
  onClose(): void;
  children?: ReactNode;
}

/** A modal form with a title, its fields, and Cancel / confirm buttons. */
export function Dialog({
  title,
  confirm,
  danger = false,
  canConfirm = true,
  onConfirm,
  onClose,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Remember where focus was, so it returns there when the dialog closes.
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canConfirm) onConfirm();
  };

  return (
    <dialog
      ref={ref}
      className="pl-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form method="dialog" onSubmit={submit} noValidate>
        <h3 id={titleId}>{title}</h3>
        {children}
        <div className="pl-dialog__actions">
          <button type="button" className="admin-button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`admin-button ${danger ? 'admin-button--danger' : 'admin-button--primary'}`}
            disabled={!canConfirm}
          >
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
