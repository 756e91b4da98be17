/**
 * The KioskApi contract: every call between the player and the host, with its schemas.
 *
 * The Electron IPC adapter, the preload bridge, the HTTP server and the renderer's client are all
 * typed against this one list, and each side parses payloads with the same schemas.
 */
import * as z from 'zod/mini';
import { AlertInput, AlertState, AlertTemplate, AlertTemplates } from './alert.js';
import { CsvExportRequest } from './analytics-csv.js';
import { AnalyticsSummary, DateRange, NowShowing, RecordBatch, RecordResult } from './analytics.js';
import { PublishStatus, SyncStatus } from './bundle.js';
import { HistoryList, HistoryVersion, VersionId } from './history.js';
import { MAX_UPLOAD_NAME_LENGTH } from './limits.js';
import { MEDIA_KINDS } from './media-types.js';
import type { Reply } from './errors.js';
import { PIN_PATTERN, PIN_PROBLEM } from './pin.js';
import { Problem } from './problems.js';
import { ContentFile, MediaRef, Playlist, Settings } from './schema.js';

/** What the player needs to run: the active playlist, the settings and any content problems. */
export const ContentSnapshot = z.object({
  /** Changes whenever saved content changes; the player reloads content when it does. */
  revision: z.string(),
  playlist: Playlist,
  /** Every playlist and schedule; the player picks what plays now. */
  content: ContentFile,
  settings: Settings,
  /** Problems found on disk; when non-empty the kiosk is playing defaults or the last good copy. */
  problems: z.array(Problem),
  /**
   * Who made the latest change: staff edits show at once; a fleet sync waits for the player's
   * next slide boundary, so nobody sees a slide change under their eyes.
   */
  changedBy: z._default(z.enum(['staff', 'fleet']), 'staff'),
});
export type ContentSnapshot = z.infer<typeof ContentSnapshot>;

/** Remote admin over HTTPS: where staff open it, and the certificate they should see. */
export const RemoteAdminInfo = z.object({
  url: z.string(),
  /** SHA-256 fingerprint of the certificate, `AB:CD:…`, as browsers show it. */
  certificateSha256: z.string(),
});
export type RemoteAdminInfo = z.infer<typeof RemoteAdminInfo>;

/** Health of one kiosk, for remote monitoring. */
export const Health = z.object({
  ok: z.boolean(),
  version: z.string(),
  uptimeSec: z.number(),
  revision: z.string(),
  problems: z.array(Problem),
  /** Memory the host process uses, in bytes. */
  memory: z.object({ rssBytes: z.number(), heapUsedBytes: z.number() }),
  /** When fleet content was last switched in (null when never). */
  lastSyncAt: z.nullable(z.string()),
  /** The latest failure: a sync that failed, else the newest problem (null when none). */
  lastError: z.nullable(z.object({ message: z.string(), at: z.nullable(z.string()) })),
  sync: SyncStatus,
  /**
   * The slide the player reported on screen, with its title in the default language (null until
   * a player has reported one since the host started).
   */
  currentSlide: z.nullable(z.extend(NowShowing, { title: z.string() })),
  /** Remote admin over the network (null when off, or in a shell that does not serve it). */
  remoteAdmin: z.optional(z.nullable(RemoteAdminInfo)),
});
export type Health = z.infer<typeof Health>;

/** Fleet sync and publishing, for the admin Status panel. */
export const FleetStatus = z.object({ sync: SyncStatus, publish: PublishStatus });
export type FleetStatus = z.infer<typeof FleetStatus>;

/** A staff PIN: 4 to 12 digits (core/pin.ts). */
export const Pin = z.string().check(z.regex(PIN_PATTERN, PIN_PROBLEM));

