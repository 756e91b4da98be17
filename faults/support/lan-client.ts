/**
 * The LAN attack tests' calls on raw-http.ts: a host serving the LAN and the certificate to trust,
 * the KioskApi client from another address over HTTPS, the event stream, and the session cookie.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { expect } from 'vitest';
import { ApiClient } from '../../test-support/api-client.js';
import { PIN, startServe, type HostProcess } from './host-process.js';
import {
  Client,
  requestOptions,
  transportOf,
  send as send_,
  sessionSetBy,
  type RawRequest,
  type Reply,
  type Trust,
} from './raw-http.js';
import { sandboxWithData } from './sandbox.js';

export { Client, errorOf, type RawRequest, type Reply, type Trust } from './raw-http.js';

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

/** The one KioskApi client from another machine: HTTPS from `localAddress`, the certificate pinned. */
export function lanClient(url: string, localAddress: string, trust: Trust | undefined): ApiClient {
  return new ApiClient(transportOf(new Client(url, localAddress, trust)));
}

/** A host serving the LAN for one test file, and the PIN created on the kiosk's own screen. */
export interface LanHost {
  sandbox: string;
  dataDir: string;
  host: HostProcess;
  /** The kiosk's own screen: plain HTTP on loopback. */
  kioskUrl: string;
  /** Where other machines reach the admin. */
  lanUrl: string;
  /** The host's certificate, pinned by other machines. */
  trust: Trust;
  /** The kiosk's own screen, signed in as staff (it created the PIN). */
  kiosk: ApiClient;
}

/** Start `openness-kiosk serve --host 0.0.0.0` in a new sandbox; create the PIN at the kiosk. */
export async function startLanHost(prefix: string): Promise<LanHost> {
  const { sandbox, dataDir } = await sandboxWithData(prefix);
  const host = await startServe(dataDir, 30_000, '0.0.0.0');
  const { url: lanUrl, trust } = await remoteOf(host, dataDir);
  const kiosk = new ApiClient(host.url);
  const created = await kiosk.call('auth:create-pin', { pin: PIN });
  expect(created.status, created.text).toBe(200);
  return { sandbox, dataDir, host, kioskUrl: host.url, lanUrl, trust, kiosk };
}

/** The session cookie a reply sets, as a `cookie` header value, or undefined. */
export function sessionCookie(reply: Reply): string | undefined {
  const session = sessionSetBy(reply);
  return session === undefined ? undefined : `kiosk_session=${session}`;
}
