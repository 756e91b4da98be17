import { readFile, stat } from 'node:fs/promises';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskError } from '#core/errors';
import { AuthFile } from './auth-file.js';
import { failure } from '../test-helpers.js';
import { AuthService, lockoutMs, MAX_LOCKOUT_MS } from './auth-service.js';
import * as pinHash from './pin-hash.js';
import { authInTempDir, FAST } from './test-auth.js';

// Counts how often scrypt checks a PIN, so tests can prove a lock-out skips it.
vi.mock('./pin-hash.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./pin-hash.js')>();
  return { ...actual, verifyPin: vi.fn(actual.verifyPin) };
});

const PIN = '246810';
const START = Date.UTC(2030, 0, 1);

let clock = START;
const now = () => clock;

const setUp = (options: { pin?: string } = { pin: PIN }) => authInTempDir(now, options.pin);

/** Make `count` wrong tries; resolves to the last error. */
async function wrongTries(auth: AuthService, count: number): Promise<KioskError> {
  let last!: KioskError;
  for (let i = 0; i < count; i++) last = await failure(auth.unlock('1111'));
  return last;
}

beforeEach(() => {
  clock = START;
  vi.mocked(pinHash.verifyPin).mockClear();
});

describe('AuthService: PIN and lock-out', () => {
  it('with no PIN: reports none, offers creation only locally, and refuses unlock', async () => {
    const { auth } = await setUp({});
    expect(auth.status(undefined, true)).toEqual({
      pinSet: false,
      unlocked: false,
      lockedUntil: null,
      attemptsLeft: 5,
      canCreatePin: true,
    });
    expect(auth.status(undefined, false).canCreatePin).toBe(false);
    expect((await failure(auth.unlock(PIN))).code).toBe('forbidden');
    expect(auth.problems()).toEqual([]);
  });

  it('creates a PIN only from the kiosk itself and only when none is set', async () => {
    const { auth, file } = await setUp({});
    const remote = await failure(auth.createPin(PIN, false));
    expect(remote.code).toBe('forbidden');
    const session = await auth.createPin(PIN, true);
    expect(auth.isUnlocked(session)).toBe(true);
    expect(auth.status(session, true)).toMatchObject({ pinSet: true, canCreatePin: false });
    expect((await failure(auth.createPin('9999', true))).code).toBe('forbidden');
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(PIN);
    expect(AuthFile.parse(JSON.parse(text)).pin).toMatchObject({ algorithm: 'scrypt' });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('counts wrong tries down, then locks out for 30 s without checking even the right PIN', async () => {
    const { auth } = await setUp();
    for (let left = 4; left >= 1; left--) {
      const error = await failure(auth.unlock('1111'));
      expect(error.code).toBe('wrong-pin');
      expect(error.message).toBe('That PIN is not right.');
      expect(error.details).toEqual({ attemptsLeft: left });
      expect(auth.status(undefined, true).attemptsLeft).toBe(left);
    }
    const locked = await failure(auth.unlock('1111'));
    expect(locked.code).toBe('locked-out');
    expect(locked.details).toEqual({ lockedUntil: START + 30_000, retryAfterSec: 30 });
    expect(locked.message).toBe('Too many wrong PINs. Try again in 30 seconds.');
    expect(auth.status(undefined, true)).toMatchObject({
      lockedUntil: START + 30_000,
      attemptsLeft: 0,
    });

    vi.mocked(pinHash.verifyPin).mockClear();
    clock += 29_000;
    const during = await failure(auth.unlock(PIN));
    expect(during.code).toBe('locked-out');
    expect(during.details).toEqual({ lockedUntil: START + 30_000, retryAfterSec: 1 });
    expect(pinHash.verifyPin).not.toHaveBeenCalled();
  });

  it('doubles each further lock-out up to an hour, and the right PIN resets it', async () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(lockoutMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
    const { auth } = await setUp();
    expect((await wrongTries(auth, 5)).details).toMatchObject({ retryAfterSec: 30 });
    clock += 30_000;
    expect(auth.status(undefined, true)).toMatchObject({ lockedUntil: null, attemptsLeft: 5 });
    expect((await wrongTries(auth, 4)).code).toBe('wrong-pin');
    expect((await wrongTries(auth, 1)).details).toMatchObject({ retryAfterSec: 60 });
    clock += 60_000;
    expect((await wrongTries(auth, 5)).details).toMatchObject({ retryAfterSec: 120 });
    clock += 120_000;

    expect(auth.isUnlocked(await auth.unlock(PIN))).toBe(true);
    expect(auth.status(undefined, true)).toMatchObject({ lockedUntil: null, attemptsLeft: 5 });
    expect((await wrongTries(auth, 5)).details).toMatchObject({ retryAfterSec: 30 });
  });

  it('keeps the lock-out across a restart', async () => {
    const { auth, dataDir } = await setUp();
    await wrongTries(auth, 5);
    const again = await AuthService.open({ dataDir, now, hashParams: FAST });
    expect(again.status(undefined, true).lockedUntil).toBe(START + 30_000);
    expect((await failure(again.unlock(PIN))).code).toBe('locked-out');
    clock += 30_000;
    await again.unlock(PIN);
  });

  it('never stretches a lock-out past its length when the clock is set back', async () => {
    const { auth } = await setUp();
    await wrongTries(auth, 5);
    clock -= 24 * 3600_000;
    expect(auth.status(undefined, true).lockedUntil).toBe(clock + 30_000);
    clock += 30_000;
    await auth.unlock(PIN);
  });

  it('lets parallel tries through one at a time, so a burst gets five checks at most', async () => {
    const { auth } = await setUp();
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => auth.unlock('1111')));
    const codes = results.map((r) =>
      r.status === 'rejected' ? (r.reason as KioskError).code : '',
    );
    expect(codes.filter((code) => code === 'wrong-pin')).toHaveLength(4);
    expect(codes.filter((code) => code === 'locked-out')).toHaveLength(26);
    expect(pinHash.verifyPin).toHaveBeenCalledTimes(5);
  });

  it('refuses PINs that are not 4 to 12 digits, naming the field', async () => {
    const { auth } = await setUp();
    for (const bad of ['123', '1234567890123', '12a4', '', ' 1234', '１２３４']) {
      const error = await failure(auth.unlock(bad));
      expect(error.code, bad).toBe('invalid-input');
      expect(error.problems).toEqual([
        { source: 'PIN', path: '$.pin', message: 'must be 4 to 12 digits' },
      ]);
    }
    const session = await auth.unlock(PIN);
    const error = await failure(auth.changePin(session, PIN, '12'));
    expect(error.problems[0]?.path).toBe('$.newPin');
    expect((await failure(auth.setPin('abcd'))).code).toBe('invalid-input');
    expect(auth.status(undefined, true).attemptsLeft).toBe(5);
  });

  it('survives a brute force of 200 tries without unlocking or showing the hash', async () => {
    const { auth, file } = await setUp({ pin: '73915' });
    const { pin: record } = AuthFile.parse(JSON.parse(await readFile(file, 'utf8')));
    const secrets = [record!.hash, record!.salt, '73915'];
    const seen: string[] = [];
    let lockouts = 0;
    for (let i = 0; i < 200; i++) {
      const guess = String(10000 + i * 7);
      expect(guess).not.toBe('73915');
      const error = await failure(auth.unlock(guess));
      seen.push(
        error.message,
        JSON.stringify(error.toFailure()),
        JSON.stringify(auth.status(undefined, true)),
      );
      if (error.is('locked-out')) {
        lockouts++;
        // Even the right PIN is refused while locked out.
        seen.push(JSON.stringify((await failure(auth.unlock('73915'))).toFailure()));
        clock += error.details!.retryAfterSec * 1000;
      } else {
        expect(error.code).toBe('wrong-pin');
      }
    }
    expect(lockouts).toBe(40);
    expect(auth.status(undefined, true).unlocked).toBe(false);
    for (const text of seen) for (const secret of secrets) expect(text).not.toContain(secret);
    expect(lockoutMs(lockouts)).toBe(MAX_LOCKOUT_MS);
  });
});
