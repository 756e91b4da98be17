/**
 * Where a problem found in content belongs in the admin: a core path (`playlists[1].slides[0]
 * .durationMs`) becomes the field staff see (its visible label, its unit) and a message in that
 * field's unit, with the limits read from core/schema.ts.
 */
import { emptyDefaultTitleMessage } from '#core/content-rules';
import { languageName } from '#core/i18n';
import { parseJsonPath, type Problem } from '#core/problems';
import { SLIDE_DURATION_MS, type ContentFile } from '#core/schema';
import { rangeIn, type Range } from '#core/units';
import { slideLabel } from './playlists/slide-label';

/** A problem as staff read it, and the field it belongs to. */
export interface FieldProblem {
  /**
   * The field: `<playlist id>/<name>` or `<playlist id>/<slide id>/<name>` (see `fieldKey`), or
   * `content/<name>` for the content as a whole.
   */
  key: string;
  /** The field's visible label, such as "Duration" or "Title (English)". */
  label: string;
  /** Which slide or playlist, such as `slide “About us” in “Lobby”`; empty for settings. */
  where: string;
  /** What to do, in the field's own unit: "between 2 and 600 seconds". */
  message: string;
}

/** A field as the form shows it: its name in the form, label and (for numbers) range. */
export interface FieldSpec {
  name: string;
  label: string;
  /** The allowed range in the unit the field is typed in. */
  range?: Range;
  /** A plain message that replaces the core one (for fields chosen from a list). */
  message?: string;
}

/** The key a form field uses to find its problem: its scope (playlist, slide) and its name. */
export function fieldKey(scope: string, name: string): string {
  return scope ? `${scope}/${name}` : name;
}

/** "between 2 and 600 seconds" for a range. */
export function rangeText(range: Range): string {
  return `between ${range.min} and ${range.max} ${range.unit}`;
}

const TEXT_LABELS: Readonly<Record<string, string>> = {
  title: 'Title',
  lead: 'Lead',
  body: 'Body',
  caption: 'Caption',
  description: 'Description',
};

/** The slide field at `rest` (the path inside one slide). */
export function slideField(rest: readonly PropertyKey[]): FieldSpec {
  const [first, second, third] = rest;
  if (first === 'durationMs') {
    return { name: 'durationMs', label: 'Duration', range: rangeIn(SLIDE_DURATION_MS, 'seconds') };
  }
  if (typeof first === 'string' && first in TEXT_LABELS && typeof second === 'string') {
    return { name: `${first}.${second}`, label: `${TEXT_LABELS[first]} (${languageName(second)})` };
  }
  if (first === 'image' && second === 'alt' && typeof third === 'string') {
    return { name: `alt.${third}`, label: `Alt text (${languageName(third)})` };
  }
  if (first === 'image') {
    return { name: 'image', label: 'Picture', message: 'choose a picture from the list' };
  }
  if (first === 'video' && second === 'captions' && typeof third === 'string') {
    return {
      name: `captions.${third}`,
      label: `Captions (${languageName(third)})`,
      message: 'choose a captions file from the list',
    };
  }
  if (first === 'video') {
    return { name: 'video', label: 'Video', message: 'choose a video from the list' };
  }
  if (first === 'schedule') return { name: 'schedule', label: 'When this slide plays' };
  if (first === 'link') return { name: 'link', label: 'Link' };
  if (first === 'web') return { name: 'web', label: 'Web page' };
  return { name: 'slide', label: 'Slide' };
}

/** The playlist field at `rest` (the path inside one playlist, outside its slides). */
export function playlistField(rest: readonly PropertyKey[]): FieldSpec {
  const [first] = rest;
  if (first === 'name') return { name: 'name', label: 'Name', message: 'give the playlist a name' };
  if (first === 'slides') return { name: 'slides', label: 'Slides' };
  if (first === 'schedule') return { name: 'schedule', label: 'When this playlist plays' };
  return { name: 'playlist', label: 'Playlist' };
}

/** The message for `spec`: its range in its unit, its own message, or core's plain one. */
function messageFor(spec: FieldSpec, coreMessage: string, defaultLang: string): string {
  if (spec.range) return rangeText(spec.range);
  if (spec.name === `title.${defaultLang}`) {
    // Core names the language by its tag; staff read its name.
    return coreMessage === emptyDefaultTitleMessage(defaultLang)
      ? `write a title in ${languageName(defaultLang)}; other languages fall back to it`
      : coreMessage;
  }
  const tooLong = /<=\s*(\d+) characters/.exec(coreMessage);
  if (tooLong) return `at most ${tooLong[1]} characters`;
  return spec.message ?? coreMessage;
}

/**
 * The field a content problem belongs to, its label and its message in the field's unit.
 *
 * `path` is a zod path or a JSON path (`$.playlists[1].slides[0].durationMs`, as the host sends
 * it); `content` is the content that was checked, to name the playlist and slide.
 */
export function contentProblem(
  path: readonly PropertyKey[] | string,
  coreMessage: string,
  content: ContentFile,
  defaultLang: string,
): FieldProblem {
  const keys = typeof path === 'string' ? parseJsonPath(path) : path;
  const [top, p, inPlaylist, s, ...rest] = keys;
  const playlist = top === 'playlists' && typeof p === 'number' ? content.playlists[p] : undefined;
  if (!playlist) {
    const label = top === 'defaultPlaylistId' ? 'Default playlist' : 'Playlists';
    return { key: fieldKey('content', String(top ?? '')), label, where: '', message: coreMessage };
  }
  const slide = inPlaylist === 'slides' && typeof s === 'number' ? playlist.slides[s] : undefined;
  if (slide) {
    const spec = slideField(rest);
    return {
      key: fieldKey(`${playlist.id}/${slide.id}`, spec.name),
      label: spec.label,
      where: `slide “${slideLabel(slide, defaultLang)}” in “${playlist.name}”`,
      message: messageFor(spec, coreMessage, defaultLang),
    };
  }
  const spec = playlistField(keys.slice(2));
  return {
    key: fieldKey(playlist.id, spec.name),
    label: spec.label,
    where: `playlist “${playlist.name}”`,
    message: messageFor(spec, coreMessage, defaultLang),
  };
}

/** Every problem of `problems` (as core or the host reports them) as staff read it. */
export function contentProblems(
  problems: readonly Pick<Problem, 'path' | 'message'>[],
  content: ContentFile,
  defaultLang: string,
): FieldProblem[] {
  return problems.map((problem) =>
    contentProblem(problem.path, problem.message, content, defaultLang),
  );
}
