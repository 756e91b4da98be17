/**
 * How a slide is named in the admin: its title in the default language, else its id.
 */
import { pickText } from '#core/i18n';
import type { Slide } from '#core/schema';

/** The slide's title for staff (any language it has), or its id when it has none. */
export function slideLabel(slide: Slide, defaultLang: string): string {
  return pickText(slide.title, defaultLang, defaultLang).text.trim() || slide.id;
}
