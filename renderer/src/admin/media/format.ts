/**
 * Sizes, dates and kinds of media as staff read them.
 */
import type { MediaItem } from '#core/contract';

/** A byte count such as "840 B", "12.5 KB" or "3.2 MB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${units[unit]}`;
}

/** A date and time such as "3 May 2026, 14:02" in the browser's time zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** What a kind of media is called. */
export const KIND_LABEL: Readonly<Record<MediaItem['kind'], string>> = {
  image: 'Picture',
  video: 'Video',
  captions: 'Captions (WebVTT)',
};
