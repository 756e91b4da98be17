import os from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clearSessionCookie,
  isLocalRequest,
  isLoopbackAddress,
  isLoopbackHost,
  readSessionId,
  registerSecurityHooks,
  setSessionCookie,
  type SecurityOptions,
} from './security-hooks.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** A tiny app with the hooks and a stand-in for the API route. */
async function makeApp(options: SecurityOptions = { lan: false }) {
  const app = Fastify();
  apps.push(app);
  await registerSecurityHooks(app, options);
  app.post<{ Params: { name: string } }>('/api/call/:name', async (request, reply) => {
    if (request.params.name === 'start') setSessionCookie(reply, 'a'.repeat(43));
    if (request.params.name === 'end') clearSessionCookie(reply);
    return {
      name: request.params.name,
      local: isLocalRequest(request),
      sessionId: readSessionId(request) ?? null,
    };
  });
  app.get('/api/health', async () => ({ ok: true }));
  app.get('/', async () => 'player');
  return app;
}

const HOST = '127.0.0.1:7777';
const call = (name: string, headers: Record<string, string> = {}, remoteAddress?: string) => ({
  method: 'POST' as const,
  url: `/api/call/${name}`,
  headers: { host: HOST, 'content-type': 'application/json', ...headers },
  payload: '{}',
  remoteAddress,
});

