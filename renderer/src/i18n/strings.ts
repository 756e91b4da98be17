/**
 * Labels of the player's controls in every UI language; other languages fall back to English.
 *
 * English is the source; the other languages are our translations, listed in
 * `UI_TRANSLATIONS` as "needs-review" until a native speaker has checked them (as the shipped
 * content marks its translations in content.json).
 */
import type { TranslationStatus } from '#core/schema';

/** Every label the player shows or announces. */
export interface UiStrings {
  /** The language these labels are in (its `lang` and `dir` go on the elements showing them). */
  lang: string;
  carousel: string;
  previous: string;
  next: string;
  stopRotation: string;
  startRotation: string;
  slides: string;
  slideOf: (n: number, total: number) => string;
  language: string;
  touchToExplore: string;
  stillThereTitle: string;
  stillThereBody: (seconds: number) => string;
  continue: string;
  accessibility: string;
  largerText: string;
  highContrast: string;
  lowReach: string;
  close: string;
  /** The caption under a slide's QR code. */
  scanToTakeAway: string;
  /** The name of the announcement band. */
  announcements: string;
}

const en: UiStrings = {
  lang: 'en',
  carousel: 'Belgium, open by nature',
  previous: 'Previous slide',
  next: 'Next slide',
  stopRotation: 'Stop automatic slide show',
  startRotation: 'Start automatic slide show',
  slides: 'Slides',
  slideOf: (n, total) => `${n} of ${total}`,
  language: 'Language',
  touchToExplore: 'Touch to explore',
  stillThereTitle: 'Are you still there?',
  stillThereBody: (s) => `The screen starts over in ${s} ${s === 1 ? 'second' : 'seconds'}.`,
  continue: 'Continue',
  accessibility: 'Accessibility',
  largerText: 'Larger text',
  highContrast: 'High contrast',
  lowReach: 'Controls within reach',
  close: 'Close',
  scanToTakeAway: 'Scan to take this page with you',
  announcements: 'Announcements',
};

const fr: UiStrings = {
  lang: 'fr',
  carousel: 'La Belgique, ouverte par nature',
  previous: 'Diapositive précédente',
  next: 'Diapositive suivante',
  stopRotation: 'Arrêter le défilement automatique',
  startRotation: 'Lancer le défilement automatique',
  slides: 'Diapositives',
  slideOf: (n, total) => `${n} sur ${total}`,
  language: 'Langue',
  touchToExplore: 'Touchez pour découvrir',
  stillThereTitle: 'Êtes-vous toujours là ?',
  stillThereBody: (s) => `L’écran recommence dans ${s} seconde${s > 1 ? 's' : ''}.`,
  continue: 'Continuer',
  accessibility: 'Accessibilité',
  largerText: 'Texte plus grand',
  highContrast: 'Contraste élevé',
  lowReach: 'Commandes à portée de main',
  close: 'Fermer',
  scanToTakeAway: 'Scannez pour emporter cette page',
  announcements: 'Annonces',
};

const nl: UiStrings = {
  lang: 'nl',
  carousel: 'België, open van nature',
  previous: 'Vorige dia',
  next: 'Volgende dia',
  stopRotation: 'Automatische diavoorstelling stoppen',
  startRotation: 'Automatische diavoorstelling starten',
  slides: 'Dia’s',
  slideOf: (n, total) => `${n} van ${total}`,
  language: 'Taal',
  touchToExplore: 'Raak aan om te ontdekken',
  stillThereTitle: 'Bent u er nog?',
  stillThereBody: (s) => `Het scherm begint opnieuw over ${s} ${s === 1 ? 'seconde' : 'seconden'}.`,
  continue: 'Doorgaan',
  accessibility: 'Toegankelijkheid',
  largerText: 'Grotere tekst',
  highContrast: 'Hoog contrast',
  lowReach: 'Bediening binnen bereik',
  close: 'Sluiten',
  scanToTakeAway: 'Scan om deze pagina mee te nemen',
  announcements: 'Mededelingen',
};

const de: UiStrings = {
  lang: 'de',
  carousel: 'Belgien, offen von Natur aus',
  previous: 'Vorherige Folie',
  next: 'Nächste Folie',
  stopRotation: 'Automatische Diashow anhalten',
  startRotation: 'Automatische Diashow starten',
  slides: 'Folien',
  slideOf: (n, total) => `${n} von ${total}`,
  language: 'Sprache',
  touchToExplore: 'Zum Entdecken berühren',
  stillThereTitle: 'Sind Sie noch da?',
  stillThereBody: (s) =>
    `Der Bildschirm beginnt in ${s} ${s === 1 ? 'Sekunde' : 'Sekunden'} von vorn.`,
  continue: 'Weiter',
  accessibility: 'Barrierefreiheit',
  largerText: 'Größere Schrift',
  highContrast: 'Hoher Kontrast',
  lowReach: 'Bedienung in Reichweite',
  close: 'Schließen',
  scanToTakeAway: 'Scannen, um diese Seite mitzunehmen',
  announcements: 'Mitteilungen',
};

/** Arabic plural of "second" (one, two, few 3–10, many/other). */
function arabicSeconds(s: number): string {
  if (s === 1) return 'ثانية واحدة';
  if (s === 2) return 'ثانيتين';
  const rest = s % 100;
  if (rest >= 3 && rest <= 10) return `${s} ثوانٍ`;
  return `${s} ثانية`;
}

const ar: UiStrings = {
  lang: 'ar',
  carousel: 'بلجيكا، منفتحة بطبيعتها',
  previous: 'الشريحة السابقة',
  next: 'الشريحة التالية',
  stopRotation: 'إيقاف العرض التلقائي للشرائح',
  startRotation: 'تشغيل العرض التلقائي للشرائح',
  slides: 'الشرائح',
  slideOf: (n, total) => `${n} من ${total}`,
  language: 'اللغة',
  touchToExplore: 'المس الشاشة للاستكشاف',
  stillThereTitle: 'هل ما زلت هنا؟',
  stillThereBody: (s) => `ستبدأ الشاشة من جديد بعد ${arabicSeconds(s)}.`,
  continue: 'متابعة',
  accessibility: 'إمكانية الوصول',
  largerText: 'نص أكبر',
  highContrast: 'تباين عالٍ',
  lowReach: 'عناصر التحكم في المتناول',
  close: 'إغلاق',
  scanToTakeAway: 'امسح الرمز لتأخذ هذه الصفحة معك',
  announcements: 'إعلانات',
};

const TABLE: Readonly<Record<string, UiStrings>> = { en, fr, nl, de, ar };

/** Review state of each UI language's labels: only English is the source. */
export const UI_TRANSLATIONS: Readonly<Record<string, TranslationStatus>> = {
  en: 'source',
  fr: 'needs-review',
  nl: 'needs-review',
  de: 'needs-review',
  ar: 'needs-review',
};

/** The control labels for a language, falling back to English. */
export function uiStrings(lang: string): UiStrings {
  return TABLE[lang] ?? TABLE[lang.split('-')[0] ?? ''] ?? en;
}

/** Which language the labels are actually in (for the `lang` attribute of controls). */
export function uiLanguage(lang: string): string {
  return uiStrings(lang).lang;
}
