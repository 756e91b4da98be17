import { describe, expect, it } from 'vitest';
import { summarizeChange } from './history-summary.js';
import type { SavedState } from './history.js';
import { ContentFile, DEFAULT_SETTINGS, type Slide } from './schema.js';

const slide = (id: string, title: string): Slide => ({
  id,
  kind: 'theme',
  enabled: true,
  durationMs: 12_000,
  title: { en: title },
  body: { en: 'Text' },
});

function state(): SavedState {
  const content = ContentFile.parse({
    schemaVersion: 2,
    defaultPlaylistId: 'main',
    playlists: [
      { id: 'main', name: 'Main', slides: [slide('a', 'One'), slide('b', 'Two')] },
      { id: 'visa', name: 'Visa week', slides: [slide('c', 'Visa'), slide('d', 'Hours')] },
    ],
  });
  return { content, settings: { ...DEFAULT_SETTINGS } };
}

describe('summarizeChange', () => {
  it('names the playlist, the slide by position and the field', () => {
    const before = state();
    const after = structuredClone(before);
    after.content.playlists[1]!.slides[1]!.title = { en: 'Opening hours' };
    expect(summarizeChange(before, after)).toBe("Playlist 'Visa week': slide 2 title changed");
  });

  it('shows a setting with its unit, old and new', () => {
    const before = state();
    const after = structuredClone(before);
    after.settings.idleTimeoutSec = 120;
    expect(summarizeChange(before, after)).toBe('Settings: idle timeout 90 s -> 120 s');
  });

  it('counts several changes in one playlist', () => {
    const before = state();
    const after = structuredClone(before);
    const main = after.content.playlists[0]!;
    main.slides[0]!.durationMs = 15_000;
    main.slides[1]!.enabled = false;
    main.slides.push(slide('e', 'Three'));
    expect(summarizeChange(before, after)).toBe("3 changes in 'Main'");
  });

  it('names every place when changes are in several', () => {
    const before = state();
    const after = structuredClone(before);
    after.content.playlists[0]!.slides.reverse();
    after.settings.hideCursor = true;
    expect(summarizeChange(before, after)).toBe("2 changes in 'Main' and settings");
  });

  it('says what one slide change was: duration, off, added, removed, reordered', () => {
    const edits: ((s: SavedState) => void)[] = [
      (s) => (s.content.playlists[0]!.slides[1]!.durationMs = 20_000),
      (s) => (s.content.playlists[0]!.slides[0]!.enabled = false),
      (s) => s.content.playlists[0]!.slides.push(slide('x', 'New')),
      (s) => s.content.playlists[0]!.slides.shift(),
      (s) => s.content.playlists[0]!.slides.reverse(),
    ];
    const cases = edits.map((edit, i): [(s: SavedState) => void, string] => [
      edit,
      [
        'slide 2 duration 12 s -> 20 s',
        'slide 1 turned off',
        'slide 3 added',
        'slide 1 removed',
        'slides reordered',
      ][i]!,
    ]);
    for (const [edit, text] of cases) {
      const before = state();
      const after = structuredClone(before);
      edit(after);
      expect(summarizeChange(before, after)).toBe(`Playlist 'Main': ${text}`);
    }
  });

  it('says when a playlist is added, renamed or removed, and when nothing changed', () => {
    const before = state();
    const renamed = structuredClone(before);
    renamed.content.playlists[1]!.name = 'Visas';
    expect(summarizeChange(before, renamed)).toBe("Playlist 'Visas': renamed from 'Visa week'");
    const removed = structuredClone(before);
    removed.content.playlists.pop();
    expect(summarizeChange(before, removed)).toBe("Playlist 'Visa week': removed");
    expect(summarizeChange(removed, before)).toBe("Playlist 'Visa week': added");
    expect(summarizeChange(before, structuredClone(before))).toBe('No changes');
  });

  it('never shows a fleet key, and says "not set" for a setting cleared', () => {
    const before = state();
    const after = structuredClone(before);
    after.settings.syncPublicKey = 'k'.repeat(60);
    expect(summarizeChange(before, after)).toBe('Settings: fleet public key changed');
    after.settings.syncPublicKey = undefined;
    after.settings.timeZone = 'Europe/Brussels';
    expect(summarizeChange(after, before)).toBe('Settings: time zone Europe/Brussels -> not set');
  });
});
