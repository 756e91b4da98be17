/**
 * The visitor session machine: attract loop, engaged visitor, "still there?" countdown, reset.
 *
 * Pure functions of `now` (milliseconds), so time is a parameter and tests need no clock.
 */

/** Where the session is. */
export type SessionPhase = 'attract' | 'engaged' | 'countdown';

/** The session's state. */
export interface SessionState {
  phase: SessionPhase;
  /** When the visitor last touched, clicked or pressed a key. */
  lastInputAt: number;
  /** When the countdown dialog opened (only in `countdown`). */
  countdownStartedAt: number;
}

/** Timings from settings, in milliseconds. */
export interface SessionTimings {
  idleTimeoutMs: number;
  countdownMs: number;
}

/** What happened to the session. */
export type SessionEvent =
  | { type: 'input'; now: number }
  | { type: 'continue'; now: number }
  | { type: 'tick'; now: number };

/** The result of a step: the next state and whether the player must reset now. */
export interface SessionStep {
  state: SessionState;
  reset: boolean;
}

/** A fresh session in the attract loop. */
export function initialSession(now: number): SessionState {
  return { phase: 'attract', lastInputAt: now, countdownStartedAt: 0 };
}

/** Advance the session by one event. */
export function stepSession(
  state: SessionState,
  event: SessionEvent,
  timings: SessionTimings,
): SessionStep {
  switch (event.type) {
    case 'input':
      // While the dialog is open only its button continues; other input also counts as presence.
      return {
        state: { phase: 'engaged', lastInputAt: event.now, countdownStartedAt: 0 },
        reset: false,
      };
    case 'continue':
      if (state.phase !== 'countdown') return { state, reset: false };
      return {
        state: { phase: 'engaged', lastInputAt: event.now, countdownStartedAt: 0 },
        reset: false,
      };
    case 'tick':
      return tick(state, event.now, timings);
  }
}

function tick(state: SessionState, now: number, timings: SessionTimings): SessionStep {
  if (state.phase === 'engaged' && now - state.lastInputAt >= timings.idleTimeoutMs) {
    const countdownStartedAt = state.lastInputAt + timings.idleTimeoutMs;
    const next: SessionState = {
      phase: 'countdown',
      lastInputAt: state.lastInputAt,
      countdownStartedAt,
    };
    // A long pause between ticks (a suspended machine) may have used up the countdown too.
    return tick(next, now, timings);
  }
  if (state.phase === 'countdown' && now - state.countdownStartedAt >= timings.countdownMs) {
    return { state: initialSession(now), reset: true };
  }
  return { state, reset: false };
}

/** Whole seconds left on the countdown, for display; 0 outside the countdown. */
export function secondsLeft(state: SessionState, now: number, timings: SessionTimings): number {
  if (state.phase !== 'countdown') return 0;
  const left = timings.countdownMs - (now - state.countdownStartedAt);
  return Math.max(0, Math.ceil(left / 1000));
}

/** Session timings from settings given in seconds. */
export function timingsFromSettings(settings: {
  idleTimeoutSec: number;
  countdownSec: number;
}): SessionTimings {
  return {
    idleTimeoutMs: settings.idleTimeoutSec * 1000,
    countdownMs: settings.countdownSec * 1000,
  };
}

/**
 * How long a staff screen waits without input before it goes back to the player, in
 * milliseconds: unlocked, the staff idle time; locked (anyone may have opened it, a visitor
 * too), no longer than the visitor would wait for the player's own reset.
 */
export function staffScreenWaitMs(
  settings: { idleTimeoutSec: number; countdownSec: number; staffIdleLockSec: number },
  unlocked: boolean,
): number {
  if (unlocked) return settings.staffIdleLockSec * 1000;
  const { idleTimeoutMs, countdownMs } = timingsFromSettings(settings);
  return idleTimeoutMs + countdownMs;
}
