/**
 * Language helpers shared by the player and the host.
 */
import type { LocalizedText } from './schema.js';

/** Each language's name in that language, for the language buttons. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  fr: 'Français',
  nl: 'Nederlands',
  de: 'Deutsch',
  ar: 'العربية',
  es: 'Español',
  it: 'Italiano',
};

/** A language's own name, or its tag when we do not know it. */
export function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang] ?? LANGUAGE_NAMES[lang.split('-')[0] ?? ''] ?? lang;
}

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ku']);

/** Whether a language is written right to left. */
export function isRightToLeft(lang: string): boolean {
  return RTL.has((lang.split('-')[0] ?? '').toLowerCase());
}

/** The writing direction of a language, for an element's `dir` attribute. */
export function textDirection(lang: string): 'rtl' | 'ltr' {
  return isRightToLeft(lang) ? 'rtl' : 'ltr';
}

/**
 * The `lang` and `dir` attributes of an element holding text in `lang`.
 *
 * Text that falls back to another language keeps its own direction, so an English sentence in
 * an Arabic page reads "Mornings only." rather than ".Mornings only".
 */
export function langAttributes(lang: string): { lang: string; dir: 'rtl' | 'ltr' } {
  return { lang, dir: textDirection(lang) };
}

/**
 * Text in `lang`, else in `fallback`, else in any language present.
 *
 * Returns the language actually used so the element can carry the right `lang` attribute.
 */
export function pickText(
  text: LocalizedText | undefined,
  lang: string,
  fallback: string,
): { text: string; lang: string } {
  if (!text) return { text: '', lang };
  const exact = text[lang];
  if (exact !== undefined && exact.trim() !== '') return { text: exact, lang };
  const base = lang.split('-')[0] ?? lang;
  const baseText = text[base];
  if (baseText !== undefined && baseText.trim() !== '') return { text: baseText, lang: base };
  const fb = text[fallback];
  if (fb !== undefined && fb.trim() !== '') return { text: fb, lang: fallback };
  const first = Object.entries(text).find(([, value]) => value.trim() !== '');
  return first ? { text: first[1], lang: first[0] } : { text: '', lang };
}
