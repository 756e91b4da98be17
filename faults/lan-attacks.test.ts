/**
 * Attacks on remote admin over the LAN, against the real `openness-kiosk serve --host 0.0.0.0`
 * with a real data folder. Other loopback source addresses (127.0.0.2 and up) stand in for other
 * machines on the network; all traffic stays on loopback.
 *
 * DNS rebinding (a foreign Host name), CSRF by Referer, floods of event streams, PIN guessing
 * spread over many addresses, plain HTTP from another machine, and a stolen session cookie.
 */
import os from 'node:os';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../test-support/api-client.js';
import { killHost, PIN, startServe, type HostProcess } from './support/host-process.js';
import { removeSandbox } from './support/sandbox.js';
import {
  MAX_FAILURES,
  NETWORK_FAILURES_PER_HOUR,
  NETWORK_WINDOW_MS,
} from '../host/auth/lockout.js';
import { EVENT_STREAMS_PER_SOURCE, EVENT_STREAMS_TOTAL } from '#core/security-policy';
import {
  Client,
  errorOf,
  openStream,
  remoteOf,
  send,
  sessionCookie,
  startLanHost,
  type RawRequest,
  type Stream,
  type Trust,
} from './support/lan-client.js';

let sandbox = '';
let dataDir = '';
let host: HostProcess | undefined;
/** The kiosk's own screen: plain HTTP on loopback. */
let kioskUrl = '';
/** Where other machines reach the admin. */
let lanUrl = '';
/** The kiosk's own screen, signed in as staff (it created the PIN). */
let kiosk: ApiClient;

/** The host's certificate, pinned by other machines. */
let trust: Trust | undefined;

/** A request from another machine (a loopback address other than 127.0.0.1), over HTTPS. */
const fromLan = (n: number, extra: Omit<RawRequest, 'path'> = {}) => ({
  localAddress: `127.0.0.${n + 1}`,
  trust,
  ...extra,
});

beforeAll(async () => {
  ({ sandbox, dataDir, host, kioskUrl, lanUrl, trust, kiosk } =
    await startLanHost('kiosk-fault-lan-'));
});

afterAll(() => removeSandbox(host, sandbox));

describe('DNS rebinding in LAN mode', () => {
  it('refuses a foreign Host name on every API route, and answers the kiosk by its own names', async () => {
    const port = new URL(lanUrl).port;
    const attempts: RawRequest[] = [
      { method: 'GET', path: '/api/health' },
      { method: 'GET', path: '/api/content' },
      { method: 'GET', path: '/api/events' },
      { path: '/api/call/plays:record', body: JSON.stringify({ records: [] }) },
      { path: '/api/call/auth:unlock', body: JSON.stringify({ pin: PIN }) },
      { path: '/api/call/auth:status' },
    ];
    for (const foreign of ['evil.example', `evil.example:${port}`, `attacker.test:${port}`]) {
      for (const attempt of attempts) {
        const reply = await send(lanUrl, {
          ...fromLan(1),
          ...attempt,
          headers: { host: foreign, 'content-type': 'application/json' },
        });
        expect(reply.status, `${attempt.path} as ${foreign}: ${reply.text}`).toBe(403);
        expect(errorOf(reply)?.message).toMatch(/^This kiosk answers only to its own names/);
        expect(sessionCookie(reply)).toBeUndefined();
      }
    }
    const ownAddresses = Object.values(os.networkInterfaces())
      .flatMap((list) => list ?? [])
      .filter((entry) => entry.family === 'IPv4')
      .map((entry) => entry.address);
    for (const name of [os.hostname(), ...ownAddresses]) {
      const reply = await send(lanUrl, {
        ...fromLan(1),
        method: 'GET',
        path: '/api/health',
        headers: { host: `${name}:${port}` },
      });
      expect(reply.status, `${name}: ${reply.text}`).toBe(200);
    }
  });

  it('answers a name staff add under Settings, at once, and only that one', async () => {
    const named = { ...fromLan(2), method: 'GET' as const, path: '/api/health' };
    const asName = (name: string) => send(lanUrl, { ...named, headers: { host: name } });
    expect((await asName('kiosk-3.embassy.example')).status).toBe(403);
    const { revision, settings } = await kiosk.value('admin:get');
    const saved = await kiosk.call('settings:save', {
      baseRevision: revision,
      settings: { ...settings, allowedHostNames: ['kiosk-3.embassy.example'] },
      // A LAN admin setting: the PIN again (faults/reconfirm.test.ts).
      pin: PIN,
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await asName('kiosk-3.embassy.example')).status).toBe(200);
    expect((await asName('KIOSK-3.embassy.example')).status).toBe(200);
    expect((await asName('kiosk-3.embassy.example.evil.example')).status).toBe(403);
    expect((await asName('evil-kiosk-3.embassy.example')).status).toBe(403);
  });
});

