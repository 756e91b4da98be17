/**
 * The admin's one modal dialog: the native `<dialog>` opened with `showModal()` (the page behind
 * is inert), Tab kept inside, Escape cancels, named by its title, focus returned on close.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useFocusTrap } from '../useFocusTrap';
import './dialog.css';

interface DialogProps {
  title: string;
  /** What the dialog is about; it becomes the dialog's accessible description. */
  description?: ReactNode;
  /** Escape was pressed. */
  onCancel(): void;
  children?: ReactNode;
}

/** A modal dialog, shown while mounted, with its title as a heading and as its name. */
export function Dialog({ title, description, onCancel, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // Declared before the effect below, so its listeners are gone before focus goes back.
  useFocusTrap(ref);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Focus returns where it was (the button that opened the dialog) when the dialog closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="ui-dialog"
      aria-labelledby={titleId}
      aria-describedby={description === undefined ? undefined : descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="ui-dialog__title">
        {title}
      </h2>
      {description !== undefined && <div id={descriptionId}>{description}</div>}
      {children}
    </dialog>
  );
}

/** The row of buttons at the foot of a dialog. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="ui-dialog__actions">{children}</div>;
}
