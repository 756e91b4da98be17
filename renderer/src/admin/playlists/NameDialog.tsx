/**
 * Ask for a playlist's name (create, rename) in an in-page dialog.
 */
import { useId, useState } from 'react';
import { MAX_PLAYLIST_NAME_LENGTH } from '#core/limits';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Field } from '../ui/fields';

interface NameDialogProps {
  title: string;
  confirm: string;
  initial?: string;
  onConfirm(name: string): void;
  onClose(): void;
}

/** A dialog with one "Name" field; the name must not be empty (120 characters at most). */
export function NameDialog({ title, confirm, initial = '', onConfirm, onClose }: NameDialogProps) {
  const [name, setName] = useState(initial);
  const id = useId();
  const trimmed = name.trim();
  return (
    <ConfirmDialog
      title={title}
      confirm={confirm}
      canConfirm={trimmed !== ''}
      onConfirm={() => onConfirm(trimmed)}
      onCancel={onClose}
    >
      <Field id={id} label="Name">
        <input
          id={id}
          type="text"
          value={name}
          maxLength={MAX_PLAYLIST_NAME_LENGTH}
          autoFocus
          required
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
    </ConfirmDialog>
  );
}
