/**
 * History of saved content and settings: what one kept version holds, who made it, and how many
 * are kept.
 *
 * Each save through the host keeps the whole state after it (content and settings) with who
 * saved it, when, and a one-line summary of the change (see `summarizeChange`), so staff can see,
 * preview and restore any of the last `HISTORY_LIMIT` versions.
 */
import * as z from 'zod/mini';
import { HISTORY_LIMIT } from './limits.js';
import { ContentFile, Settings } from './schema.js';

// The limit lives in core/limits.ts; readers of the history rules find it here too.
export { HISTORY_LIMIT };

/** A version's id: its sequence number, as written in its file name. */
export const VersionId = z.string().check(z.regex(/^\d{1,12}$/, 'must be a version number'));

/** One kept version as the list shows it. */
export const HistoryEntry = z.object({
  id: VersionId,
  /** When it was saved (ISO 8601, UTC). */
  at: z.string(),
  /** Who saved it, for people: "at the kiosk", "from 192.168.1.20", "fleet 12". */
  who: z.string().check(z.maxLength(200)),
  /** What changed, in one line. */
  summary: z.string().check(z.maxLength(500)),
  /** For a restore: when the version it brought back was saved (ISO 8601). */
  restoredFrom: z.optional(z.string()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** The content and settings that were saved together. */
export interface SavedState {
  content: ContentFile;
  settings: Settings;
}

/** One kept version, with the whole state it saved (the file on disk). */
export const HistoryVersion = z.extend(HistoryEntry, { content: ContentFile, settings: Settings });
export type HistoryVersion = z.infer<typeof HistoryVersion>;

/** The list staff see, newest first. */
export const HistoryList = z.object({ versions: z.array(HistoryEntry), limit: z.number() });
export type HistoryList = z.infer<typeof HistoryList>;

/** Who made a change: the kiosk's own screen, a remote admin, or a fleet bundle. */
export type Author =
  { kind: 'kiosk' } | { kind: 'remote'; address: string } | { kind: 'fleet'; sequence: number };

/** Who made a change, as the history shows it. */
export function describeAuthor(author: Author): string {
  switch (author.kind) {
    case 'kiosk':
      return 'at the kiosk';
    case 'remote':
      return `from ${author.address}`;
    case 'fleet':
      return `fleet ${author.sequence}`;
  }
}

/** The summary of a restore; the admin shows `restoredFrom` in its own language instead. */
export function restoreSummary(restoredFrom: string): string {
  return `Restored the version of ${restoredFrom.slice(0, 16).replace('T', ' ')} UTC`;
}

/** The summary of the version kept before the first change, so the first change can be undone. */
export const BASELINE_SUMMARY = 'As it was before the first change kept here';
/** Who the baseline version is by. */
export const BASELINE_WHO = 'before the first change';
