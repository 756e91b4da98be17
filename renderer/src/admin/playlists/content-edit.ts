/**
 * Pure edits of the content draft: ids from titles, new playlists and slides, moves, translations.
 */
import { MAX_PLAYLIST_NAME_LENGTH } from '#core/limits';
import type {
  ContentFile,
  ImageAsset,
  LocalizedText,
  MediaRef,
  Playlist,
  Slide,
} from '#core/schema';

/** The kinds of slide staff can add. */
export type SlideKind = Slide['kind'];

/** A lowercase-dash id made from a title: "Lunch menu!" becomes "lunch-menu". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return slug || 'item';
}

/** An id made from `text` that is not in `taken`: "menu", then "menu-2", "menu-3"… */
export function uniqueId(text: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugify(text);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A name not used by any playlist: "Menu (copy)", then "Menu (copy 2)"… */
export function copyName(name: string, playlists: readonly Playlist[]): string {
  const names = new Set(playlists.map((p) => p.name));
  let candidate = `${name} (copy)`;
  for (let n = 2; names.has(candidate); n++) candidate = `${name} (copy ${n})`;
  return candidate.slice(0, MAX_PLAYLIST_NAME_LENGTH);
}

/** What a new slide starts with. */
export interface NewSlide {
  kind: SlideKind;
  title: string;
  lang: string;
  media?: MediaRef;
  /** A web page slide's address. */
  url?: string;
}

/** A slide of the given kind, its id made from its title and unique in `taken`. */
export function createSlide(spec: NewSlide, taken: Iterable<string>): Slide {
  const base = {
    id: uniqueId(spec.title, taken),
    enabled: true,
    durationMs: 12_000,
    title: { [spec.lang]: spec.title },
  };
  const image = (src: MediaRef): ImageAsset => ({ src, alt: {} });
  if (spec.kind === 'image') {
    if (!spec.media) throw new Error('a picture slide needs a picture');
    return { ...base, kind: 'image', image: image(spec.media) };
  }
  if (spec.kind === 'web') {
    if (!spec.url) throw new Error('a web page slide needs an address');
    return { ...base, durationMs: 30_000, kind: 'web', web: { url: spec.url } };
  }
  if (spec.kind === 'video') {
    if (!spec.media) throw new Error('a video slide needs a video');
    return {
      ...base,
      durationMs: 30_000,
      kind: 'video',
      video: { src: spec.media, muted: true, loop: false },
    };
  }
  return {
    ...base,
    kind: 'theme',
    body: {},
    ...(spec.media ? { image: image(spec.media) } : {}),
  };
}

/** A new playlist with one text slide, so it is valid from the start. */
export function createPlaylist(name: string, lang: string, content: ContentFile): Playlist {
  return {
    id: uniqueId(
      name,
      content.playlists.map((p) => p.id),
    ),
    name,
    slides: [createSlide({ kind: 'theme', title: name, lang }, [])],
    translations: {},
  };
}

/** A copy of a playlist under a new name and id (slide ids stay: they are per playlist). */
export function duplicatePlaylist(playlist: Playlist, content: ContentFile): Playlist {
  const name = copyName(playlist.name, content.playlists);
  const copy = structuredClone(playlist);
  return {
    ...copy,
    name,
    id: uniqueId(
      name,
      content.playlists.map((p) => p.id),
    ),
  };
}

/** The list with the item at `from` moved to `to`. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = items.slice();
  if (from < 0) return next;
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** Whether a text is missing in `lang` while the default language has it. */
export function isUntranslated(
  text: LocalizedText | undefined,
  lang: string,
  defaultLang: string,
): boolean {
  if (lang === defaultLang) return false;
  const source = text?.[defaultLang]?.trim() ?? '';
  const value = text?.[lang]?.trim() ?? '';
  return source !== '' && value === '';
}

/** Every translatable text of a slide, by field name. */
export function slideTexts(slide: Slide): Record<string, LocalizedText | undefined> {
  if (slide.kind === 'theme') {
    return { title: slide.title, lead: slide.lead, body: slide.body, alt: slide.image?.alt };
  }
  if (slide.kind === 'image') {
    return { title: slide.title, caption: slide.caption, alt: slide.image.alt };
  }
  if (slide.kind === 'web') return { title: slide.title };
  return { title: slide.title, description: slide.description };
}

/** How many fields of a slide are untranslated, over every enabled language. */
export function untranslatedCount(
  slide: Slide,
  languages: readonly string[],
  defaultLang: string,
): number {
  let count = 0;
  for (const text of Object.values(slideTexts(slide))) {
    for (const lang of languages) if (isUntranslated(text, lang, defaultLang)) count++;
  }
  return count;
}

/** A localized text with `lang` set to `value` (an emptied language is removed). */
export function setText(
  text: LocalizedText | undefined,
  lang: string,
  value: string,
): LocalizedText {
  const next = { ...text };
  if (value === '') delete next[lang];
  else next[lang] = value;
  return next;
}
