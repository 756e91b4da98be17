/**
 * An editable copy of the saved content: unsaved edits, saving them, or throwing them away.
 */
import { useCallback, useState, useSyncExternalStore } from 'react';
import { problemsFromZod } from '../../../../core/problems';
import { ContentFile } from '../../../../core/schema';
import type { AdminData, AdminFailure } from '../useAdminData';
import { getEdits, setEdits, subscribeEdits } from './draft-store';

/** The draft and what can be done with it. */
export interface ContentDraft {
  /** The content as staff see it: saved content with their unsaved edits applied. */
  content: ContentFile;
  /** Whether there are unsaved edits. */
  dirty: boolean;
  /** Apply an edit to the draft. */
  update(edit: (content: ContentFile) => ContentFile): void;
  /** Check the draft and save it; true when saved. */
  save(): Promise<boolean>;
  /** Throw the unsaved edits away. */
  discard(): void;
  /** Why the draft could not be saved, found before sending it (the host's refusals are in data). */
  invalid: AdminFailure | undefined;
  /** Hide the reasons the last save was refused. */
  dismiss(): void;
}

/** Whether there are unsaved playlist edits (for other sections that show saved content). */
export function useHasUnsavedEdits(): boolean {
  return useSyncExternalStore(subscribeEdits, getEdits) !== undefined;
}

/** Hold edits to the saved content until staff save them. */
export function useContentDraft(data: AdminData, saved: ContentFile): ContentDraft {
  // Only the edits are kept: with none, the draft simply is what is saved.
  const edits = useSyncExternalStore(subscribeEdits, getEdits);
  const [invalid, setInvalid] = useState<AdminFailure | undefined>();
  const content = edits ?? saved;

  const update = useCallback(
    (edit: (content: ContentFile) => ContentFile) => setEdits(edit(getEdits() ?? saved)),
    [saved],
  );

  const save = async () => {
    const checked = ContentFile.safeParse(content);
    if (!checked.success) {
      data.clearFailure();
      setInvalid({
        message: 'Some values are not valid:',
        problems: problemsFromZod('content', checked.error),
        code: 'invalid-input',
      });
      return false;
    }
    setInvalid(undefined);
    const ok = await data.saveContent(checked.data);
    // Edits made while the save was under way stay unsaved.
    if (ok && getEdits() === content) setEdits(undefined);
    return ok;
  };

  return {
    content,
    dirty: edits !== undefined,
    update,
    save,
    discard: () => {
      setEdits(undefined);
      setInvalid(undefined);
      data.clearFailure();
      // Someone else may have saved meanwhile (a refused save says so): show what is saved now.
      void data.reload();
    },
    invalid,
    dismiss: () => {
      setInvalid(undefined);
      data.clearFailure();
    },
  };
}
