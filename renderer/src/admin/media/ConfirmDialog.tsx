/**
 * A small in-page confirmation (a modal `<dialog>`: the page behind is inert, Escape cancels).
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  title: string;
  /** The confirm button's text, such as "Delete". */
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
  children?: ReactNode;
}

/** Ask before doing something that cannot be undone; focus starts on Cancel. */
export function ConfirmDialog({
  title,
  confirm,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Focus returns where it was (the item's Delete button) when the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="admin-dialog__title">
        {title}
      </h2>
      <div id={bodyId}>{children}</div>
      <div className="admin-actions">
        <button ref={cancelRef} type="button" className="admin-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="admin-button admin-button--danger" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