describe('security hooks: cross-site requests', () => {
  it('refuses writes another site sends, by Sec-Fetch-Site or by Origin', async () => {
    const app = await makeApp();
    for (const headers of [
      { 'sec-fetch-site': 'cross-site' } as Record<string, string>,
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'http://127.0.0.1:8080' },
      { origin: 'null' },
      { origin: 'http://127.0.0.1:7777', 'sec-fetch-site': 'cross-site' },
      { referer: 'https://evil.example/page.html' },
      { referer: 'http://127.0.0.1:8080/' },
      { referer: 'not a url' },
      { referer: 'file:///tmp/x.html' },
      { origin: 'https://evil.example', referer: 'http://127.0.0.1:7777/' },
    ]) {
      const response = await app.inject(call('content:save', headers));
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json()).toEqual({
        error: {
          code: 'forbidden',
          message: 'Requests from other sites are refused.',
          problems: [],
        },
      });
    }
  });

  it('allows same-origin writes, writes without browser headers, and reads from anywhere', async () => {
    const app = await makeApp();
    for (const headers of [
      {} as Record<string, string>,
      { 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:7777' },
      { 'sec-fetch-site': 'none' },
      { origin: 'http://127.0.0.1:7777' },
      { referer: 'http://127.0.0.1:7777/#/admin' },
      { origin: 'http://127.0.0.1:7777', referer: 'http://127.0.0.1:7777/' },
    ]) {
      const response = await app.inject(call('content:get', headers));
      expect(response.statusCode, JSON.stringify(headers)).toBe(200);
    }
    const read = await app.inject({
      url: '/api/health',
      headers: { host: HOST, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(read.statusCode).toBe(200);
    const head = await app.inject({
      method: 'HEAD',
      url: '/api/health',
      headers: { host: HOST, 'sec-fetch-site': 'cross-site' },
    });
    expect(head.statusCode).toBe(200);
  });

  it('compares default ports as equal', async () => {
    const app = await makeApp({ lan: true, extraHostNames: () => ['kiosk.lan'] });
    const response = await app.inject(
      call('x', { host: 'kiosk.lan:80', origin: 'http://kiosk.lan' }),
    );
    expect(response.statusCode).toBe(200);
  });

  it('catches paths spelled differently that still reach the API', async () => {
    const app = await makeApp();
    for (const url of [
      '/%61pi/call/x',
      '/api/call/auth%3Aunlock',
      '/api/call/x?a=1',
      '//api/call/x',
    ]) {
      const response = await app.inject({ ...call('x', { origin: 'https://evil.example' }), url });
      expect(response.statusCode, url).toBe(403);
    }
  });
});

describe('security hooks: the host name', () => {
  it('answers the API only to loopback names when LAN admin is off (no DNS rebinding)', async () => {
    const app = await makeApp({ lan: false });
    const rebound = await app.inject(call('x', { host: 'evil.example:7777' }));
    expect(rebound.statusCode).toBe(403);
    expect(rebound.json().error.code).toBe('forbidden');
    for (const host of ['localhost:7777', '127.0.0.1', '[::1]:7777', '127.8.9.1:1']) {
      expect((await app.inject(call('x', { host }))).statusCode, host).toBe(200);
    }
    const page = await app.inject({ url: '/', headers: { host: 'evil.example' } });
    expect(page.statusCode).toBe(200);
  });

  it('answers in LAN mode only to its own names and addresses and the names staff add', async () => {
    const app = await makeApp({ lan: true, extraHostNames: () => ['kiosk-3.embassy.example'] });
    const own = [
      os.hostname(),
      ...Object.values(os.networkInterfaces()).flatMap((list) =>
        (list ?? []).map((entry) => entry.address),
      ),
    ];
    for (const name of own) {
      const host = name.includes(':') ? `[${name}]:7777` : `${name}:7777`;
      expect((await app.inject(call('x', { host }))).statusCode, host).toBe(200);
    }
    for (const host of ['kiosk-3.embassy.example', 'KIOSK-3.Embassy.Example:8443', 'localhost']) {
      expect((await app.inject(call('x', { host }))).statusCode, host).toBe(200);
    }
    for (const host of [
      'evil.example',
      '192.0.2.77:7777',
      'kiosk-3.embassy.example.evil',
      'a@127.0.0.1',
    ]) {
      const response = await app.inject(call('x', { host }));
      expect(response.statusCode, host).toBe(403);
      expect(response.json().error.message).toMatch(/^This kiosk answers only to its own names/);
    }
  });
});

describe('security hooks: rate limits', () => {
  it('holds PIN calls to 20 a minute per address, with the error body and Retry-After', async () => {
    const app = await makeApp();
    for (const [index, name] of ['auth:unlock', 'auth:create-pin', 'auth:change-pin'].entries()) {
      const remoteAddress = `127.0.0.${index + 10}`;
      for (let i = 0; i < 20; i++) {
        expect((await app.inject(call(name, {}, remoteAddress))).statusCode).toBe(200);
      }
      const response = await app.inject(call(name, {}, remoteAddress));
      expect(response.statusCode, name).toBe(429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      const { error } = response.json();
      expect(error).toMatchObject({ code: 'locked-out', problems: [] });
      expect(error.message).toMatch(
        /^Too many PIN tries from this address\. Try again in \d+ seconds\.$/,
      );
      expect(error.details.retryAfterSec).toBeGreaterThan(0);
      // Other calls and other addresses are not held back.
      expect((await app.inject(call('content:get', {}, remoteAddress))).statusCode).toBe(200);
      expect((await app.inject(call(name, {}, '127.0.0.99'))).statusCode).toBe(200);
    }
  });

  it('shares the PIN limit between spellings of a call', async () => {
    const app = await makeApp({ lan: false, pinCallsPerMinute: 2 });
    await app.inject(call('auth:unlock'));
    await app.inject({ ...call('x'), url: '/api/call/auth%3Aunlock' });
    const response = await app.inject({ ...call('x'), url: '/%61pi/call/auth:unlock' });
    expect(response.statusCode).toBe(429);
  });

  it('limits the whole API generously, and never the player', async () => {
    const app = await makeApp({ lan: false, apiPerMinute: 5 });
    for (let i = 0; i < 5; i++)
      expect((await app.inject(call('content:get'))).statusCode).toBe(200);
    const response = await app.inject({ url: '/api/health', headers: { host: HOST } });
    expect(response.statusCode).toBe(429);
    expect(response.json().error.message).toMatch(/^Too many requests\. Try again in/);
    expect((await app.inject({ url: '/', headers: { host: HOST } })).statusCode).toBe(200);
  });
});

describe('security hooks: the session cookie', () => {
  it('sets it HttpOnly, SameSite=Strict, Path=/, and Secure only over https', async () => {
    const app = await makeApp();
    const response = await app.inject(call('start'));
    expect(response.headers['set-cookie']).toBe(
      `kiosk_session=${'a'.repeat(43)}; Path=/; HttpOnly; SameSite=Strict`,
    );
  });

  it('marks it Secure when the request came over https', async () => {
    // light-my-request cannot fake TLS; behind a trusted proxy, https shows as X-Forwarded-Proto.
    const app = Fastify({ trustProxy: true });
    apps.push(app);
    await registerSecurityHooks(app, { lan: true });
    app.post('/api/call/start', async (_request, reply) => {
      setSessionCookie(reply, 'b'.repeat(43));
      return {};
    });
    const response = await app.inject(call('start', { 'x-forwarded-proto': 'https' }));
    expect(response.headers['set-cookie']).toBe(
      `kiosk_session=${'b'.repeat(43)}; Path=/; HttpOnly; Secure; SameSite=Strict`,
    );
  });

  it('clears it with the same flags', async () => {
    const app = await makeApp();
    const cookie = (await app.inject(call('end'))).headers['set-cookie'] as string;
    expect(cookie).toMatch(
      /^kiosk_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict$/,
    );
  });

  it('reads the session id back, ignoring values that cannot be one', async () => {
    const app = await makeApp();
    const id = 'Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg';
    const read = async (cookie: string) =>
      (await app.inject(call('x', { cookie }))).json().sessionId as string | null;
    expect(await read(`kiosk_session=${id}`)).toBe(id);
    expect(await read('other=1')).toBeNull();
    expect(await read('kiosk_session=short')).toBeNull();
    expect(await read('kiosk_session=has%20space%20in%20it%20xxxxxxxxxx')).toBeNull();
  });
});

describe('security hooks: local requests', () => {
  it('counts loopback addresses with a loopback host name as local, nothing else', async () => {
    const app = await makeApp({ lan: true });
    const local = async (remoteAddress: string, headers: Record<string, string> = {}) =>
      (await app.inject(call('x', headers, remoteAddress))).json().local as boolean;
    expect(await local('127.0.0.1')).toBe(true);
    expect(await local('127.4.5.6')).toBe(true);
    expect(await local('::1')).toBe(true);
    expect(await local('::ffff:127.0.0.1')).toBe(true);
    expect(await local('192.168.1.20')).toBe(false);
    expect(await local('::ffff:192.168.1.20')).toBe(false);
    expect(await local('10.0.0.5', { 'x-forwarded-for': '127.0.0.1' })).toBe(false);
    // A foreign name does not even reach the call (see "the host name").
    const rebound = await app.inject(call('x', { host: 'evil.example:7777' }, '127.0.0.1'));
    expect(rebound.statusCode).toBe(403);
  });

  it('works on a real socket: local over 127.0.0.1, and a foreign Origin refused', async () => {
    const app = await makeApp({ lan: false });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const post = (headers: Record<string, string> = {}) =>
      fetch(`${url}/api/call/x`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    expect(await (await post()).json()).toMatchObject({ local: true });
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
  });

  it('recognises loopback addresses and host names', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.255.254',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
    ]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
    for (const address of ['128.0.0.1', '::2', '0.0.0.0', '::', 'localhost', '', undefined]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
    for (const host of ['localhost', 'localhost:80', '127.0.0.1:7777', '[::1]:7777', '127.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      'evil.example',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
      '[::2]',
      '',
      undefined,
    ]) {
      expect(isLoopbackHost(host), String(host)).toBe(false);
    }
  });
});
