/**
 * Which caption track a video shows: one track on, in the visitor's language (the player draws
 * it: VideoCaptions.tsx, loaded only for videos with captions).
 */

/**
 * The caption language for a video: the visitor's, else the default language, else none.
 */
export function captionLanguage(
  captions: Readonly<Record<string, unknown>> | undefined,
  language: { lang: string; fallback: string },
): string | undefined {
  if (captions?.[language.lang]) return language.lang;
  if (captions?.[language.fallback]) return language.fallback;
  return undefined;
}
