/**
 * Words of the player's full-screen notices (emergency message, fallback screen) in every UI
 * language; other languages fall back to English, like the control labels.
 */
import { uiLanguage } from './strings';

/** Every word the notices show or announce. */
export interface NoticeStrings {
  /** Accessible name and heading of the emergency message. */
  emergencyTitle: string;
  /** The calm screen shown when no slide can play. */
  fallbackBody: string;
}

const TABLE: Readonly<Record<string, NoticeStrings>> = {
  en: {
    emergencyTitle: 'Important message',
    fallbackBody: 'The presentation will be back shortly.',
  },
  fr: {
    emergencyTitle: 'Message important',
    fallbackBody: 'La présentation revient dans un instant.',
  },
  nl: {
    emergencyTitle: 'Belangrijk bericht',
    fallbackBody: 'De presentatie is zo terug.',
  },
  de: {
    emergencyTitle: 'Wichtige Mitteilung',
    fallbackBody: 'Die Präsentation ist gleich wieder da.',
  },
  // Needs review by a native speaker, like the control labels (UI_TRANSLATIONS).
  ar: {
    emergencyTitle: 'رسالة مهمة',
    fallbackBody: 'سيعود العرض بعد قليل.',
  },
};

/** The notice words for a language, and the language they are actually in. */
export function noticeStrings(lang: string): NoticeStrings & { lang: string } {
  const actual = uiLanguage(lang);
  return { ...(TABLE[actual] ?? TABLE.en!), lang: actual };
}
