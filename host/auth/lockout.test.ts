import { describe, expect, it } from 'vitest';
import { emptyAuthFile, type LockoutBook } from './auth-file.js';
import {
  afterFailure,
  afterSuccess,
  clampToClock,
  KIOSK_SOURCE,
  MAX_FAILURES,
  MAX_SOURCES,
  NETWORK_FAILURES_PER_HOUR,
  NETWORK_WINDOW_MS,
  standing,
} from './lockout.js';

const T0 = 1_700_000_000_000;
const fresh = (): LockoutBook => emptyAuthFile();
const fail = (book: LockoutBook, source: string, times: number, at = T0) => {
  for (let i = 0; i < times; i++) book = afterFailure(book, source, at);
  return book;
};

describe('lock-out per source with a network budget', () => {
  it('locks out only the source that got the PIN wrong five times', () => {
    const book = fail(fresh(), '192.0.2.7', MAX_FAILURES);
    expect(standing(book, '192.0.2.7', T0)).toMatchObject({ lockedUntil: T0 + 30_000 });
    expect(standing(book, '192.0.2.8', T0)).toEqual({
      lockedUntil: null,
      attemptsLeft: MAX_FAILURES,
      network: false,
    });
    expect(standing(book, KIOSK_SOURCE, T0).lockedUntil).toBeNull();
    // A second lock-out of the same source lasts twice as long; success clears only its count.
    const twice = fail(book, '192.0.2.7', MAX_FAILURES, T0 + 30_000);
    expect(standing(twice, '192.0.2.7', T0 + 30_000).lockedUntil).toBe(T0 + 90_000);
    const cleared = afterSuccess(twice, '192.0.2.7');
    expect(standing(cleared, '192.0.2.7', T0 + 30_000).attemptsLeft).toBe(MAX_FAILURES);
    expect(cleared.network.failures).toEqual(twice.network.failures);
  });

  it('caps guessing spread over many addresses per hour, never the kiosk screen', () => {
    let book = fresh();
    for (let i = 0; i < NETWORK_FAILURES_PER_HOUR; i++) {
      book = afterFailure(book, `10.0.${i}.1`, T0 + i * 1000);
    }
    const now = T0 + NETWORK_FAILURES_PER_HOUR * 1000;
    expect(standing(book, '10.9.9.9', now)).toEqual({
      lockedUntil: T0 + NETWORK_WINDOW_MS,
      attemptsLeft: 0,
      network: true,
    });
    expect(standing(book, KIOSK_SOURCE, now)).toEqual({
      lockedUntil: null,
      attemptsLeft: MAX_FAILURES,
      network: false,
    });
    // Once the oldest failure is an hour old, one more try is allowed.
    expect(standing(book, '10.9.9.9', T0 + NETWORK_WINDOW_MS).lockedUntil).toBeNull();
    expect(book.network.failures).toHaveLength(NETWORK_FAILURES_PER_HOUR);
  });

  it('forgets the oldest sources past its limit, and never trusts a clock set back', () => {
    let book = fresh();
    for (let i = 0; i < MAX_SOURCES + 10; i++) book = afterFailure(book, `s${i}`, T0 + i);
    expect(Object.keys(book.network.sources)).toHaveLength(MAX_SOURCES);
    expect(book.network.sources.s0).toBeUndefined();
    const locked = fail(fresh(), 'a', MAX_FAILURES);
    const back = T0 - 24 * 3600_000;
    const clamped = clampToClock(locked, back);
    expect(standing(clamped, 'a', back).lockedUntil).toBe(back + 30_000);
    expect(Math.max(...clamped.network.failures)).toBe(back);
  });
});
