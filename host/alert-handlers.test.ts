import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from './serve.js';
import { tempDir } from './test-helpers.js';

let running: RunningHost | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** POST a KioskApi call; returns the status, the JSON body and any session cookie. */
async function call(url: string, name: string, body?: unknown, cookie?: string) {
  const response = await fetch(`${url}/api/call/${name}`, {
    method: 'POST',
    headers: {
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      ...(cookie && { Cookie: cookie }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = response.headers.get('set-cookie')?.split(';')[0];
  return { status: response.status, json: await response.json(), cookie: setCookie };
}

describe('emergency message calls', () => {
  it('are public to read, staff-only to change, and validated against the settings', async () => {
    const dataDir = await tempDir();
    running = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
    const { url } = running;

    expect((await call(url, 'alert:get')).json).toEqual({
      alert: null,
      startsInMs: null,
      expiresInMs: null,
    });
    const locked = await call(url, 'alert:set', { text: { en: 'Closed' } });
    expect(locked.status).toBe(401);
    expect((await call(url, 'alert:clear')).status).toBe(401);

    const { cookie } = await call(url, 'auth:create-pin', { pin: '246810' });
    expect(cookie).toBeTruthy();

    const missingDefault = await call(url, 'alert:set', { text: { fr: 'Fermé' } }, cookie);
    expect(missingDefault.status).toBe(400);
    expect(missingDefault.json.error.problems[0].path).toBe('$.text.en');
    const empty = await call(url, 'alert:set', { text: { en: ' ' } }, cookie);
    expect(empty.status).toBe(400);

    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    const set = await call(
      url,
      'alert:set',
      { text: { en: 'Closed', fr: 'Fermé' }, expiresAt },
      cookie,
    );
    expect(set.status).toBe(200);
    expect(set.json.alert.text).toEqual({ en: 'Closed', fr: 'Fermé' });
    expect(set.json.expiresInMs).toBeGreaterThan(0);
    const got = (await call(url, 'alert:get')).json;
    expect(got.alert.expiresAt).toBe(expiresAt);

    const cleared = await call(url, 'alert:clear', undefined, cookie);
    expect(cleared.json).toEqual({ alert: null, startsInMs: null, expiresInMs: null });
    expect((await call(url, 'alert:get')).json.alert).toBeNull();
  });

  it('keeps an active message across a restart and reports a damaged file in health', async () => {
    const dataDir = await tempDir();
    running = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
    const { cookie } = await call(running.url, 'auth:create-pin', { pin: '246810' });
    await call(running.url, 'alert:set', { text: { en: 'Evacuate' } }, cookie);
    await running.close();

    running = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
    expect((await call(running.url, 'alert:get')).json.alert.text).toEqual({ en: 'Evacuate' });

    await writeFile(path.join(dataDir, 'alert.json'), '{ broken');
    expect((await call(running.url, 'alert:get')).json.alert).toBeNull();
    const health = await (await fetch(`${running.url}/api/health`)).json();
    expect(health.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'alert.json' })]),
    );
  });
});
