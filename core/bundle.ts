/**
 * A fleet content bundle: static files any web server, bucket or CDN can host.
 *
 * `manifest.json` names the playlists, the settings fleets share and every media file with its
 * sha256 and size; the media sit beside it as `media/<sha256>.<ext>`. With a key the manifest is
 * signed (Ed25519) over its canonical JSON without the `signature` field.
 */
import * as z from 'zod/mini';
import { BUNDLE_PATH_PATTERN } from './media.js';
import { MEDIA_KINDS } from './media-types.js';
import { ContentFile, MediaRef, SettingsFields, type Settings } from './schema.js';

export const BUNDLE_FORMAT = 'openness-kiosk-bundle';
export const BUNDLE_SCHEMA_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** The settings every kiosk of a fleet takes from the bundle; the rest stay per kiosk. */
export const SHARED_SETTING_KEYS = [
  'idleTimeoutSec',
  'countdownSec',
  'defaultLanguage',
  'enabledLanguages',
  'reducedMotion',
  'hideCursor',
] as const satisfies readonly (keyof Settings)[];

/** The shared settings as they are written into a manifest. */
export const SharedSettings = z.pick(
  SettingsFields,
  Object.fromEntries(SHARED_SETTING_KEYS.map((key) => [key, true])) as Record<
    (typeof SHARED_SETTING_KEYS)[number],
    true
  >,
);
export type SharedSettings = z.infer<typeof SharedSettings>;

const Sha256 = z.string().check(z.regex(/^[a-f0-9]{64}$/, 'must be 64 lowercase hex digits'));

/** One media file of the bundle. */
export const BundleFile = z.object({
  /** Where it is, relative to the manifest: `media/<sha256>.<ext>`. */
  path: z.string().check(z.regex(BUNDLE_PATH_PATTERN, 'must be "media/<sha256>.<ext>"')),
  /** The reference slides use: `media:<sha256>.<ext>`. */
  ref: MediaRef,
  sha256: Sha256,
  size: z.int().check(z.nonnegative()),
  kind: z.enum(MEDIA_KINDS),
  mime: z.string(),
  /** The name staff uploaded it with, for people only. */
  name: z.string(),
});
export type BundleFile = z.infer<typeof BundleFile>;

export const BundleSignature = z.object({
  algorithm: z.literal('ed25519'),
  /** The first 16 hex digits of the sha256 of the public key (DER/SPKI). */
  keyId: z.string().check(z.regex(/^[a-f0-9]{16}$/, 'must be 16 lowercase hex digits')),
  /** base64 of the signature over `canonicalJson(manifest without signature)`. */
  value: z.string().check(z.minLength(1)),
});
export type BundleSignature = z.infer<typeof BundleSignature>;

export const Manifest = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    schemaVersion: z.literal(BUNDLE_SCHEMA_VERSION),
    /** sha256 (hex) of the canonical JSON of content, settings and files: same content, same revision. */
    revision: Sha256,
    /** When this revision was first published (ISO 8601). */
    createdAt: z.iso.datetime(),
    /**
     * Counts publishes into one bundle folder (1, 2, 3...): a kiosk takes only a higher one than
     * it has taken, so an old bundle served again cannot switch it back. Absent in bundles made
     * before sequences existed: such a manifest counts as sequence 0 (see `sequenceOf`).
     */
    sequence: z.optional(z.int().check(z.nonnegative())),
    content: ContentFile,
    settings: SharedSettings,
    files: z.array(BundleFile),
    signature: z.optional(BundleSignature),
  })
  .check(
    z.superRefine((manifest, ctx) => {
      manifest.files.forEach((file, index) => {
        if (file.path !== `media/${file.ref.slice('media:'.length)}`) {
          ctx.addIssue({
            code: 'custom',
            path: ['files', index, 'path'],
            message: `does not match its ref "${file.ref}"`,
          });
        }
        if (!file.ref.startsWith(`media:${file.sha256}.`)) {
          ctx.addIssue({
            code: 'custom',
            path: ['files', index, 'sha256'],
            message: `does not match its ref "${file.ref}"`,
          });
        }
      });
      const listed = new Set(manifest.files.map((file) => file.ref));
      for (const ref of mediaRefsOf(manifest.content)) {
        if (!listed.has(ref)) {
          ctx.addIssue({
            code: 'custom',
            path: ['files'],
            message: `the content uses ${ref}, which the bundle does not list`,
          });
        }
      }
    }),
  );
export type Manifest = z.infer<typeof Manifest>;

const UPLOADED_REF = /^media:[a-f0-9]{64}\.[a-z0-9]+$/;

/** Every uploaded media reference (`media:…`) the content uses, sorted, once each. */
export function mediaRefsOf(content: ContentFile): string[] {
  const refs = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (UPLOADED_REF.test(value)) refs.add(value);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(content.playlists);
  return [...refs].sort();
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}

/** The text a signature covers: the manifest's canonical JSON without its signature. */
export function signedText(manifest: Manifest): string {
  const { signature: _signature, ...unsigned } = manifest;
  return canonicalJson(unsigned);
}

