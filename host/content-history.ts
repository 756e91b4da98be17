/**
 * Keeping a version after each save of the content store (see history-store.ts).
 */
import { summarizeChange } from '#core/history-summary';
import {
  BASELINE_SUMMARY,
  BASELINE_WHO,
  describeAuthor,
  restoreSummary,
  type Author,
  type SavedState,
} from '#core/history';
import type { HistoryStore } from './history-store.js';

/** A save to keep: the state before and after it, who made it, and whether it was a restore. */
export interface KeptSave {
  before: SavedState;
  after: SavedState;
  author: Author;
  /** When the version a restore brought back was saved. */
  restoredFrom?: string;
  now: number;
}

/**
 * Keep the state after a save. The very first version kept is preceded by the state before it,
 * so the first change can be undone too. A failure to keep it never undoes the save: the store
 * reports it as a problem instead.
 */
export async function keepVersion(history: HistoryStore, save: KeptSave): Promise<void> {
  const at = new Date(save.now).toISOString();
  try {
    if (!history.newest()) {
      await history.record(save.before, { at, who: BASELINE_WHO, summary: BASELINE_SUMMARY });
    }
    const who = describeAuthor(save.author);
    if (save.restoredFrom === undefined) {
      await history.record(save.after, {
        at,
        who,
        summary: summarizeChange(save.before, save.after),
      });
    } else {
      const summary = restoreSummary(save.restoredFrom);
      await history.record(save.after, { at, who, summary, restoredFrom: save.restoredFrom });
    }
  } catch (error) {
    history.reportFailure(error);
  }
}
