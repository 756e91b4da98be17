/**
 * An editable copy of the saved content: unsaved edits, saving them, or throwing them away.
 */
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { emptyDefaultTitles } from '#core/content-rules';
import { jsonPath } from '#core/problems';
import { ContentFile } from '#core/schema';
import { contentProblems, type FieldProblem } from '../field-map';
import type { AdminData } from '../useAdminData';
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
  /**
   * What stops the draft from saving, by field: after a refused save, checked again on every
   * edit (so a fixed field clears at once), plus what the host refused.
   */
  problems: FieldProblem[];
  /** Hide the reasons the last save was refused. */
  dismiss(): void;
}

/** Whether there are unsaved playlist edits (for other sections that show saved content). */
export function useHasUnsavedEdits(): boolean {
  return useSyncExternalStore(subscribeEdits, getEdits) !== undefined;
}

/** Check content the way the host checks a save: its schema, and a title in the default language. */
export function checkContent(
  content: ContentFile,
  defaultLang: string,
): { path: string; message: string }[] {
  const parsed = ContentFile.safeParse(content);
  const issues = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
  return [...issues, ...emptyDefaultTitles(content, defaultLang)];
}

/** Hold edits to the saved content until staff save them. */
export function useContentDraft(
  data: AdminData,
  saved: ContentFile,
  defaultLang: string,
): ContentDraft {
  // Only the edits are kept: with none, the draft simply is what is saved.
  const edits = useSyncExternalStore(subscribeEdits, getEdits);
  const [checking, setChecking] = useState(false);
  const content = edits ?? saved;

  const update = useCallback(
    (edit: (content: ContentFile) => ContentFile) => setEdits(edit(getEdits() ?? saved)),
    [saved],
  );

  const hostProblems = data.failure?.problems;
  const problems = useMemo(() => {
    const found = checking ? checkContent(content, defaultLang) : [];
    return contentProblems([...found, ...(hostProblems ?? [])], content, defaultLang);
  }, [checking, content, defaultLang, hostProblems]);

  const save = async () => {
    if (checkContent(content, defaultLang).length > 0) {
      data.clearFailure();
      setChecking(true);
      return false;
    }
    setChecking(false);
    // The API client parses it with the contract on its way out: no need to here.
    const ok = await data.saveContent(content);
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
      setChecking(false);
      data.clearFailure();
      // Someone else may have saved meanwhile (a refused save says so): show what is saved now.
      void data.reload();
    },
    problems,
    dismiss: () => {
      setChecking(false);
      data.clearFailure();
    },
  };
}
