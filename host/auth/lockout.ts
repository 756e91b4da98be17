/**
 * Wrong PINs and lock-outs, counted per source, with a budget for the whole network.
 *
 * Each source (the kiosk's own screen, or one network address) gets `MAX_FAILURES` wrong tries in
 * a row, then a lock-out of 30 s that doubles with each further one, up to an hour. Failures
 * elsewhere never lock out the kiosk's own screen. Guessing spread over many addresses is capped
 * by `NETWORK_FAILURES_PER_HOUR` wrong tries in any hour from all sources but the kiosk's screen
 * together; once it is spent, the network waits until the oldest of them is an hour old.
 *
 * Pure functions over the state kept in `auth.json`, so the counting is tested without a clock.
 */
import type { LockoutBook, LockoutState, SourceLockout } from './auth-file.js';

/** The source name of the kiosk's own screen (its player and admin, over loopback or IPC). */
export const KIOSK_SOURCE = 'kiosk';
/** Wrong tries in a row from one source that start its lock-out. */
export const MAX_FAILURES = 5;
/** The first lock-out; each further one lasts twice as long, up to `MAX_LOCKOUT_MS`. */
export const FIRST_LOCKOUT_MS = 30_000;
export const MAX_LOCKOUT_MS = 60 * 60_000;
/** Wrong tries in any hour from all network sources together (not the kiosk's screen). */
export const NETWORK_FAILURES_PER_HOUR = 30;
export const NETWORK_WINDOW_MS = 60 * 60_000;
/** Network sources remembered at once; those with the oldest failures are forgotten first. */
export const MAX_SOURCES = 256;

const CLEAR: LockoutState = { failures: 0, lockouts: 0, lockedUntil: null };

/** How long the `lockouts`-th lock-out in a row lasts. */
export function lockoutMs(lockouts: number): number {
  return Math.min(FIRST_LOCKOUT_MS * 2 ** Math.max(0, lockouts - 1), MAX_LOCKOUT_MS);
}

/** Where a source stands now. */
export interface Standing {
  /** When its next try is allowed (epoch ms), or null when it may try now. */
  lockedUntil: number | null;
  /** Wrong tries left before its lock-out. */
  attemptsLeft: number;
  /** Whether the network's budget, rather than the source's own count, holds it back. */
  network: boolean;
}

/** A source's state (a clean one when it has none). */
function stateOf(book: LockoutBook, source: string): LockoutState {
  return source === KIOSK_SOURCE ? book.lockout : (book.network.sources[source] ?? CLEAR);
}

/** The network's failures in the hour before `now`. */
function recentNetworkFailures(book: LockoutBook, now: number): number[] {
  return book.network.failures.filter((at) => now - at < NETWORK_WINDOW_MS);
}

/**
 * The book with a clock set back taken into account: no lock-out ends later than its length from
 * `now`, and no failure lies in the future, so a wrong clock never stretches a wait to days.
 */
export function clampToClock(book: LockoutBook, now: number): LockoutBook {
  const clamp = <T extends LockoutState>(state: T): T =>
    state.lockedUntil !== null && state.lockedUntil > now + lockoutMs(state.lockouts)
      ? { ...state, lockedUntil: now + lockoutMs(state.lockouts) }
      : state;
  const sources = Object.fromEntries(
    Object.entries(book.network.sources).map(([source, state]) => [source, clamp(state)]),
  );
  const failures = book.network.failures.map((at) => Math.min(at, now));
  return { lockout: clamp(book.lockout), network: { sources, failures } };
}

/** Where `source` stands at `now` (after `clampToClock`). */
export function standing(book: LockoutBook, source: string, now: number): Standing {
  const state = stateOf(book, source);
  let lockedUntil: number | null = null;
  if (state.lockedUntil !== null && state.lockedUntil > now) lockedUntil = state.lockedUntil;
  let network = false;
  if (source !== KIOSK_SOURCE) {
    const recent = recentNetworkFailures(book, now);
    if (recent.length >= NETWORK_FAILURES_PER_HOUR) {
      const until = recent[recent.length - NETWORK_FAILURES_PER_HOUR]! + NETWORK_WINDOW_MS;
      if (lockedUntil === null || until > lockedUntil) {
        lockedUntil = until;
        network = true;
      }
    }
  }
  const attemptsLeft = lockedUntil === null ? MAX_FAILURES - state.failures : 0;
  return { lockedUntil, attemptsLeft, network };
}

/** The book after a wrong try from `source` at `now`. */
export function afterFailure(book: LockoutBook, source: string, now: number): LockoutBook {
  const state = stateOf(book, source);
  const failures = state.failures + 1;
  const next: LockoutState =
    failures < MAX_FAILURES
      ? { failures, lockouts: state.lockouts, lockedUntil: null }
      : {
          failures: 0,
          lockouts: state.lockouts + 1,
          lockedUntil: now + lockoutMs(state.lockouts + 1),
        };
  if (source === KIOSK_SOURCE) return { ...book, lockout: next };
  const sources = { ...book.network.sources, [source]: { ...next, lastFailureAt: now } };
  const failuresInWindow = [...recentNetworkFailures(book, now), now].slice(
    -NETWORK_FAILURES_PER_HOUR,
  );
  return { ...book, network: { sources: forgetOldest(sources), failures: failuresInWindow } };
}

/** The book after the right PIN from `source`: its own count starts again. */
export function afterSuccess(book: LockoutBook, source: string): LockoutBook {
  if (source === KIOSK_SOURCE) return { ...book, lockout: CLEAR };
  const sources = { ...book.network.sources };
  delete sources[source];
  return { ...book, network: { ...book.network, sources } };
}

/** Whether a success from `source` would change anything. */
export function hasFailures(book: LockoutBook, source: string): boolean {
  const state = stateOf(book, source);
  return state.failures > 0 || state.lockouts > 0 || state.lockedUntil !== null;
}

function forgetOldest(sources: Record<string, SourceLockout>): Record<string, SourceLockout> {
  const entries = Object.entries(sources);
  if (entries.length <= MAX_SOURCES) return sources;
  entries.sort(([, a], [, b]) => b.lastFailureAt - a.lastFailureAt);
  return Object.fromEntries(entries.slice(0, MAX_SOURCES));
}
