/**
 * What an unsaved edit changed, line by line in the admin's words: the read-only copy of a
 * staff member's edit that stays in view when they load someone else's version after a conflict.
 */
import type { ContentFile, Playlist, Slide } from '#core/schema';
import { slideField } from '../field-map';
import { slideLabel } from './slide-label';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One changed slide value as staff read it: `Duration: 30 seconds`, `Title (English): “Hi”`. */
function valueLines(before: Slide, after: Slide): string[] {
  const lines: string[] = [];
  if (before.durationMs !== after.durationMs) {
    const spec = slideField(['durationMs']);
    lines.push(`${spec.label}: ${after.durationMs / 1000} ${spec.range?.unit ?? ''}`.trim());
  }
  for (const key of ['title', 'lead', 'body', 'caption', 'description'] as const) {
    const was = (before as Partial<Record<typeof key, Record<string, string>>>)[key] ?? {};
    const now = (after as Partial<Record<typeof key, Record<string, string>>>)[key] ?? {};
    for (const lang of new Set([...Object.keys(was), ...Object.keys(now)])) {
      if ((was[lang] ?? '') !== (now[lang] ?? '')) {
        lines.push(`${slideField([key, lang]).label}: “${now[lang] ?? ''}”`);
      }
    }
  }
  const rest = (slide: Slide) => {
    const { durationMs: _d, title: _t, ...other } = slide as Slide & Record<string, unknown>;
    for (const key of ['lead', 'body', 'caption', 'description']) delete other[key];
    return other;
  };
  if (!same(rest(before), rest(after))) lines.push('Other options of the slide changed');
  return lines;
}

function playlistLines(before: Playlist, after: Playlist, defaultLang: string): string[] {
  const lines: string[] = [];
  const name = `Playlist “${after.name}”`;
  if (before.name !== after.name) lines.push(`${name}: renamed from “${before.name}”`);
  if (!same(before.schedule, after.schedule)) lines.push(`${name}: its schedule changed`);
  const beforeIds = before.slides.map((s) => s.id);
  const afterIds = after.slides.map((s) => s.id);
  for (const slide of after.slides) {
    const was = before.slides.find((s) => s.id === slide.id);
    const label = `Slide “${slideLabel(slide, defaultLang)}”`;
    if (!was) lines.push(`${name}: new slide “${slideLabel(slide, defaultLang)}”`);
    else for (const line of valueLines(was, slide)) lines.push(`${label}: ${line}`);
  }
  for (const slide of before.slides) {
    if (!afterIds.includes(slide.id)) {
      lines.push(`${name}: deleted slide “${slideLabel(slide, defaultLang)}”`);
    }
  }
  const kept = beforeIds.filter((id) => afterIds.includes(id));
  if (
    !same(
      kept,
      afterIds.filter((id) => beforeIds.includes(id)),
    )
  ) {
    lines.push(`${name}: slides reordered`);
  }
  return lines;
}

/** Every change from `before` to `after`, one line each. */
export function describeEdits(
  before: ContentFile,
  after: ContentFile,
  defaultLang: string,
): string[] {
  const lines: string[] = [];
  for (const playlist of after.playlists) {
    const was = before.playlists.find((p) => p.id === playlist.id);
    if (!was) lines.push(`New playlist “${playlist.name}” with ${playlist.slides.length} slides`);
    else lines.push(...playlistLines(was, playlist, defaultLang));
  }
  for (const playlist of before.playlists) {
    if (!after.playlists.some((p) => p.id === playlist.id)) {
      lines.push(`Deleted playlist “${playlist.name}”`);
    }
  }
  if (before.defaultPlaylistId !== after.defaultPlaylistId) {
    const chosen = after.playlists.find((p) => p.id === after.defaultPlaylistId);
    lines.push(`Default playlist: “${chosen?.name ?? after.defaultPlaylistId}”`);
  }
  return lines;
}