/** Whether staff are signed in, and whether they may try. */
export const AuthStatus = z.object({
  pinSet: z.boolean(),
  unlocked: z.boolean(),
  /** While locked out: when the next try is allowed (epoch ms). */
  lockedUntil: z.nullable(z.number()),
  /** Tries left before a lock-out. */
  attemptsLeft: z.number(),
  /** True when no PIN is set and this request comes from the kiosk itself. */
  canCreatePin: z.boolean(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

/** A file staff uploaded: the admin's library, and each record of the media index on disk. */
export const MediaItem = z.object({
  ref: MediaRef,
  kind: z.enum(MEDIA_KINDS),
  mime: z.string(),
  size: z.number(),
  /** The name it was uploaded with, for people only. */
  name: z.string(),
  uploadedAt: z.string(),
});
export type MediaItem = z.infer<typeof MediaItem>;

/** Everything the admin edits, with the revision its saves must be based on. */
export const AdminState = z.object({
  revision: z.string(),
  content: ContentFile,
  settings: Settings,
  problems: z.array(Problem),
  media: z.array(MediaItem),
});
export type AdminState = z.infer<typeof AdminState>;

/** Who may make a call: anyone (the player), signed-in staff, or only the kiosk itself. */
export type Access = 'public' | 'staff' | 'local';

const call = <I extends z.ZodMiniType, O extends z.ZodMiniType>(
  access: Access,
  input: I,
  output: O,
) => ({ access, input, output });

// A save replies with the admin state after it (the next save is based on its `revision`), so the
// admin shows what was saved without asking for it again.
const Saved = AdminState;
const Nothing = z.object({});

/** Every call, by name (`domain:verb`), with who may make it and its input and output schemas. */
export const contract = {
  'content:get': call('public', z.undefined(), ContentSnapshot),
  'health:get': call('public', z.undefined(), Health),
  'auth:status': call('public', z.undefined(), AuthStatus),
  'auth:unlock': call('public', z.object({ pin: Pin }), AuthStatus),
  'auth:lock': call('public', z.undefined(), AuthStatus),
  'auth:create-pin': call('local', z.object({ pin: Pin }), AuthStatus),
  'auth:change-pin': call('staff', z.object({ currentPin: Pin, newPin: Pin }), AuthStatus),
  'admin:get': call('staff', z.undefined(), AdminState),
  'content:save': call(
    'staff',
    z.object({ baseRevision: z.string(), content: ContentFile }),
    Saved,
  ),
  // Changing a setting in PIN_CONFIRMED_SETTINGS (core/security-policy.ts) needs `pin` again.
  'settings:save': call(
    'staff',
    z.object({ baseRevision: z.string(), settings: Settings, pin: z.optional(Pin) }),
    Saved,
  ),
  // History: the versions kept after each save; a restore is a save, checked against the revision
  // (and, like settings:save, needs `pin` when it would change a PIN-confirmed setting).
  'history:list': call('staff', z.undefined(), HistoryList),
  'history:get': call('staff', z.object({ id: VersionId }), HistoryVersion),
  'history:restore': call(
    'staff',
    z.object({ baseRevision: z.string(), id: VersionId, pin: z.optional(Pin) }),
    Saved,
  ),
  'media:upload-begin': call(
    'staff',
    z.object({
      name: z.string().check(z.maxLength(MAX_UPLOAD_NAME_LENGTH)),
      size: z.int().check(z.gte(1)),
    }),
    z.object({ uploadId: z.string(), chunkSize: z.number() }),
  ),
  'media:upload-chunk': call(
    'staff',
    z.object({
      uploadId: z.string(),
      offset: z.int().check(z.gte(0)),
      bytes: z.instanceof(Uint8Array),
    }),
    z.object({ received: z.number() }),
  ),
  // `existing`: the same bytes were already in the library (the item keeps its first name).
  'media:upload-finish': call(
    'staff',
    z.object({ uploadId: z.string() }),
    z.extend(MediaItem, { existing: z.optional(z.boolean()) }),
  ),
  'media:upload-cancel': call('staff', z.object({ uploadId: z.string() }), Nothing),
  'media:delete': call('staff', z.object({ ref: MediaRef }), Nothing),
  'fleet:status': call('staff', z.undefined(), FleetStatus),
  'fleet:sync-now': call('staff', z.undefined(), FleetStatus),
  'fleet:roll-back': call('staff', z.undefined(), FleetStatus),
  'fleet:publish': call(
    'staff',
    z.object({
      /** A folder in the data folder's `published` folder: its name, or its full path. */
      outDir: z.string().check(z.minLength(1, 'name a folder'), z.maxLength(1000)),
      /** A key file in the data folder's `keys` folder: its name, or its full path. */
      keyFile: z.optional(z.string().check(z.maxLength(1000))),
      /** Publishing reaches beyond the screen: it needs the PIN again. */
      pin: Pin,
    }),
    FleetStatus,
  ),
  // Emergency message: the player polls `alert:get`; staff set and clear it.
  'alert:get': call('public', z.undefined(), AlertState),
  'alert:set': call('staff', AlertInput, AlertState),
  'alert:clear': call('staff', z.undefined(), AlertState),
  'alert:templates': call('staff', z.undefined(), AlertTemplates),
  'alert:save-template': call('staff', AlertTemplate, AlertTemplates),
  'alert:delete-template': call('staff', z.object({ name: z.string() }), AlertTemplates),
  'player:report': call(
    'public',
    z.object({
      kind: z.enum(['media-error']),
      slideId: z.string().check(z.maxLength(64)),
      message: z.string().check(z.maxLength(500)),
    }),
    Nothing,
  ),
  // The player says which slide it shows as each one comes on screen, for health.
  'player:showing': call('public', NowShowing, Nothing),
  // Proof of play: the player reports slides shown and visits; staff read and export them.
  'plays:record': call('public', RecordBatch, RecordResult),
  'analytics:get': call('staff', DateRange, AnalyticsSummary),
  'analytics:export': call('staff', CsvExportRequest, z.object({ csv: z.string() })),
} as const;

/** Name of a call in the contract. */
export type CallName = keyof typeof contract;
/** What a call takes, before parsing. */
export type CallInput<K extends CallName> = z.input<(typeof contract)[K]['input']>;
/** What a call returns, after parsing. */
export type CallOutput<K extends CallName> = z.output<(typeof contract)[K]['output']>;

/** Every call name, for adapters that register them all. */
export const callNames = Object.keys(contract) as CallName[];

/** Whether a string names a call in the contract. */
export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Events the host pushes to the player. */
export const events = {
  'content:changed': ContentSnapshot,
  /** An uploaded file was added or removed (no data: the admin reloads its library). */
  'media:changed': z.object({}),
} as const;
export type EventName = keyof typeof events;

/** The API the renderer sees, whether it runs in Electron or in a browser. */
export interface KioskApi {
  /** Make a call in the contract. */
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Be told when saved content changes; returns a function that stops listening. */
  onContentChanged(listener: (snapshot: ContentSnapshot) => void): () => void;
  /**
   * Be told when a file is added to or removed from the media library, by anyone (another tab,
   * another staff machine); absent where the shell has no such stream (Electron IPC).
   */
  onMediaChanged?(listener: () => void): () => void;
}

/**
 * What the Electron preload exposes as `window.kiosk`: every call answers with its {@link Reply}
 * (a structured clone of the main process's), never a rejection; the renderer's client turns it
 * into a KioskApi.
 */
export interface KioskBridge {
  /** Make a call in the contract. */
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<Reply<CallOutput<K>>>;
  /** Be told when saved content changes; returns a function that stops listening. */
  onContentChanged(listener: (snapshot: ContentSnapshot) => void): () => void;
}

/** What an adapter tells a handler about the caller. */
export interface CallContext {
  /** The caller is the kiosk itself: the Electron window, or HTTP from this machine. */
  local: boolean;
  /**
   * Who is calling, for counting wrong PINs per source: `kiosk` for the kiosk's own screen, else
   * its network address. Adapters that serve only the kiosk itself (IPC) leave it out.
   */
  source?: string;
  /** The caller's staff session, if it has one. */
  sessionId: string | undefined;
  /** Start a staff session for this caller (sets the cookie, or marks the window). */
  startSession(sessionId: string): void;
  /** End this caller's staff session. */
  endSession(): void;
}

/** The handlers a host implements, one per call. */
export type Handlers = {
  [K in CallName]: (
    input: z.output<(typeof contract)[K]['input']>,
    context: CallContext,
  ) => Promise<CallOutput<K>>;
};
