/**
 * The staff PIN against brute force over HTTP, against the real host (the built `openness-kiosk
 * serve`, a real port, a real data folder in a temporary sandbox).
 *
 * Wrong PINs one by one and all at once, from one address with forged forwarding headers and odd
 * spellings of the route, and from many loopback addresses (which do dodge the per-address rate
 * limit): the lock-out holds for the source that earned it (other addresses keep their own count),
 * even the right PIN is refused, every refusal says locked and for how long, and the lock-out
 * survives a SIGKILL and a restart on the same data folder. Then every call that returns data,
 * signed in and out, the error replies, the event stream's first message, a published bundle and
 * the host's log are scanned: the PIN's hash and salt never leave the host.
 *
 * The tests are the steps of one story and run in order: each starts where the one before ended.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, type AdminState, type FleetStatus } from '#core/contract';
import { ApiClient } from '../test-support/api-client.js';
import { killHost, PIN, startServe, type HostProcess } from './support/host-process.js';
import { removeSandbox, sandboxWithData } from './support/sandbox.js';
import {
  count,
  firstEvent,
  forged,
  lockKind,
  PIN_CALLS_PER_MINUTE,
  WRONG,
  type StoredAuth,
} from './support/pin-attacks.js';
import {
  Client,
  errorOf,
  expectRefused,
  refusalWith,
  sessionSetBy,
  transcript,
  transportOf,
} from './support/raw-http.js';
import { filesUnder } from './support/snapshot.js';

describe('the staff PIN against brute force over HTTP', () => {
  let sandbox = '';
  let dataDir = '';
  let authFile = '';
  let host: HostProcess | undefined;
  /** Signed in with the right PIN once the lock-outs are over. */
  let staff: Client | undefined;
  // What the steps of the story hand on to the next ones.
  let session = '';
  let pinRecord: StoredAuth['pin'] = null;
  /** PIN calls from 127.0.0.1 this minute (the rate limit's count). */
  let pinCalls = 0;
  let attacker: Client;
  let lockedUntil = 0;
  /** The kiosk's client after the restart. */
  let after: Client;

  const readAuth = async () => JSON.parse(await readFile(authFile, 'utf8')) as StoredAuth;
  /** Replace auth.json as the host does (a new file renamed over it), owner-only. */
  const writeAuth = async (text: string) => {
    const temp = `${authFile}.test-${process.pid}`;
    await writeFile(temp, text, { mode: 0o600 });
    await rename(temp, authFile);
  };
  /**
   * Stand in for the lock-out's wait running out (30 s, then 60 s): move its end into the past,
   * keeping the count of lock-outs, as the host would find it once the time has passed.
   */
  const endLockOut = async () => {
    const stored = await readAuth();
    expect(stored.lockout.lockedUntil).not.toBeNull();
    stored.lockout.lockedUntil = Date.now() - 1000;
    await writeAuth(`${JSON.stringify(stored, null, 2)}\n`);
  };

  beforeAll(async () => {
    ({ sandbox, dataDir } = await sandboxWithData('kiosk-fault-pin-'));
    authFile = path.join(dataDir, 'auth.json');
    host = await startServe(dataDir);
    transcript.length = 0;
  });

  afterAll(() => removeSandbox(host, sandbox));

  it('sets the PIN at the kiosk itself, once, in a file for the owner only', async () => {
    const kiosk = new Client(host!.url);
    const created = await kiosk.call('auth:create-pin', { pin: PIN });
    expect(created.status, created.text).toBe(200);
    session = kiosk.cookie!;
    expect(session).toBeDefined();
    pinRecord = (await readAuth()).pin!;
    expect(pinRecord).toMatchObject({ algorithm: 'scrypt' });
    expect((await stat(authFile)).mode & 0o777).toBe(0o600);
    expectRefused(
      await kiosk.call('auth:create-pin', { pin: '2468' }),
      403,
      /^A staff PIN is already set\.$/,
      'creating a second PIN',
    );
    pinCalls = 2; // from 127.0.0.1, this minute
  });

  it('counts four wrong PINs down one by one, and locks out for 30 s at the fifth', async () => {
    attacker = new Client(host!.url);
    for (let i = 0; i < 4; i++) {
      const reply = await attacker.call('auth:unlock', { pin: WRONG[i] });
      pinCalls++;
      expect(reply.status, reply.text).toBe(401);
      expect(errorOf(reply)).toMatchObject({
        code: 'wrong-pin',
        message: 'That PIN is not right.',
        details: { attemptsLeft: 4 - i },
      });
      expect(sessionSetBy(reply)).toBeUndefined();
    }
    const fifth = await attacker.call('auth:unlock', { pin: WRONG[4] });
    pinCalls++;
    expect(lockKind(fifth, 'the fifth wrong PIN', 30)).toBe('lock-out');
    lockedUntil = refusalWith(fifth, 'locked-out').details!.lockedUntil!;
    expect(lockedUntil - Date.now()).toBeGreaterThan(25_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(30_000);
    expect((await readAuth()).lockout).toEqual({ failures: 0, lockouts: 1, lockedUntil });
  });

  it('refuses even the right PIN during the lock-out, and every further try one by one', async () => {
    for (const [i, pin] of [PIN, WRONG[5]!, PIN, WRONG[6]!].entries()) {
      const reply = await attacker.call('auth:unlock', { pin });
      pinCalls++;
      expect(lockKind(reply, `try ${i + 1} during the lock-out`, 30)).toBe('lock-out');
      expect(refusalWith(reply, 'locked-out').details?.lockedUntil).toBe(lockedUntil);
    }
    expect((await attacker.call('auth:status')).json).toEqual({
      pinSet: true,
      unlocked: false,
      lockedUntil,
      attemptsLeft: 0,
      canCreatePin: false,
    });
  });

  it('refuses a PIN change from a live session during the lock-out (the current PIN is a try)', async () => {
    const thief = new Client(host!.url);
    thief.cookie = session;
    const change = await thief.call('auth:change-pin', { currentPin: PIN, newPin: '24680' });
    pinCalls++;
    expect(lockKind(change, 'changing the PIN during the lock-out', 30)).toBe('lock-out');
  });

  it("counts a burst at once by the connection's address, not by forged forwarding headers", async () => {
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attacker.call(
          'auth:unlock',
          { pin: i % 4 === 0 ? PIN : WRONG[i % WRONG.length] },
          forged(i),
        ),
      ),
    );
    const kinds = burst.map((reply, i) => lockKind(reply, `burst try ${i}`, 60));
    const passed = PIN_CALLS_PER_MINUTE - pinCalls;
    expect(count(kinds, 'lock-out'), 'tries that reached the PIN check').toBe(passed);
    expect(count(kinds, 'rate limit'), 'tries the rate limit stopped').toBe(40 - passed);
    for (const reply of burst.filter((r) => lockKind(r, 'burst', 60) === 'lock-out')) {
      expect(refusalWith(reply, 'locked-out').details?.lockedUntil).toBe(lockedUntil);
    }
  });

  it('refuses other spellings of the route, by the rate limit or as no route, never with a session', async () => {
    for (const route of [
      '/api/call/auth%3Aunlock',
      '/api/call/auth%3aunlock',
      '/api/call/auth:unlock?pin=135790',
      '/api/call/auth:unlock#x',
      '//api/call/auth:unlock',
      '/api//call/auth:unlock',
      '/api/call/auth:unlock/',
      '/%61pi/call/auth:unlock',
      '/api/call/./auth:unlock',
      '/api/call/x/../auth:unlock',
      '/API/call/auth:unlock',
    ]) {
      const reply = await attacker.request(`unlock at ${route}`, {
        path: route,
        headers: { 'content-type': 'application/json', ...forged(7) },
        body: JSON.stringify({ pin: PIN }),
      });
      expect(reply.status, `${route}: ${reply.text}`).toBeGreaterThanOrEqual(400);
      expect(reply.status, `${route}: ${reply.text}`).toBeLessThan(500);
      expect(sessionSetBy(reply), route).toBeUndefined();
      if (reply.status === 429) expect(lockKind(reply, route, 60), route).toBe('rate limit');
    }
  });

  it('keeps a count per address: the lock-out neither spreads to other addresses nor is lifted by them', async () => {
    // Loopback addresses stand in for other machines (faults/lan-attacks.test.ts tests the
    // network's budget).
    const spread = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        new Client(host!.url, `127.0.0.${i + 2}`).call('auth:unlock', { pin: WRONG[7] }),
      ),
    );
    for (const reply of spread) {
      expect(reply.status, reply.text).toBe(401);
      expect(refusalWith(reply, 'wrong-pin').details?.attemptsLeft).toBe(4);
    }
    expect((await attacker.call('auth:status')).json).toMatchObject({ lockedUntil });
    const during = await readAuth();
    expect(during.pin).toEqual(pinRecord);
    expect(during.lockout).toEqual({ failures: 0, lockouts: 1, lockedUntil });
  });

  it('holds the lock-out through a SIGKILL and a restart on the same data folder; the old session is gone', async () => {
    await killHost(host!);
    host = await startServe(dataDir);
    after = new Client(host.url);
    expect((await after.call('auth:status')).json).toEqual({
      pinSet: true,
      unlocked: false,
      lockedUntil,
      attemptsLeft: 0,
      canCreatePin: false,
    });
    const restarted = await after.call('auth:unlock', { pin: PIN });
    expect(lockKind(restarted, 'the right PIN after a restart', 30)).toBe('lock-out');
    expect(refusalWith(restarted, 'locked-out').details?.lockedUntil).toBe(lockedUntil);
    const stale = new Client(host.url);
    stale.cookie = session;
    expectRefused(
      await stale.call('admin:get'),
      401,
      /^Staff access is locked\./,
      'the session from before the restart',
    );
  });

  it("leaves the kiosk's count alone for wrong PINs from twelve other addresses once the lock-out is over", async () => {
    await endLockOut();
    const elsewhere = await Promise.all(
      WRONG.map((pin, i) => new Client(host!.url, `127.0.1.${i + 1}`).call('auth:unlock', { pin })),
    );
    for (const reply of elsewhere)
      expect(refusalWith(reply, 'wrong-pin').details?.attemptsLeft).toBe(4);
    expect((await after.call('auth:status')).json).toMatchObject({
      lockedUntil: null,
      attemptsLeft: 5,
    });
  });

  it('checks wrong PINs sent at once one at a time: four are wrong, the fifth locks out twice as long', async () => {
    const wave = await Promise.all(WRONG.map((pin) => after.call('auth:unlock', { pin })));
    const wrong = wave.filter((reply) => reply.status === 401);
    expect(
      wrong.map((reply) => refusalWith(reply, 'wrong-pin').details?.attemptsLeft).sort(),
    ).toEqual([1, 2, 3, 4]);
    for (const reply of wrong) expect(errorOf(reply)?.code).toBe('wrong-pin');
    const lockedAgain = wave.filter((reply) => reply.status !== 401);
    expect(lockedAgain).toHaveLength(WRONG.length - 4);
    for (const reply of lockedAgain) {
      expect(lockKind(reply, 'a concurrent wrong PIN', 60)).toBe('lock-out');
    }
    const second = (await readAuth()).lockout;
    expect(second).toMatchObject({ failures: 0, lockouts: 2 });
    expect(second.lockedUntil! - Date.now()).toBeGreaterThan(55_000);
    const stillLocked = await after.call('auth:unlock', { pin: PIN });
    expect(lockKind(stillLocked, 'the right PIN in the second lock-out', 60)).toBe('lock-out');
    expect(refusalWith(stillLocked, 'locked-out').details?.lockedUntil).toBe(second.lockedUntil);
  });

  it('unlocks with the PIN refused all along once the lock-outs are over, and counts again from zero', async () => {
    await endLockOut();
    const kioskAgain = await after.call('auth:unlock', { pin: PIN });
    expect(kioskAgain.status, kioskAgain.text).toBe(200);
    expect((await readAuth()).lockout).toEqual({ failures: 0, lockouts: 0, lockedUntil: null });
    staff = new Client(host!.url, '127.0.0.11');
    const unlocked = await staff.call('auth:unlock', { pin: PIN });
    expect(unlocked.status, unlocked.text).toBe(200);
    expect(unlocked.json).toMatchObject({ unlocked: true });
    expect(staff.cookie).toBeDefined();
    expect((await staff.call('admin:get')).status).toBe(200);
    expect(host!.alive(), host!.output()).toBe(true);
  });

  describe('what leaves the host', () => {
    let authText = '';
    let salt = '';
    let hash = '';
    let anon: Client;
    let signedIn: Client;
    let admin: AdminState;
    /** The signed-in client as the one KioskApi client (its replies still join the transcript). */
    const signedInApi = () => new ApiClient(transportOf(signedIn));
    const published = () => path.join(dataDir, 'published');
    const bundle = () => path.join(published(), 'bundle');
    const formats = [/scrypt/i, /"salt"\s*:/i, /"hash"\s*:/i, /"algorithm"\s*:/i];
    /** Each secret or PIN-file format found in `text`, as `where: what`. */
    const leaksIn = (where: string, text: string): string[] => {
      const secrets: [string, string][] = [
        ['the salt', salt],
        ['the hash', hash],
        ['the salt in hex', Buffer.from(salt, 'base64').toString('hex')],
        ['the hash in hex', Buffer.from(hash, 'base64').toString('hex')],
        ['the salt in base64url', Buffer.from(salt, 'base64').toString('base64url')],
        ['the hash in base64url', Buffer.from(hash, 'base64').toString('base64url')],
      ];
      const leaks: string[] = [];
      for (const [what, secret] of secrets)
        if (text.includes(secret)) leaks.push(`${where}: ${what}`);
      for (const format of formats) if (format.test(text)) leaks.push(`${where}: ${format}`);
      return leaks;
    };

    beforeAll(async () => {
      expect(staff, 'signed in by the test before').toBeDefined();
      authText = await readFile(authFile, 'utf8');
      const stored = JSON.parse(authText) as StoredAuth;
      ({ salt, hash } = stored.pin!);
      anon = new Client(host!.url, '127.0.0.30');
      signedIn = new Client(host!.url, '127.0.0.31');
      signedIn.cookie = staff!.cookie;
      admin = await signedInApi().value('admin:get');
      expect(admin.revision).toBeTruthy();
    });

    it('pushes a staff save to the event stream as its first message', async () => {
      const url = host!.url;
      const event = await firstEvent(url, async () => {
        const { idleTimeoutSec } = admin.settings;
        const saved = await signedIn.call('settings:save', {
          baseRevision: admin.revision,
          settings: { ...admin.settings, idleTimeoutSec: idleTimeoutSec === 90 ? 91 : 90 },
        });
        expect(saved.status, saved.text).toBe(200);
      });
      expect(event.text).toMatch(/^: connected\n\nevent: content:changed\ndata: \{/);
      transcript.push({ label: 'GET /api/events', reply: event });
      admin = await signedInApi().value('admin:get');
    });

    it('answers every route and call, signed in and out, with data or an error', async () => {
      const today = new Date().toISOString().slice(0, 10);
      for (const client of [anon, signedIn]) {
        for (const route of [
          '/',
          '/index.html',
          '/#/admin',
          '/api/health',
          '/api/content',
          '/api/nope',
          '/auth.json',
          '/media/auth.json',
          '/media/..%2fauth.json',
          '/media/../auth.json',
          '/media/%2e%2e/auth.json',
          '/builtin/../../auth.json',
          '/builtin/art/..%2f..%2f..%2fauth.json',
          `/media/${'0'.repeat(64)}.png`,
        ]) {
          await client.get(route);
        }
        // Every call in the contract with no input (most refuse that), and names that are not calls.
        for (const name of [
          ...callNames.filter((name) => name !== 'auth:lock'),
          'auth:hash',
          'auth:get',
          '__proto__',
          'constructor',
        ]) {
          await client.call(name);
        }
        await client.call('analytics:get', { from: today, to: today });
        await client.call('analytics:export', { from: today, to: today });
        await client.call('auth:unlock', { pin: 'not a pin' });
        await client.call('auth:create-pin', { pin: PIN });
        await client.call('auth:change-pin', { currentPin: 'x', newPin: 'y' });
        await client.request('auth:unlock, broken JSON', {
          path: '/api/call/auth:unlock',
          headers: { 'content-type': 'application/json' },
          body: '{"pin": ',
        });
        await client.call('media:upload-begin', { name: 'auth.json', size: 0 });
        // The PIN file offered as a key, in a save that fails.
        await client.call('settings:save', {
          baseRevision: admin.revision,
          settings: { ...admin.settings, syncPublicKey: authText },
        });
        await client.call('content:save', { baseRevision: admin.revision, content: { nope: 1 } });
      }
      const wrong = await anon.call('auth:unlock', { pin: WRONG[0] });
      expect(wrong.status).toBe(401);
      expect((await signedIn.call('admin:get')).status).toBe(200);
      expect((await anon.call('admin:get')).status).toBe(401);
    });

    it('publishes a bundle, and refuses the PIN file as a signing key without quoting it', async () => {
      const waitForPublish = async () => {
        let status: FleetStatus | undefined;
        await expect
          .poll(
            async () => {
              status = await signedInApi().value('fleet:status');
              return status.publish.state;
            },
            { timeout: 10_000 },
          )
          .not.toBe('running');
        return status!.publish;
      };
      const publish = (input: object) => signedIn.call('fleet:publish', { pin: PIN, ...input });
      expect((await publish({ outDir: 'bundle' })).status).toBe(200);
      expect(await waitForPublish()).toMatchObject({ state: 'done' });
      // The PIN file itself is outside the keys folder: refused before it is read.
      expect((await publish({ outDir: 'bundle-signed', keyFile: authFile })).status).toBe(403);
      // A copy of it in the keys folder is read, and refused as a key without being quoted.
      const keyCopy = path.join(dataDir, 'keys', 'pin-file.key');
      await mkdir(path.dirname(keyCopy), { recursive: true });
      await writeFile(keyCopy, authText);
      expect((await publish({ outDir: 'bundle-signed', keyFile: 'pin-file.key' })).status).toBe(
        200,
      );
      const keyed = await waitForPublish();
      expect(keyed.state).toBe('failed');
      expect(keyed.error).toBe(`${keyCopy} is not a private key in PEM form.`);
    });

    it('locks, signed in and out', async () => {
      expect((await signedIn.call('auth:lock')).status).toBe(200);
      expect((await anon.call('auth:lock')).status).toBe(200);
      expect((await signedIn.call('admin:get')).status).toBe(401);
    });

    it('says the PIN file is damaged, whatever the damage, without quoting it', async () => {
      const damaged: [string, string][] = [
        ['cut short in the hash', authText.slice(0, authText.indexOf(hash) + (hash.length >> 1))],
        [
          'a hash that is not base64',
          authText.replace(hash, `${hash.slice(0, 8)}!${hash.slice(8)}`),
        ],
        [
          'a salt that is not base64',
          authText.replace(salt, `${salt.slice(0, 8)} ${salt.slice(8)}`),
        ],
        ['a cost that is not a power of two', authText.replace(/"N": \d+/, '"N": 1000')],
        ['another algorithm', authText.replace('"scrypt"', '"bcrypt"')],
        ['the hash as a number', authText.replace(`"${hash}"`, '42')],
        ['not JSON at all', `salt=${salt}\nhash=${hash}\n`],
      ];
      for (const [what, text] of damaged) {
        await writeAuth(text);
        const health = await anon.get('/api/health');
        const problems = (health.json as { problems: { source: string }[] }).problems;
        expect(
          problems.some((problem) => problem.source === 'auth.json'),
          `${what}: health names the damaged file`,
        ).toBe(true);
        await anon.call('auth:status');
        await anon.call('health:get');
        const tried = await anon.call('auth:unlock', { pin: PIN });
        expect(tried.status, `${what}: ${tried.text}`).toBe(500);
        expect(errorOf(tried)?.message).toMatch(/^The PIN file is damaged/);
        await signedIn.call('admin:get');
      }
      await writeAuth(authText);
    });

    it('finds what it looks for: the PIN file itself trips every check of the scan', () => {
      expect(leaksIn('auth.json', authText)).toEqual(
        expect.arrayContaining([
          'auth.json: the salt',
          'auth.json: the hash',
          ...formats.map((format) => `auth.json: ${format}`),
        ]),
      );
    });

    it('never sends the PIN hash or salt: every reply since the first wrong PIN, bundles, log', async () => {
      // Every reply of this host, from the first wrong PIN on, headers and bodies.
      expect(transcript.length).toBeGreaterThan(200);
      const statuses = new Set(transcript.map(({ reply }) => reply.status));
      expect([...statuses].sort()).toEqual(
        expect.arrayContaining([200, 400, 401, 403, 404, 429, 500]),
      );
      const leaks: string[] = [];
      for (const { label, reply } of transcript) {
        const text = `${JSON.stringify(reply.headers)}\n${reply.text}`;
        leaks.push(...leaksIn(`${label} (${reply.status})`, text));
      }
      // The bundle, the publish folder that failed, and the host's own log.
      for (const file of [
        ...(await filesUnder(bundle())),
        ...(await filesUnder(path.join(published(), 'bundle-signed'))),
        ...(await filesUnder(path.join(dataDir, 'logs'))),
      ]) {
        leaks.push(...leaksIn(path.relative(sandbox, file), await readFile(file, 'latin1')));
      }
      expect(leaks).toEqual([]);
      console.log(
        `pin-brute-force: ${transcript.length} replies scanned for the PIN hash and salt`,
      );
    });
  });
});
