/**
 * The LAN attack tests' calls on raw-http.ts: where a LAN host serves and the certificate to
 * trust, contract calls and the event stream over HTTPS, and the session cookie.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { HostProcess } from './host-process.js';
import {
  requestOptions,
  send as send_,
  sessionSetBy,
  type RawRequest,
  type Reply,
  type Trust,
} from './raw-http.js';

export { errorOf, type RawRequest, type Reply, type Trust } from './raw-http.js';

/** Where a LAN host serves other machines, and the certificate to trust, from what it printed. */
export async function remoteOf(
  running: HostProcess,
  dataDir: string,
): Promise<{ url: string; trust: Trust }> {
  const [, port, fingerprint256] =
    /remote admin: https:\/\/[^:]+:(\d+)\/#\/admin \(certificate SHA-256 ([0-9A-F:]+)\)/.exec(
      running.output(),
    ) ?? [];
  if (!port || !fingerprint256) {
    throw new Error(`the host printed no remote admin address:\n${running.output()}`);
  }
  const ca = await readFile(path.join(dataDir, 'tls', 'cert.pem'), 'utf8');
  return { url: `https://127.0.0.1:${port}`, trust: { ca, fingerprint256 } };
}

/** Send one request to `base` (http:// or https://), giving up after 20 s without a reply. */
export function send(base: string, request: RawRequest): Promise<Reply> {
  return send_(base, { timeoutMs: 20_000, ...request });
}

/** An open event stream, or the refusal it got. */
export interface Stream {
  status: number;
  /** The reply body when refused. */
  text: string;
  close(): void;
}

/** Open `/api/events` and resolve once it is connected (`: connected`) or refused. */
export function openStream(base: string, extra: Omit<RawRequest, 'path'> = {}): Promise<Stream> {
  const url = new URL(base);
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        ...requestOptions(url, { ...extra, method: 'GET', path: '/api/events' }),
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        const close = () => req.destroy();
        response.on('data', (chunk: string) => {
          text += chunk;
          if (response.statusCode === 200 && text.includes(': connected')) {
            resolve({ status: 200, text: '', close });
          }
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text, close }));
        response.on('error', () => undefined);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A contract call with a JSON body. */
export function call(
  base: string,
  name: string,
  input: unknown,
  extra: Omit<RawRequest, 'path' | 'body'> = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...extra.headers };
  if (input !== undefined) headers['content-type'] = 'application/json';
  return send(base, {
    ...extra,
    path: `/api/call/${name}`,
    headers,
    body: input === undefined ? undefined : JSON.stringify(input),
  });
}

/** The session cookie a reply sets, as a `cookie` header value, or undefined. */
export function sessionCookie(reply: Reply): string | undefined {
  const session = sessionSetBy(reply);
  return session === undefined ? undefined : `kiosk_session=${session}`;
}
