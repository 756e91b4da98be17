/**
 * Rules on content that need the kiosk's settings, checked when staff save (not when content
 * loads, so content written before a rule, or under another default language, still plays).
 */
import { jsonPath, type Problem } from './problems.js';
import type { ContentFile } from './schema.js';

/** The message of a slide whose title is empty in the default language. */
export function emptyDefaultTitleMessage(defaultLanguage: string): string {
  return `write a title in the default language (${defaultLanguage}); other languages fall back to it`;
}

/** Every slide whose title is empty in the default language (other languages may be empty). */
export function emptyDefaultTitles(
  content: ContentFile,
  defaultLanguage: string,
  source = 'content',
): Problem[] {
  const problems: Problem[] = [];
  content.playlists.forEach((playlist, p) =>
    playlist.slides.forEach((slide, s) => {
      if ((slide.title[defaultLanguage] ?? '').trim() === '') {
        problems.push({
          source,
          path: jsonPath(['playlists', p, 'slides', s, 'title', defaultLanguage]),
          message: emptyDefaultTitleMessage(defaultLanguage),
        });
      }
    }),
  );
  return problems;
}