describe('CSRF by Referer', () => {
  it('refuses a state-changing call whose Referer is another site and that has no Origin', async () => {
    const staff = new Client(lanUrl, fromLan(3).localAddress, trust);
    const unlocked = await staff.call('auth:unlock', { pin: PIN });
    expect(unlocked.status, unlocked.text).toBe(200);
    const alert = { text: { en: 'Evacuate now' } };
    for (const referer of [
      'https://evil.example/csrf.html',
      `http://127.0.0.1:1/`,
      'http://evil.example/?to=http://127.0.0.1/',
    ]) {
      const reply = await staff.call('alert:set', alert, { referer });
      expect(reply.status, `${referer}: ${reply.text}`).toBe(403);
      expect(errorOf(reply)?.message).toBe('Requests from other sites are refused.');
    }
    const still = await new Client(lanUrl, fromLan(3).localAddress, trust).call('alert:get');
    expect(still.json).toMatchObject({ alert: null });
    // The admin's own page (same origin) may; so may a client that sends neither header.
    const own = await staff.call('alert:set', alert, { referer: `${lanUrl}/#/admin` });
    expect(own.status, own.text).toBe(200);
    const cleared = await staff.call('alert:clear');
    expect(cleared.json).toMatchObject({ alert: null });
  });
});

describe('event streams', () => {
  it('caps 600 streams from 12 addresses per address and in total; the host stays healthy', async () => {
    // From one address: the first ones open, then 429.
    const one = await Promise.all(
      Array.from({ length: EVENT_STREAMS_PER_SOURCE + 4 }, () => openStream(lanUrl, fromLan(20))),
    );
    expect(one.filter((stream) => stream.status === 200)).toHaveLength(EVENT_STREAMS_PER_SOURCE);
    const over = one.filter((stream) => stream.status === 429);
    expect(over).toHaveLength(4);
    expect(errorOf(over[0]!)?.message).toMatch(
      /^Too many event streams from this address \(at most \d+\)/,
    );
    // 600 from twelve more: never more than the total open at once, the rest 503 (or 429).
    const flood = await Promise.all(
      Array.from({ length: 600 }, (_, i) => openStream(lanUrl, fromLan(21 + (i % 12)))),
    );
    const streams = [...one, ...flood];
    const open = streams.filter((stream) => stream.status === 200);
    const busy = flood.filter((stream) => stream.status === 503);
    expect(open).toHaveLength(EVENT_STREAMS_TOTAL);
    expect(busy.length + flood.filter((stream) => stream.status === 429).length).toBe(
      600 - (EVENT_STREAMS_TOTAL - EVENT_STREAMS_PER_SOURCE),
    );
    expect(errorOf(busy[0]!)).toMatchObject({
      code: 'busy',
      message: expect.stringMatching(/^The kiosk has too many event streams open/),
    });

    // The kiosk's own screen still gets its stream, and the host answers everyone.
    const kiosk = await openStream(kioskUrl);
    expect(kiosk.status).toBe(200);
    const health = await send(lanUrl, { ...fromLan(40), method: 'GET', path: '/api/health' });
    expect(health.status).toBe(200);
    expect(host!.alive()).toBe(true);

    // Closed streams free their places.
    for (const stream of [...streams, kiosk]) stream.close();
    let again: Stream | undefined;
    await expect
      .poll(
        async () => {
          again?.close();
          again = await openStream(lanUrl, fromLan(20));
          return again.status;
        },
        { timeout: 10_000 },
      )
      .toBe(200);
    again?.close();
  });
});

