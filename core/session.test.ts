import { describe, expect, it } from 'vitest';
import {
  initialSession,
  secondsLeft,
  staffScreenWaitMs,
  stepSession,
  timingsFromSettings,
} from './session';

const timings = timingsFromSettings({ idleTimeoutSec: 90, countdownSec: 20 });

describe('session machine', () => {
  it('stays in the attract loop without input, however long', () => {
    const start = initialSession(0);
    const step = stepSession(start, { type: 'tick', now: 10 * 24 * 3600 * 1000 }, timings);
    expect(step).toEqual({ state: start, reset: false });
  });

  it('goes engaged on input, then countdown after the idle timeout, then resets', () => {
    let state = stepSession(initialSession(0), { type: 'input', now: 1000 }, timings).state;
    expect(state.phase).toBe('engaged');

    let step = stepSession(state, { type: 'tick', now: 1000 + 89_999 }, timings);
    expect(step.state.phase).toBe('engaged');

    step = stepSession(step.state, { type: 'tick', now: 1000 + 90_000 }, timings);
    expect(step.state.phase).toBe('countdown');
    expect(secondsLeft(step.state, 1000 + 90_000, timings)).toBe(20);
    expect(secondsLeft(step.state, 1000 + 90_001, timings)).toBe(20);
    expect(secondsLeft(step.state, 1000 + 109_000, timings)).toBe(1);
    state = step.state;

    step = stepSession(state, { type: 'tick', now: 1000 + 109_999 }, timings);
    expect(step.reset).toBe(false);
    step = stepSession(state, { type: 'tick', now: 1000 + 110_000 }, timings);
    expect(step.reset).toBe(true);
    expect(step.state).toEqual(initialSession(1000 + 110_000));
  });

  it('any input during the countdown keeps the visitor', () => {
    const engaged = stepSession(initialSession(0), { type: 'input', now: 0 }, timings).state;
    const counting = stepSession(engaged, { type: 'tick', now: 95_000 }, timings).state;
    expect(counting.phase).toBe('countdown');
    const back = stepSession(counting, { type: 'input', now: 96_000 }, timings);
    expect(back.state).toEqual({ phase: 'engaged', lastInputAt: 96_000, countdownStartedAt: 0 });
    const continued = stepSession(counting, { type: 'continue', now: 96_000 }, timings);
    expect(continued.state.phase).toBe('engaged');
    expect(continued.state.lastInputAt).toBe(96_000);
  });

  it('continue outside the countdown changes nothing', () => {
    const start = initialSession(5);
    expect(stepSession(start, { type: 'continue', now: 10 }, timings).state).toBe(start);
  });

  it('resets at once when the machine wakes after both timeouts passed', () => {
    const engaged = stepSession(initialSession(0), { type: 'input', now: 0 }, timings).state;
    const step = stepSession(engaged, { type: 'tick', now: 3_600_000 }, timings);
    expect(step.reset).toBe(true);
    expect(step.state.phase).toBe('attract');
  });

  it('counts down from the moment the timeout passed, not from a late tick', () => {
    const engaged = stepSession(initialSession(0), { type: 'input', now: 0 }, timings).state;
    const step = stepSession(engaged, { type: 'tick', now: 100_000 }, timings);
    expect(step.state.countdownStartedAt).toBe(90_000);
    expect(secondsLeft(step.state, 100_000, timings)).toBe(10);
  });

  it('reports no seconds outside the countdown', () => {
    expect(secondsLeft(initialSession(0), 1, timings)).toBe(0);
  });
});

describe('staffScreenWaitMs', () => {
  const settings = { idleTimeoutSec: 90, countdownSec: 20, staffIdleLockSec: 300 };

  it('is the visitor idle timeout plus its countdown while locked', () => {
    expect(staffScreenWaitMs(settings, false)).toBe(110_000);
    expect(staffScreenWaitMs({ ...settings, idleTimeoutSec: 30, countdownSec: 10 }, false)).toBe(
      40_000,
    );
  });

  it('is the staff idle time once unlocked', () => {
    expect(staffScreenWaitMs(settings, true)).toBe(300_000);
  });
});
