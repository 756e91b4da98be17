/**
 * Fuzzing the KioskApi over HTTP with fast-check, from a fixed seed (printed; `FUZZ_SEED=<n>`
 * repeats another run): 10,000 random and malformed payloads against the real host (startHost, a
 * real port, a real data folder in a temporary sandbox), spread over every call name and unknown
 * ones, signed in as staff and not: random JSON, wrong types, missing and extra fields, huge
 * strings, deep nesting, `__proto__` and `constructor` keys, mutations of valid inputs, bodies that
 * are not JSON, of the wrong Content-Type or empty, and upload chunks with junk ids and offsets.
 * Every answer is a 2xx only for a payload the contract accepts, else a 4xx with the API's error
 * body naming the call and the JSON path of each bad value (checked to exist in what was sent);
 * never a 5xx. A payload the contract refuses changes no file in the data folder; one it accepts
 * may change only the files of its call. The host keeps answering /api/health, the staff session
 * stays live, and nothing unexpected is logged.
 *
 * The tests run in order: sign in, the run, then what must hold after it.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames, contract, Health, isCallName, type AdminState } from '#core/contract';
import { HTTP_STATUS, KioskFailure } from '#core/errors';
import { startHost, type RunningHost } from '../host/serve.js';
import { httpCaseArb, REVISION, validInputs } from './support/fuzz-payloads.js';
import { agents, mayWrite, request, toWire } from './support/fuzz-wire.js';
import { PIN } from './support/host-process.js';
import { excerpt, isObj, parseJsonPath, pathFits, type Obj } from './support/json-mutations.js';
import { changedFiles, snapshotDir } from './support/snapshot.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_514);
const HTTP_RUNS = 10_000;

describe('fuzz: KioskApi payloads over HTTP', () => {
  let sandbox: string;
  let dataDir: string;
  let host: RunningHost;
  let cookie: string;
  const unexpected: unknown[][] = [];
  // What the run found, for the checks after it.
  const outcomes = new Map<string, number>();
  const accepted = new Set<string>();
  const refused = new Set<string>();
  let runs = 0;

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=<n> runs another one)`);
    sandbox = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fuzz-http-'));
    dataDir = path.join(sandbox, 'data');
    await mkdir(dataDir);
    host = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
    // The player's reports go to stderr; the host's unexpected errors too (kept, to fail on).
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      unexpected.push(args);
    });
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await host?.close();
    for (const agent of agents) agent.destroy();
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
  });

  const call = (name: string, body: unknown, withCookie: boolean) =>
    request(
      host.url,
      'POST',
      `/api/call/${encodeURIComponent(name)}`,
      {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(withCookie ? { cookie } : {}),
      },
      body === undefined ? undefined : JSON.stringify(body),
    );

  it('signs in as staff at the kiosk itself (these requests are local)', async () => {
    const created = await call('auth:create-pin', { pin: PIN }, false);
    expect(created.status, created.text).toBe(200);
    cookie = /^(kiosk_session=[^;]*)/.exec([created.headers['set-cookie']].flat()[0] ?? '')![1]!;
  });

  it(`answers ${HTTP_RUNS} random and malformed payloads with clear 4xx errors, writing nothing`, async () => {
    expect(cookie, 'signed in by the test before').toBeDefined();
    const started = Date.now();
    const admin = JSON.parse((await call('admin:get', undefined, true)).text) as AdminState;
    const valid = validInputs(admin);
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    const skipLogs = (rel: string) => rel === 'logs/' || rel.startsWith('logs/');
    let before = await snapshotDir(dataDir, skipLogs);
    const recent: string[] = [];

    await fc.assert(
      fc.asyncProperty(httpCaseArb(valid), async (c) => {
        runs++;
        let { signedIn } = c;
        let value = c.payload.value;
        const { name } = c;
        // Valid inputs that would end the fuzzer's own staff session or reach outside the sandbox
        // are steered: the real PIN is never sent, a valid lock goes out signed out, a publish
        // goes into the sandbox, a sync URL is dropped.
        const validNow = (v: unknown) =>
          isCallName(name) && contract[name].input.safeParse(v).success;
        if (isObj(value) && value.baseRevision === REVISION) {
          const current = JSON.parse((await call('content:get', undefined, false)).text) as {
            revision: string;
          };
          value = { ...value, baseRevision: current.revision };
        }
        if (isObj(value)) {
          let v: Obj = value;
          for (const key of ['pin', 'currentPin'])
            if (v[key] === PIN) v = { ...v, [key]: '000000' };
          if (isObj(v.settings) && 'syncManifestUrl' in v.settings) {
            const { syncManifestUrl: _dropped, ...settings } = v.settings;
            v = { ...v, settings };
          }
          if (name === 'fleet:publish' && validNow(v)) v = { outDir: 'bundle', pin: v.pin };
          value = v;
        }

        const text =
          c.payload.text ?? (value === undefined ? undefined : (JSON.stringify(value) as string));
        const wire = toWire(c, text);
        const seen = wire.seen;
        if (name === 'auth:lock' && seen.kind === 'value' && validNow(seen.value)) signedIn = false;
        const route = `/api/call/${encodeURIComponent(name)}${wire.query}`;
        const headers = signedIn ? { ...wire.headers, cookie } : wire.headers;
        const reply = await request(host.url, 'POST', route, headers, wire.body);
        const after = await snapshotDir(dataDir, skipLogs);
        const changed = changedFiles(before, after);
        before = after;

        const what = `${c.payload.label} via ${c.transport.kind} ${JSON.stringify(wire.headers)}${
          signedIn ? ' (staff)' : ''
        }: ${excerpt(wire.body)}\n-> ${reply.status} ${excerpt(reply.text, 600)}`;
        recent.push(
          `${signedIn ? 'S' : '-'} ${name} ${c.transport.kind} ${excerpt(wire.body, 150)} -> ${reply.status} ${excerpt(reply.text, 150)}`,
        );
        if (recent.length > 40) recent.shift();
        const spec = isCallName(name) ? contract[name] : undefined;
        const inputValid =
          seen.kind === 'value' ? spec?.input.safeParse(seen.value).success === true : undefined;
        const reachable = spec !== undefined && (spec.access !== 'staff' || signedIn);

        expect(reply.status, what).toBeGreaterThanOrEqual(200);
        expect(reply.status, `a server error for ${what}`).toBeLessThan(500);
        let body: { error?: unknown } = {};
        expect(
          () => (body = JSON.parse(reply.text) as typeof body),
          `not JSON: ${what}`,
        ).not.toThrow();
        count(`${reply.status}`);

        if (reply.status < 300) {
          expect(reply.status, what).toBe(200);
          expect(spec, `an unknown call answered: ${what}`).toBeDefined();
          expect(inputValid, `accepted an input the contract refuses: ${what}`).not.toBe(false);
          expect(spec!.access !== 'staff' || signedIn, `past the staff gate: ${what}`).toBe(true);
          count('accepted');
          accepted.add(name);
        } else {
          expect(reply.status, what).toBeLessThan(500);
          const error = KioskFailure.safeParse(body.error);
          expect(error.success, `not the API's error body: ${what}`).toBe(true);
          const { code, message, problems } = error.data!;
          expect(HTTP_STATUS[code], what).toBe(reply.status);
          expect(message.trim(), what).not.toBe('');
          for (const problem of problems) {
            expect(problem.message.trim(), what).not.toBe('');
            expect(problem.path, what).toMatch(/^\$/);
            expect(parseJsonPath(problem.path), `a malformed path: ${what}`).toBeDefined();
          }
          count(`${code}`);
          if (code === 'locked-out') {
            // The PIN lock-out, never the per-address rate limit (the requests are spread out).
            expect(message, what).toMatch(/^Too many wrong PINs/);
          }
          if (signedIn && spec?.access === 'staff') {
            expect(
              code,
              `the staff session was lost: ${what}\nafter:\n${recent.join('\n')}`,
            ).not.toBe('unauthorized');
          }
          if (!spec && name.length > 100) {
            // The router refuses a name this long before reading the body.
            expect(code, what).toBe('unknown-call');
            expect(message, what).toMatch(/^unknown call: .*at most 100 characters/);
          } else if (seen.kind === 'too-large') {
            expect(code, what).toBe('too-large');
            expect(problems, what).toEqual([{ source: name, path: '$', message }]);
          } else if (seen.kind === 'refused') {
            // Fastify refused the body (not JSON, prototype keys): before any call ran.
            expect(code, what).toBe('invalid-input');
            expect(problems, what).toEqual([{ source: name, path: '$', message }]);
          } else if (!spec && seen.kind === 'value') {
            expect(code, what).toBe('unknown-call');
            expect(message, what).toBe(`unknown call ${JSON.stringify(name)}`);
          } else if (seen.kind === 'value' && !reachable) {
            expect(code, `the staff gate: ${what}`).toBe('unauthorized');
          } else if (seen.kind === 'value' && inputValid === false) {
            // Refused by the contract: one problem per bad value, each at a path in the input.
            expect(code, what).toBe('invalid-input');
            expect(problems.length, what).toBeGreaterThan(0);
            for (const problem of problems) {
              expect(problem.source, what).toBe(name);
              expect(pathFits(seen.value, problem.path), `${problem.path} is not in: ${what}`).toBe(
                true,
              );
            }
            count('refused by the contract');
            refused.add(`${name}${signedIn ? ' (staff)' : ''}`);
          } else if (code === 'invalid-input' && spec) {
            // Refused by the handler (a size, a path; its problems name what it checks, such as
            // `alert` or `settings`) or by Fastify (a body it cannot take).
            for (const problem of problems) expect(problem.source.trim(), what).not.toBe('');
            count('refused by the handler');
          }
        }

        // Nothing written unless the call took the input (a wrong PIN counts its try).
        const tookInput =
          reply.status < 300 || (inputValid !== false && /^auth:/.test(name) && spec !== undefined);
        // A call that asks for the PIN again counts a wrong one too (core/security-policy.ts).
        const pinTried =
          inputValid !== false && (name === 'settings:save' || name === 'fleet:publish');
        const stray = changed.filter(
          (file) => !((tookInput && mayWrite(name, file)) || (pinTried && file === 'auth.json')),
        );
        expect(stray, `files changed by ${what}`).toEqual([]);
        if (changed.length) count('wrote');

        if (runs % 250 === 0) {
          const health = await request(host.url, 'GET', '/api/health', {});
          expect(health.status, health.text).toBe(200);
          expect(Health.safeParse(JSON.parse(health.text)).success, health.text).toBe(true);
        }
        expect(unexpected, `the host logged an unexpected error after ${what}`).toEqual([]);
      }),
      { seed: SEED, numRuns: HTTP_RUNS },
    );
    const table = Object.fromEntries([...outcomes].sort(([a], [b]) => a.localeCompare(b)));
    console.log(
      `fuzz http: ${runs} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      table,
    );
    expect(runs).toBeGreaterThanOrEqual(HTTP_RUNS);
  });

  it('still answers /api/health afterwards, with the staff session still live', async () => {
    const health = await request(host.url, 'GET', '/api/health', {});
    expect(health.status).toBe(200);
    const status = JSON.parse((await call('auth:status', undefined, true)).text) as {
      unlocked: boolean;
    };
    expect(status.unlocked).toBe(true);
  });

  it('logged no failed call during the run', async () => {
    const logs = await readdir(path.join(dataDir, 'logs'));
    for (const log of logs) {
      expect(await readFile(path.join(dataDir, 'logs', log), 'utf8')).not.toContain('call failed');
    }
  });

  it('reached what the run was meant to: the contract refusing, valid saves going through', async () => {
    expect(runs).toBeGreaterThanOrEqual(HTTP_RUNS);
    expect(outcomes.get('refused by the contract') ?? 0).toBeGreaterThan(HTTP_RUNS / 3);
    expect(outcomes.get('accepted') ?? 0).toBeGreaterThan(100);
  });

  it("reached every call's own validation, the staff calls' with a live session too", () => {
    for (const name of callNames) {
      const staff = contract[name].access === 'staff';
      expect(refused, name).toContain(staff ? `${name} (staff)` : name);
    }
  });

  it('let a valid content, settings, alert and plays call through', () => {
    for (const name of ['content:save', 'settings:save', 'alert:set', 'plays:record'] as const) {
      expect(accepted, `no valid ${name} went through`).toContain(name);
    }
  });
});
