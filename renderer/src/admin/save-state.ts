/**
 * The save banner's one state: what staff are told about their edits, never two at once.
 */

/** Unsaved edits, a save under way, all saved, refused (fields to fix), or someone else saved. */
export type SaveState = 'unsaved' | 'saving' | 'saved' | 'not-saved' | 'conflict';

/** The banner's state from what the draft and the last save say. */
export function saveState(input: {
  dirty: boolean;
  saving: boolean;
  /** Problems found in the draft or refused by the host. */
  problems: number;
  /** The code of the last refused save, if any. */
  failure: string | undefined;
}): SaveState {
  if (input.saving) return 'saving';
  if (input.failure === 'conflict') return 'conflict';
  if (input.problems > 0 || input.failure !== undefined) return 'not-saved';
  return input.dirty ? 'unsaved' : 'saved';
}

/** A short note about the last action, shown only in the state it belongs to. */
export interface SaveNotice {
  text: string;
  state: 'unsaved' | 'saved';
}
