/**
 * The KioskApi contract: every call between the player and the host, with its schemas.
 *
 * The Electron IPC adapter, the preload bridge, the HTTP server and the renderer's client are all
 * typed against this one list, and each side parses payloads with the same schemas.
 */
import * as z from 'zod/mini';
import { Problem } from './problems.js';
import { ContentFile, Playlist, Settings } from './schema.js';

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
});
export type ContentSnapshot = z.infer<typeof ContentSnapshot>;

/** Health of one kiosk, for remote monitoring. */
export const Health = z.object({
  ok: z.boolean(),
  version: z.string(),
  uptimeSec: z.number(),
  revision: z.string(),
  problems: z.array(Problem),
});
export type Health = z.infer<typeof Health>;

/** Every call, by name (`domain:verb`), with its input and output schemas. */
export const contract = {
  'content:get': { input: z.undefined(), output: ContentSnapshot },
  'health:get': { input: z.undefined(), output: Health },
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
} as const;
export type EventName = keyof typeof events;

/** The API the renderer sees, whether it runs in Electron or in a browser. */
export interface KioskApi {
  /** Make a call in the contract. */
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Be told when saved content changes; returns a function that stops listening. */
  onContentChanged(listener: (snapshot: ContentSnapshot) => void): () => void;
}

/** The handlers a host implements, one per call. */
export type Handlers = {
  [K in CallName]: (input: z.output<(typeof contract)[K]['input']>) => Promise<CallOutput<K>>;
};
