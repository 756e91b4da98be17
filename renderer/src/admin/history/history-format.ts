/**
 * How a kept version reads in the History list: its time in the admin's language, on the
 * kiosk's clock, and what it changed.
 */
import type { HistoryEntry } from '#core/history';

/** A saved time, in the admin's language and the kiosk's time zone ("2 Dec 2026, 21:30:05"). */
export function historyTime(iso: string, timeZone: string): string {
  return new Date(iso).toLocaleString(undefined, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
}

/** What a version changed; a restore names the time it brought back, in the admin's language. */
export function historySummary(entry: HistoryEntry, timeZone: string): string {
  return entry.restoredFrom
    ? `Restored the version of ${historyTime(entry.restoredFrom, timeZone)}`
    : entry.summary;
}