describe('PIN lock-out per source', () => {
  let own: HostProcess | undefined;
  let ownDir = '';
  let remote: { url: string; trust: Trust };
  const urls = () => ({ kiosk: own!.url, lan: remote.url });

  beforeAll(async () => {
    ownDir = path.join(sandbox, 'lock-out');
    await mkdir(ownDir);
    own = await startServe(ownDir, 30_000, '0.0.0.0');
    remote = await remoteOf(own, ownDir);
    expect((await new Client(urls().kiosk).call('auth:create-pin', { pin: PIN })).status).toBe(200);
  });

  afterAll(async () => {
    if (own) await killHost(own);
  });

  const unlockFrom = (address: string | undefined, pin: string) =>
    (address ? new Client(urls().lan, address, remote.trust) : new Client(urls().kiosk)).call(
      'auth:unlock',
      { pin },
    );

  it("locks out the guessing address, never the kiosk's own screen; the network's budget caps the rest", async () => {
    // One machine guesses: it is locked out, the kiosk's screen and other machines are not.
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect((await unlockFrom('127.0.3.1', '0000')).status).toBe(401);
    }
    const locked = await unlockFrom('127.0.3.1', '0000');
    expect(locked.status, locked.text).toBe(429);
    expect(errorOf(locked)?.message).toMatch(/^Too many wrong PINs\. Try again in \d+ seconds\.$/);
    expect((await unlockFrom('127.0.3.1', PIN)).status).toBe(429);
    expect((await unlockFrom(undefined, PIN)).status).toBe(200);
    expect((await unlockFrom('127.0.3.2', PIN)).status).toBe(200);

    // Many machines guess once each: the network's budget runs out for everyone but the kiosk.
    const budgetLeft = NETWORK_FAILURES_PER_HOUR - MAX_FAILURES;
    const replies = [];
    for (let i = 0; i < budgetLeft + 10; i++) {
      replies.push(await unlockFrom(`127.0.4.${i + 1}`, '9999'));
    }
    // The try that spends the budget is checked, and answered with the wait.
    expect(replies.slice(0, budgetLeft - 1).map((reply) => reply.status)).toEqual(
      Array(budgetLeft - 1).fill(401),
    );
    for (const reply of replies.slice(budgetLeft - 1)) {
      expect(reply.status, reply.text).toBe(429);
      const wait = Number(reply.headers['retry-after']);
      expect(wait).toBeGreaterThan(NETWORK_WINDOW_MS / 1000 - 120);
    }
    expect((await unlockFrom('127.0.5.1', PIN)).status).toBe(429);
    const kiosk = await unlockFrom(undefined, PIN);
    expect(kiosk.status, kiosk.text).toBe(200);

    // Killed and started again: the network's budget is still spent, the kiosk still unlocks.
    await killHost(own!);
    own = await startServe(ownDir, 30_000, '0.0.0.0');
    remote = await remoteOf(own, ownDir);
    expect((await unlockFrom('127.0.5.2', PIN)).status).toBe(429);
    expect((await unlockFrom(undefined, PIN)).status).toBe(200);
    expect((await unlockFrom(undefined, '0000')).status).toBe(401);
  });
});

describe('HTTPS for remote admin', () => {
  it('serves other machines over TLS only, with its own certificate and Secure cookies', async () => {
    // The key is the owner's only; the fingerprint the host prints is the one health shows.
    expect((await stat(path.join(dataDir, 'tls', 'key.pem'))).mode & 0o777).toBe(0o600);
    const health = await send(lanUrl, { ...fromLan(50), method: 'GET', path: '/api/health' });
    expect(health.status, health.text).toBe(200);
    expect((health.json as { remoteAdmin: { certificateSha256: string } }).remoteAdmin).toEqual({
      url: expect.stringMatching(/^https:\/\/.+:\d+$/),
      certificateSha256: trust!.fingerprint256,
    });
    // A session started over HTTPS gets a Secure cookie.
    const unlocked = await new Client(lanUrl, fromLan(50).localAddress, trust).call('auth:unlock', {
      pin: PIN,
    });
    expect(unlocked.status, unlocked.text).toBe(200);
    const line = [unlocked.headers['set-cookie'] ?? []].flat()[0]!;
    expect(line).toMatch(/; Secure/);
    expect(line).toMatch(/; HttpOnly/);
    // A client that expects another certificate does not get through.
    await expect(
      send(lanUrl, {
        ...fromLan(50),
        method: 'GET',
        path: '/api/health',
        trust: { ...trust!, fingerprint256: trust!.fingerprint256.replace(/^../, '00') },
      }),
    ).rejects.toThrow(/unexpected certificate/);

    // Plain HTTP from another machine: refused, for the player and the API alike, no cookie.
    for (const attempt of [
      { method: 'GET' as const, path: '/' },
      { method: 'GET' as const, path: '/api/health' },
      { path: '/api/call/auth:unlock', body: JSON.stringify({ pin: PIN }) },
    ]) {
      const reply = await send(kioskUrl, {
        localAddress: '127.0.0.51',
        ...attempt,
        headers: { 'content-type': 'application/json' },
      });
      expect(reply.status, `${attempt.path}: ${reply.text}`).toBe(403);
      expect(errorOf(reply)?.message).toMatch(/^Other computers reach this kiosk over HTTPS only/);
      expect(sessionCookie(reply)).toBeUndefined();
    }
    // The kiosk's own screen keeps plain loopback HTTP.
    expect((await send(kioskUrl, { method: 'GET', path: '/api/health' })).status).toBe(200);
  });
});
