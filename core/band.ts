/**
 * The announcement band: which announcements are on at an instant, in the visitor's language.
 */
import { pickText } from './i18n.js';
import { isScheduleActive } from './schedule.js';
import type { BandSettings } from './schema.js';

/** One announcement as the band shows it: its text and the language that text is in. */
export interface BandLine {
  /** Position in the settings' list, stable while the list does not change. */
  index: number;
  text: string;
  lang: string;
}

/**
 * The announcements on at `instant` (same scheduler as playlists), in `lang` or else the
 * fallback language; ones with no text in any language are left out.
 */
export function bandLines(
  band: BandSettings,
  instant: number,
  timeZone: string,
  lang: string,
  fallback: string,
): BandLine[] {
  const lines: BandLine[] = [];
  band.announcements.forEach((announcement, index) => {
    if (!isScheduleActive(announcement.schedule, instant, timeZone)) return;
    const picked = pickText(announcement.text, lang, fallback);
    const text = picked.text.trim();
    if (text) lines.push({ index, text, lang: picked.lang });
  });
  return lines;
}
