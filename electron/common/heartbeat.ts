/**
 * The renderer's heartbeat: what the preload sends the main process, and how often.
 *
 * Shared by electron/preload/index.ts and electron/main/ (both bundle it), so it imports nothing.
 * The preload runs on the page's main thread, so when the page freezes the beats stop; the main
 * process then reloads it (see electron/main/recovery.ts). Each beat also says how long nobody has
 * touched the screen, so a planned reload never interrupts a visitor (quiet-reload.ts).
 */

/** The IPC channel of the beats (a one-way `send`, not a KioskApi call). */
export const HEARTBEAT_CHANNEL = 'kiosk:heartbeat';

/** How often the preload beats. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

/** How long without a beat, once the page has loaded, before the renderer counts as frozen. */
export const HEARTBEAT_TIMEOUT_MS = 30_000;

/** One beat. */
export interface Heartbeat {
  /** Milliseconds since the last pointer, touch, wheel or key input on the page. */
  idleMs: number;
}

/** The beat a message carries, or null when it is not one (anything may arrive over IPC). */
export function parseHeartbeat(value: unknown): Heartbeat | null {
  if (typeof value !== 'object' || value === null) return null;
  const idleMs = (value as { idleMs?: unknown }).idleMs;
  if (typeof idleMs !== 'number' || !Number.isFinite(idleMs) || idleMs < 0) return null;
  return { idleMs };
}
