/**
 * A raw HTTP(S) client for the LAN attack tests: any Host, Origin or Referer, a chosen loopback
 * source address standing in for another machine, and HTTPS that trusts only the host's own
 * certificate (pinned by its SHA-256 fingerprint).
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { PeerCertificate } from 'node:tls';
import type { HostProcess } from './host-process.js';

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

/** One request. */
export interface RawRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The loopback address to connect from, standing in for a LAN machine. */
  localAddress?: string;
  /** For https:// URLs: the certificate to trust, or none to accept nothing. */
  trust?: Trust;
}

/** Send one request to `base` (http:// or https://) and read the whole reply. */
export function send(base: string, request: RawRequest): Promise<Reply> {
  const url = new URL(base);
  const secure = url.protocol === 'https:';
  const options = requestOptions(url, request);
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text,
          json: parse(text),
        });
      });
    });
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error(`no reply to ${request.path} in 20 s`)));
    req.end(request.body);
  });
}

function requestOptions(url: URL, request: RawRequest): https.RequestOptions {
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
  const line = [reply.headers['set-cookie'] ?? []]
    .flat()
    .find((value) => value.startsWith('kiosk_session='));
  return line?.split(';')[0];
}

/** The error body of a refusal. */
export function errorOf(reply: Reply): { code: string; message: string; details?: unknown } {
  return (reply.json as { error: { code: string; message: string; details?: unknown } }).error;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
