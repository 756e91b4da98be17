/**
 * Raw HTTP(S) for the hostile-client fault tests: node:http rather than fetch, for exact paths,
 * any header, Host and Origin included, a chosen loopback source address standing in for another
 * machine, bodies streamed with back-pressure, and HTTPS that trusts only the host's own
 * certificate (pinned by its SHA-256 fingerprint). lan-client.ts builds the LAN calls on it.
 */
import http from 'node:http';
import https from 'node:https';
import type { PeerCertificate } from 'node:tls';
import { expect } from 'vitest';
import * as z from 'zod/mini';
import { KioskFailure, type ErrorDetails } from '#core/errors';
import type { Transport } from '../../test-support/api-client.js';

/** A reply: status, headers, text and the JSON it parses to (undefined when not JSON). */
export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

/** How to reach the host over HTTPS: its certificate, and the fingerprint to pin. */
export interface Trust {
  /** The certificate, PEM (trusted as the only authority). */
  ca: string;
  /** Its SHA-256 fingerprint as Node prints it (`AB:CD:…`). */
  fingerprint256: string;
}

/** One request, sent exactly as described. */
export interface RawRequest {
  method?: 'GET' | 'POST';
  /** Sent exactly as written: no `..` or `%` normalisation. */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /**
   * A body sent piece by piece, waiting for `drain`, until the reply comes; the request is left
   * open after the last piece (the host must answer without waiting for the rest).
   */
  stream?: Iterable<Buffer>;
  /** The loopback address to connect from (each one is a separate address to rate limits). */
  localAddress?: string;
  /** For https:// URLs: the certificate to trust, or none to accept nothing. */
  trust?: Trust;
  /** Give up when no reply has come after this long (none by default). */
  timeoutMs?: number;
}

/** Every reply the clients of this test file received, for the scan for PIN secrets. */
export const transcript: { label: string; reply: Reply }[] = [];

/** Send one request to `base` (http:// or https://) and read the whole reply. */
export function send(base: string, request: RawRequest): Promise<Reply> {
  const url = new URL(base);
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = (secure ? https : http).request(requestOptions(url, request), (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text,
          json: json(text),
        });
        req.destroy();
      });
    });
    // Once the host has answered (a 413 half-way through a body), a broken pipe is expected.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (request.timeoutMs !== undefined) {
      const ms = request.timeoutMs;
      req.setTimeout(ms, () => req.destroy(new Error(`no reply to ${request.path} in ${ms} ms`)));
    }
    if (request.stream) void pump(req, request.stream, () => answered);
    else req.end(request.body);
  });
}

/** The options of a request to `url`: no agent, and for HTTPS only the pinned certificate. */
export function requestOptions(url: URL, request: RawRequest): https.RequestOptions {
  const options: https.RequestOptions = {
    hostname: url.hostname,
    port: url.port,
    path: request.path,
    method: request.method ?? 'POST',
    headers: request.headers,
    localAddress: request.localAddress,
    agent: false,
  };
  if (url.protocol === 'https:') {
    options.ca = request.trust?.ca;
    options.checkServerIdentity = (host: string, cert: PeerCertificate) => {
      if (cert.fingerprint256 !== request.trust?.fingerprint256) {
        return new Error(`unexpected certificate ${cert.fingerprint256} for ${host}`);
      }
      return undefined;
    };
  }
  return options;
}

async function pump(req: http.ClientRequest, pieces: Iterable<Buffer>, answered: () => boolean) {
  for (const piece of pieces) {
    if (answered() || req.destroyed) return;
    if (!req.write(piece)) {
      await new Promise<void>((resolve) => {
        req.once('drain', resolve);
        req.once('close', resolve);
      });
    }
  }
}

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The session id a reply sets ('' when it clears the cookie), or undefined. */
export function sessionSetBy(reply: Reply): string | undefined {
  return [reply.headers['set-cookie'] ?? []]
    .flat()
    .map((line) => /^kiosk_session=([^;]*)/.exec(line)?.[1])
    .find((value) => value !== undefined);
}

/** A client of the API that keeps its staff session cookie, like a browser. */
export class Client {
  cookie: string | undefined;

  constructor(
    readonly url: string,
    readonly localAddress?: string,
    /** For an https:// URL: the host's certificate, pinned. */
    readonly trust?: Trust,
  ) {}

  /** Send a request with the session cookie, keep the cookie it sets, note the reply. */
  async request(label: string, request: RawRequest): Promise<Reply> {
    const headers = { ...(this.cookie ? { cookie: this.cookie } : {}), ...request.headers };
    const { localAddress, trust } = this;
    const reply = await send(this.url, { localAddress, trust, ...request, headers });
    const session = sessionSetBy(reply);
    if (session !== undefined) this.cookie = session ? `kiosk_session=${session}` : undefined;
    transcript.push({ label, reply });
    return reply;
  }

  /** A contract call with a JSON body (none when `input` is undefined). */
  call(name: string, input?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const body = input === undefined ? undefined : JSON.stringify(input);
    return this.request(name, {
      path: `/api/call/${name}`,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  /** An upload chunk as the admin sends it: raw bytes, its upload and offset in the query. */
  chunk(
    uploadId: string,
    offset: number | string,
    bytes: Buffer,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    return this.request('media:upload-chunk', {
      path: `/api/call/media:upload-chunk?uploadId=${encodeURIComponent(uploadId)}&offset=${offset}`,
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body: bytes,
    });
  }

  /** A GET of `route`. */
  get(route: string): Promise<Reply> {
    return this.request(`GET ${route}`, { method: 'GET', path: route });
  }
}

/**
 * A raw client as the one KioskApi client's transport (test-support/api-client.ts): its source
 * address, pinned certificate and session cookie apply, and its replies join the transcript.
 */
export function transportOf(client: Client): Transport {
  return async ({ method, path, headers, body }) => {
    const label = path.replace(/^\/api\/call\//, '').replace(/\?.*$/, '');
    const bytes = body instanceof Uint8Array ? Buffer.from(body) : body;
    const reply = await client.request(label, { method, path, headers, body: bytes });
    return { status: reply.status, text: reply.text };
  };
}

const ErrorBody = z.object({ error: KioskFailure });

/**
 * The refusal a reply carries, checked with the core schema (undefined when the body is no
 * `{ error: KioskFailure }`); the object as sent, so an extra field still shows in `toEqual`.
 */
export function errorOf(reply: { text: string }): KioskFailure | undefined {
  const body = json(reply.text);
  return ErrorBody.safeParse(body).success ? (body as { error: KioskFailure }).error : undefined;
}

/** A code whose refusals carry details. */
type DetailedCode = keyof typeof ErrorDetails;

/** The refusal a reply carries, which must have `code`; typed as that code's (with its details). */
export function refusalWith<C extends DetailedCode>(
  reply: { text: string },
  code: C,
  what: string = code,
): Extract<KioskFailure, { code: C }> {
  const error = errorOf(reply);
  expect(error?.code, `${what}: ${reply.text}`).toBe(code);
  return error as Extract<KioskFailure, { code: C }>;
}

/** The reply is a refusal with `status` and a message that matches. */
export function expectRefused(
  reply: { status: number; text: string },
  status: number,
  message: RegExp,
  what: string,
): void {
  expect(reply.status, `${what}: ${reply.text}`).toBe(status);
  expect(errorOf(reply)?.message, what).toMatch(message);
}