/** The shared part of a kiosk's settings. */
export function sharedSettingsOf(settings: Settings): SharedSettings {
  const shared: Record<string, unknown> = {};
  for (const key of SHARED_SETTING_KEYS) shared[key] = settings[key];
  return shared as SharedSettings;
}

/**
 * Space a sync leaves free on the kiosk's disk beyond what it downloads: the larger of these.
 * A bundle that would cut into it is refused before anything is downloaded.
 */
export const SYNC_DISK_MARGIN = { bytes: 64 * 1024 * 1024, fraction: 0.01 } as const;

/**
 * How long one sync may take in all, so a server that sends slowly cannot hold it for hours:
 * a base time plus time per MiB to download (about 2 Mbit/s), and never more than the cap.
 */
export const SYNC_DEADLINE = {
  baseMs: 15 * 60_000,
  msPerMiB: 4_000,
  maxMs: 2 * 3_600_000,
} as const;

/** The deadline of a sync that must download `bytes` bytes. */
export function syncDeadlineMs(bytes: number): number {
  const { baseMs, msPerMiB, maxMs } = SYNC_DEADLINE;
  return Math.min(maxMs, baseMs + Math.ceil((bytes / 1_048_576) * msPerMiB));
}

/** A manifest's sequence; one published before sequences existed counts as 0. */
export function sequenceOf(manifest: Pick<Manifest, 'sequence'>): number {
  return manifest.sequence ?? 0;
}

/** What a kiosk has taken from its fleet: the basis for refusing old bundles. */
export interface Taken {
  /** The revision playing (undefined before the first sync, or when the state was lost). */
  current?: string;
  /** The highest sequence ever taken (a roll back does not lower it). */
  highest?: number;
  /** The revision staff rolled back from (passed over, not refused). */
  rolledBackFrom?: string;
}

/**
 * Whether a kiosk takes a manifest: `take` a new bundle, `same` for the one playing (or the one
 * rolled back from), else a refusal that says why for people. Only a higher sequence than any
 * taken is new: an older one, or the same number with other content, is an old bundle served
 * again (or two folders publishing to one URL), and only staff's "Roll back" goes back.
 */
export function judgeSequence(
  manifest: Pick<Manifest, 'revision' | 'sequence'>,
  taken: Taken,
): { verdict: 'take' | 'same' } | { verdict: 'refuse'; reason: string } {
  const { revision } = manifest;
  if (revision === taken.current || revision === taken.rolledBackFrom) return { verdict: 'same' };
  if (taken.highest === undefined) return { verdict: 'take' };
  const sequence = sequenceOf(manifest);
  if (sequence > taken.highest) return { verdict: 'take' };
  const reason =
    manifest.sequence === undefined
      ? `it has no sequence number and this kiosk has taken bundle sequence ${taken.highest}; publish it again with this version of openness-kiosk, which numbers every bundle`
      : sequence < taken.highest
        ? `its sequence ${sequence} is older than sequence ${taken.highest} this kiosk has taken (an old bundle served again?); only "Roll back" goes back`
        : `its sequence ${sequence} is the one this kiosk has taken, with other content (was the bundle folder published from two places?)`;
  return { verdict: 'refuse', reason };
}

const Iso = z.nullable(z.string());

/** How a running or finished sync is going. */
export const SyncProgress = z.object({
  filesDone: z.number(),
  filesTotal: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

/** A kiosk's fleet sync, for the admin Status panel and health reports. */
export const SyncStatus = z.object({
  /** `off` when no manifest URL is set. */
  state: z.enum(['off', 'idle', 'checking', 'downloading', 'error']),
  manifestUrl: z.nullable(z.string()),
  /** The bundle revision playing (null before the first sync). */
  revision: z.nullable(z.string()),
  /** Its sequence (0 for a bundle published without one; null before the first sync). */
  sequence: z.nullable(z.number()),
  /** The revision kept for "Roll back". */
  previousRevision: z.nullable(z.string()),
  /** A revision staff rolled back from; it is not taken again. */
  rolledBackFrom: z.nullable(z.string()),
  lastCheckAt: Iso,
  /** When a new revision was last switched in. */
  lastSyncAt: Iso,
  lastError: z.nullable(z.object({ message: z.string(), at: z.string() })),
  /**
   * The bundle the server offers but the kiosk refused as older than what it has taken (an old
   * bundle served again); null once the server offers an acceptable one.
   */
  refused: z.nullable(z.object({ revision: z.string(), sequence: z.number(), at: z.string() })),
  nextCheckAt: Iso,
  progress: z.nullable(SyncProgress),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** The admin's publish job. */
export const PublishStatus = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  outDir: z.nullable(z.string()),
  filesDone: z.number(),
  filesTotal: z.number(),
  revision: z.nullable(z.string()),
  error: z.nullable(z.string()),
});
export type PublishStatus = z.infer<typeof PublishStatus>;
