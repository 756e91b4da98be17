import { describe, expect, it } from 'vitest';
import { whenToSwap } from './content-swap';
import { CONTENT_SCHEMA_VERSION, ContentFile } from './schema';

const text = (id: string) => ({ id, kind: 'theme', title: { en: id }, body: { en: 'Text.' } });
const content = (...ids: string[]) =>
  ContentFile.parse({
    schemaVersion: CONTENT_SCHEMA_VERSION,
    defaultPlaylistId: 'main',
    playlists: [{ id: 'main', name: 'Main', slides: ids.map(text) }],
  });
const at = Date.parse('2026-06-01T12:00:00Z');

describe('whenToSwap', () => {
  it('with nobody there: staff edits at once, fleet syncs at the next slide', () => {
    const next = content('a', 'b');
    expect(whenToSwap({ changedBy: 'staff', content: next }, { inSession: false }, at, 'UTC')).toBe(
      'now',
    );
    expect(whenToSwap({ changedBy: 'fleet', content: next }, { inSession: false }, at, 'UTC')).toBe(
      'next-slide',
    );
  });

  it('during a session: any change waits while the slide on screen still plays', () => {
    const moment = { inSession: true, slideId: 'b' };
    for (const changedBy of ['staff', 'fleet'] as const) {
      expect(whenToSwap({ changedBy, content: content('a', 'b', 'c') }, moment, at, 'UTC')).toBe(
        'session-end',
      );
    }
  });

  it('during a session: a change that deleted the slide on screen shows at once', () => {
    const moment = { inSession: true, slideId: 'b' };
    expect(whenToSwap({ changedBy: 'staff', content: content('a', 'c') }, moment, at, 'UTC')).toBe(
      'now',
    );
  });

  it('during a session: a change that disabled the slide on screen shows at once', () => {
    const next = content('a', 'b');
    next.playlists[0]!.slides[1]!.enabled = false;
    const moment = { inSession: true, slideId: 'b' };
    expect(whenToSwap({ changedBy: 'staff', content: next }, moment, at, 'UTC')).toBe('now');
  });
});
