/**
 * For the PIN brute-force fault tests: wrong PINs, forged forwarding headers, what a refused try
 * must say, and the first message of the event stream.
 */
import http from 'node:http';
import { expect } from 'vitest';
import { refusalWith, sessionSetBy, type Reply } from './raw-http.js';

/** `auth.json` as the host writes it. */
export interface StoredAuth {
  schemaVersion: number;
  pin: { algorithm: string; N: number; r: number; p: number; salt: string; hash: string } | null;
  lockout: { failures: number; lockouts: number; lockedUntil: number | null };
}

/** Wrong PINs (none is `PIN`). */
export const WRONG = [
  '000000',
  '111111',
  '123456',
  '654321',
  '999999',
  '246802',
  '1234',
  '13579',
  '97531',
  '0000',
  '222222',
  '135791',
];

/** PIN calls the host allows per minute from one address (security-hooks.ts). */
export const PIN_CALLS_PER_MINUTE = 20;

/** Forwarding headers a client might forge to look like many addresses. */
export function forged(i: number): Record<string, string> {
  const ip = `203.0.113.${(i % 250) + 1}`;
  const sets: Record<string, string>[] = [
    { 'x-forwarded-for': ip },
    { 'x-forwarded-for': `${ip}, 198.51.100.7` },
    { 'x-real-ip': ip },
    { forwarded: `for=${ip};proto=https` },
    { 'true-client-ip': ip, 'cf-connecting-ip': ip },
    { 'x-client-ip': ip, 'x-cluster-client-ip': ip },
    { 'x-forwarded-for': `::ffff:${ip}`, 'x-forwarded-host': 'evil.example' },
    { 'x-originating-ip': ip, via: '1.1 proxy', 'fastly-client-ip': ip },
  ];
  return sets[i % sets.length]!;
}

/** Which guard refused a PIN try. */
export type LockKind = 'lock-out' | 'rate limit';

/**
 * A refused PIN try: 429, no session, and a message that says locked and for how long (which
 * `details.retryAfterSec` repeats); the host's lock-out, or the per-address rate limit.
 */
export function lockKind(reply: Reply, what: string, maxSec: number): LockKind {
  expect(reply.status, `${what}: ${reply.text}`).toBe(429);
  expect(sessionSetBy(reply), `${what}: a session cookie`).toBeUndefined();
  const error = refusalWith(reply, 'locked-out', what);
  const seconds = Number(/ Try again in (\d+) seconds\.$/.exec(error.message)?.[1]);
  expect(seconds, `${what}: ${error.message}`).toBeGreaterThan(0);
  expect(seconds, `${what}: ${error.message}`).toBeLessThanOrEqual(maxSec);
  expect(error.details?.retryAfterSec, what).toBe(seconds);
  expect(reply.headers['retry-after'], what).toBe(String(seconds));
  if (error.message.startsWith('Too many wrong PINs. ')) {
    expect(typeof error.details?.lockedUntil, what).toBe('number');
    return 'lock-out';
  }
  expect(error.message, what).toMatch(/^Too many PIN tries from this address\. /);
  return 'rate limit';
}

/** How many of `items` are `item`. */
export function count<T>(items: readonly T[], item: T): number {
  return items.filter((x) => x === item).length;
}

/** Open the event stream, run `trigger` once it is connected, and resolve with the first event. */
export function firstEvent(base: string, trigger: () => Promise<void>): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let text = '';
    let triggered = false;
    let settled = false;
    const settle = (error: Error | undefined, reply?: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      if (error) reject(error);
      else resolve(reply!);
    };
    const timer = setTimeout(() => settle(new Error(`no event within 10 s: ${text}`)), 10_000);
    const req = http.get({ hostname, port, path: '/api/events', agent: false }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        if (!triggered && text.includes(': connected\n\n')) {
          triggered = true;
          trigger().catch((error: Error) => settle(error));
        }
        if (/\nevent: [^\n]+\ndata: [^\n]*\n\n/.test(text)) {
          settle(undefined, {
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: undefined,
          });
        }
      });
    });
    req.on('error', (error) => settle(error));
  });
}
