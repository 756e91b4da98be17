/**
 * Which slides use which uploaded files, so a file in use is never deleted.
 */
import type { ContentFile, Slide } from './schema.js';

/** Each uploaded file's reference, with the slides using it as "Playlist › slide title". */
export function mediaRefsUsedBy(content: ContentFile): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  for (const playlist of content.playlists) {
    for (const slide of playlist.slides) {
      const label = `${playlist.name} › ${slideTitle(slide)}`;
      for (const ref of new Set(refsOf(slide))) {
        if (!ref.startsWith('media:')) continue;
        const users = usage.get(ref);
        if (users) users.push(label);
        else usage.set(ref, [label]);
      }
    }
  }
  return usage;
}

/** Every media reference a slide points at. */
export function refsOf(slide: Slide): string[] {
  switch (slide.kind) {
    case 'theme':
      return slide.image ? [slide.image.src] : [];
    case 'image':
      return [slide.image.src];
    case 'video': {
      const { src, poster, captions } = slide.video;
      return [src, ...(poster ? [poster] : []), ...Object.values(captions ?? {})];
    }
    case 'web':
      return [];
  }
}

// English first, as the admin shows it; else the first language written; else the slide's id.
function slideTitle(slide: Slide): string {
  const title = slide.title.en?.trim() || Object.values(slide.title).find((t) => t.trim() !== '');
  return title?.trim() || slide.id;
}
