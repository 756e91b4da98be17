import { describe, expect, it } from 'vitest';
import { migrateContent } from './migrations';
import { CONTENT_SCHEMA_VERSION } from './schema';

describe('content migrations', () => {
  it('renames activePlaylistId to defaultPlaylistId from version 1 (or no version)', () => {
    for (const start of [{ schemaVersion: 1 }, {}]) {
      const result = migrateContent({ ...start, activePlaylistId: 'a', playlists: [] });
      expect(result).toEqual({
        ok: true,
        from: 1,
        migrated: true,
        value: { schemaVersion: 2, defaultPlaylistId: 'a', playlists: [] },
      });
    }
  });

  it('leaves current files alone', () => {
    const current = { schemaVersion: CONTENT_SCHEMA_VERSION, defaultPlaylistId: 'a' };
    expect(migrateContent(current)).toEqual({ ok: true, value: current, from: 2, migrated: false });
  });

  it('refuses files from a newer version', () => {
    expect(migrateContent({ schemaVersion: 7 })).toMatchObject({ ok: false });
  });

  it('hands odd values to the schema to report', () => {
    for (const odd of [null, [], 'x', { schemaVersion: 'two' }, { schemaVersion: 0 }]) {
      expect(migrateContent(odd)).toMatchObject({ ok: true, migrated: false });
    }
  });
});
