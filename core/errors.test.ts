import { describe, expect, it } from 'vitest';
import { failureOf, KioskError, KioskFailure, ValidationError } from './errors.js';

describe('KioskFailure', () => {
  it('is what a KioskError sends, with the details typed for its code', () => {
    const locked = new KioskError('locked-out', 'Wait.', [], { retryAfterSec: 30, lockedUntil: 9 });
    expect(KioskFailure.parse(locked.toFailure())).toEqual({
      code: 'locked-out',
      message: 'Wait.',
      problems: [],
      details: { retryAfterSec: 30, lockedUntil: 9 },
    });
    const inUse = new KioskError('in-use', 'a.png is used by slides: intro', [], {
      slides: ['intro'],
    });
    expect(KioskFailure.parse(inUse.toFailure())).toMatchObject({ details: { slides: ['intro'] } });
  });

  it('refuses details that do not fit the code', () => {
    const failure = {
      code: 'wrong-pin',
      message: 'No.',
      problems: [],
      details: { attemptsLeft: 'x' },
    };
    expect(KioskFailure.safeParse(failure).success).toBe(false);
  });

  it('keeps the summary apart from the problems, and hides internals when asked', () => {
    const problems = [{ source: 'alert:set', path: '$.text.en', message: 'is required' }];
    expect(failureOf(new ValidationError(problems))).toEqual({
      code: 'invalid-input',
      message: 'Some values are not valid:',
      problems,
    });
    expect(failureOf(new Error('EIO at /data'))).toEqual({
      code: 'failed',
      message: 'EIO at /data',
      problems: [],
    });
    expect(failureOf(new Error('EIO at /data'), 'internal').message).toBe('internal');
  });

  it('narrows an error to its code', () => {
    const error: KioskError = new KioskError('wrong-pin', 'No.', [], { attemptsLeft: 2 });
    expect(error.is('wrong-pin') && error.details?.attemptsLeft).toBe(2);
    expect(error.is('locked-out')).toBe(false);
  });
});
