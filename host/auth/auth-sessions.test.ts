import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { KioskError } from '#core/errors';
import { tempDir } from '../test-helpers.js';
import { AuthService } from './auth-service.js';
import { MAX_SESSIONS } from './sessions.js';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const PIN = '135790';
const MINUTE = 60_000;

let clock = 0;
const now = () => clock;

async function setUp(pin: string | undefined = PIN) {
  const dataDir = await tempDir();
  const auth = await AuthService.open({ dataDir, now, hashParams: FAST });
  if (pin) await auth.setPin(pin);
  return { dataDir, auth, file: path.join(dataDir, 'auth.json') };
}

async function failure(promise: Promise<unknown>): Promise<KioskError> {
  const error = await promise.then(
    () => expect.unreachable('the call should have failed'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KioskError);
  return error as KioskError;
}

beforeEach(() => {
  clock = Date.UTC(2030, 5, 1);
});

describe('AuthService: sessions', () => {
  it('gives each unlock a new random session id', async () => {
    const { auth } = await setUp();
    const a = await auth.unlock(PIN);
    const b = await auth.unlock(PIN);
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(auth.isUnlocked(a) && auth.isUnlocked(b)).toBe(true);
    expect(auth.isUnlocked(undefined)).toBe(false);
    expect(auth.isUnlocked('made-up')).toBe(false);
  });

  it('ends a session after the staff idle time without use; each use restarts the timer', async () => {
    const { auth } = await setUp();
    expect(auth.staffIdleMs).toBe(5 * MINUTE);
    const session = await auth.unlock(PIN);
    clock += 4 * MINUTE;
    expect(auth.isUnlocked(session)).toBe(true);
    clock += 4 * MINUTE;
    expect(auth.isUnlocked(session)).toBe(true);
    // Asking for the status is not use: a polling screen must not keep staff signed in.
    clock += 4 * MINUTE;
    expect(auth.status(session, true).unlocked).toBe(true);
    clock += 1 * MINUTE;
    expect(auth.status(session, true).unlocked).toBe(false);
    expect(auth.isUnlocked(session)).toBe(false);

    auth.setStaffIdleMs(1000);
    const short = await auth.unlock(PIN);
    clock += 1000;
    expect(auth.isUnlocked(short)).toBe(false);
    expect(() => auth.setStaffIdleMs(0)).toThrow(RangeError);
  });

  it('ends a session on lock', async () => {
    const { auth } = await setUp();
    const session = await auth.unlock(PIN);
    const other = await auth.unlock(PIN);
    auth.lock(session);
    expect(auth.isUnlocked(session)).toBe(false);
    expect(auth.isUnlocked(other)).toBe(true);
    auth.lock(undefined);
  });

  it(`keeps at most ${MAX_SESSIONS} sessions, dropping the least recently used`, async () => {
    const { auth } = await setUp();
    const ids: string[] = [];
    for (let i = 0; i < MAX_SESSIONS; i++) ids.push(await auth.unlock(PIN));
    expect(auth.isUnlocked(ids[0])).toBe(true);
    await auth.unlock(PIN);
    expect(auth.isUnlocked(ids[0])).toBe(true);
    expect(auth.isUnlocked(ids[1])).toBe(false);
  });
});

describe('AuthService: changing and setting the PIN', () => {
  it('changes the PIN from a live session with the right current PIN, ending other sessions', async () => {
    const { auth } = await setUp();
    expect((await failure(auth.changePin(undefined, PIN, '2468'))).code).toBe('unauthorized');
    const mine = await auth.unlock(PIN);
    const other = await auth.unlock(PIN);
    const wrong = await failure(auth.changePin(mine, '0000', '2468'));
    expect(wrong.code).toBe('wrong-pin');
    expect(wrong.details).toEqual({ attemptsLeft: 4 });
    await auth.changePin(mine, PIN, '2468');
    expect(auth.isUnlocked(mine)).toBe(true);
    expect(auth.isUnlocked(other)).toBe(false);
    expect(auth.status(mine, true).attemptsLeft).toBe(5);
    expect((await failure(auth.unlock(PIN))).code).toBe('wrong-pin');
    await auth.unlock('2468');
  });

  it('counts wrong current PINs toward the lock-out', async () => {
    const { auth } = await setUp();
    const session = await auth.unlock(PIN);
    for (let i = 0; i < 4; i++) await failure(auth.changePin(session, '0000', '2468'));
    expect((await failure(auth.changePin(session, '0000', '2468'))).code).toBe('locked-out');
    expect((await failure(auth.unlock(PIN))).code).toBe('locked-out');
  });

  it('setPin replaces the PIN, clears the lock-out and ends every session', async () => {
    const { auth } = await setUp();
    const session = await auth.unlock(PIN);
    for (let i = 0; i < 5; i++) await failure(auth.unlock('0000'));
    await auth.setPin('8642');
    expect(auth.isUnlocked(session)).toBe(false);
    expect(auth.status(undefined, true)).toMatchObject({ lockedUntil: null, attemptsLeft: 5 });
    await auth.unlock('8642');
  });

  it('picks up a PIN set by another process (the CLI) while it runs', async () => {
    const { auth, dataDir } = await setUp();
    const session = await auth.unlock(PIN);
    const cli = await AuthService.open({ dataDir, hashParams: FAST });
    await cli.setPin('97531');
    expect(auth.isUnlocked(session)).toBe(false);
    expect((await failure(auth.unlock(PIN))).code).toBe('wrong-pin');
    await auth.unlock('97531');
  });
});

describe('AuthService: a damaged auth.json', () => {
  const damaged: [string, string, string][] = [
    ['not JSON', '{"pin": {"hash": "c2VjcmV0c2VjcmV0c2VjcmV0', '$'],
    ['empty', '', '$'],
    ['a wrong version', '{"schemaVersion": 9, "pin": null, "lockout": {}}', '$.schemaVersion'],
    [
      'a bad record',
      '{"schemaVersion": 1, "pin": {"algorithm": "scrypt"}, "lockout": {}}',
      '$.pin.N',
    ],
  ];

  for (const [what, text, jsonPath] of damaged) {
    it(`counts as a PIN that cannot be used: ${what}`, async () => {
      const { dataDir, file } = await setUp(undefined);
      await writeFile(file, text);
      const auth = await AuthService.open({ dataDir, now, hashParams: FAST });
      expect(auth.status(undefined, true)).toMatchObject({ pinSet: true, canCreatePin: false });
      const problems = auth.problems();
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.map((p) => p.source)).toEqual(problems.map(() => 'auth.json'));
      expect(problems.map((p) => p.path)).toContain(jsonPath);

      const error = await failure(auth.unlock(PIN));
      expect(error.code).toBe('failed');
      expect(error.message).toMatch(
        /^The PIN file is damaged; set a new PIN with `openness-kiosk pin set`/,
      );
      expect(error.message).not.toContain('c2VjcmV0');
      expect((await failure(auth.createPin(PIN, true))).code).toBe('forbidden');
      expect(await readFile(file, 'utf8')).toBe(text);

      await auth.setPin('5555');
      expect(auth.problems()).toEqual([]);
      await auth.unlock('5555');
    });
  }

  it('ends live sessions when the file is damaged while the host runs', async () => {
    const { auth, file } = await setUp();
    const session = await auth.unlock(PIN);
    await writeFile(file, '{');
    expect(auth.isUnlocked(session)).toBe(false);
    expect(auth.problems()).toEqual([
      { source: 'auth.json', path: '$', message: 'not valid JSON' },
    ]);
  });
});
