/**
 * Hyphenation for slide text: soft hyphens put in at render time from each language's patterns.
 *
 * Chromium on Linux hyphenates (`hyphens: auto`) only with dictionaries it downloads on its own,
 * which an offline kiosk never gets, so long words broke mid-word without a hyphen. The
 * `hyphen` package's TeX patterns are loaded on demand, one chunk per language, so the player's
 * startup code stays small.
 */
import { useSyncExternalStore } from 'react';

type HyphenateSync = (text: string) => string;
interface PatternModule {
  hyphenateSync?: HyphenateSync;
  default?: { hyphenateSync: HyphenateSync };
}

// Keyed by the primary language subtag; languages without patterns are left as they are.
const PATTERNS: Record<string, () => Promise<PatternModule>> = {
  en: () => import('hyphen/en-us'),
  fr: () => import('hyphen/fr'),
  nl: () => import('hyphen/nl'),
  de: () => import('hyphen/de'),
};

const loaded = new Map<string, HyphenateSync>();
const loading = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function primary(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? '';
}

/** Start loading the patterns of a language (once); hooks re-render when they arrive. */
export function loadHyphenation(lang: string): void {
  const key = primary(lang);
  const load = PATTERNS[key];
  if (!load || loaded.has(key) || loading.has(key)) return;
  loading.add(key);
  load()
    .then((module) => {
      const hyphenate = module.hyphenateSync ?? module.default?.hyphenateSync;
      if (hyphenate) loaded.set(key, hyphenate);
      version++;
      for (const listener of listeners) listener();
    })
    // Without patterns the text still shows, only unhyphenated; try again on next use.
    .catch(() => undefined)
    .finally(() => loading.delete(key));
}

// Slides re-render on every transition; their texts are few, so results are kept (bounded,
// since staff typing in the admin's preview makes a new text per key press).
const results = new Map<string, string>();
const MAX_RESULTS = 500;

/** `text` with soft hyphens where words may break in `lang` (unchanged until patterns load). */
export function hyphenate(text: string, lang: string): string {
  const key = primary(lang);
  const hyphenateSync = loaded.get(key);
  if (!hyphenateSync) {
    loadHyphenation(lang);
    return text;
  }
  const id = `${key}\n${text}`;
  let result = results.get(id);
  if (result === undefined) {
    if (results.size >= MAX_RESULTS) results.clear();
    result = hyphenateSync(text);
    results.set(id, result);
  }
  return result;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The hyphenate function, re-rendering the component when another language's patterns load. */
export function useHyphenate(): typeof hyphenate {
  useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
  return hyphenate;
}
