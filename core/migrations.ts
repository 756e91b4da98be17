/**
 * Forward migrations of the content file: each step takes one schema version to the next.
 *
 * Pure: the host reads the JSON, migrates it here, validates it, and writes it back.
 */
import { CONTENT_SCHEMA_VERSION } from './schema.js';

type Json = Record<string, unknown>;

/** Steps by the version they start from. */
const STEPS: Record<number, (content: Json) => Json> = {
  // v2: schedules decide what plays, so the playlist that plays when nothing is scheduled is the
  // "default" one rather than the "active" one.
  1: ({ activePlaylistId, ...rest }) => ({ ...rest, defaultPlaylistId: activePlaylistId }),
};

/** The outcome of migrating a parsed content file. */
export type MigrationResult =
  { ok: true; value: unknown; from: number; migrated: boolean } | { ok: false; message: string };

/** Bring a parsed content file up to the current schema version (missing version means 1). */
export function migrateContent(json: unknown): MigrationResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: true, value: json, from: CONTENT_SCHEMA_VERSION, migrated: false };
  }
  const declared = (json as Json).schemaVersion ?? 1;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    return { ok: true, value: json, from: CONTENT_SCHEMA_VERSION, migrated: false };
  }
  if (declared > CONTENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `written by a newer version of the kiosk (schema ${declared}; this one reads up to ${CONTENT_SCHEMA_VERSION})`,
    };
  }
  let value = json as Json;
  for (let version = declared; version < CONTENT_SCHEMA_VERSION; version++) {
    value = { ...STEPS[version]!(value), schemaVersion: version + 1 };
  }
  return { ok: true, value, from: declared, migrated: declared !== CONTENT_SCHEMA_VERSION };
}
