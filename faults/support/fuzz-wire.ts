/**
 * The fuzz run's requests on the wire: raw HTTP over keep-alive agents on many loopback
 * addresses, what Fastify makes of a body, and which files each call may write.
 */
import http from 'node:http';
import { isCallName, type CallName } from '#core/contract';
import { CONTENT_FILE, LAST_GOOD_DIR, SETTINGS_FILE } from '../../host/content-store.js';
import { HISTORY_DIR } from '../../host/history-store.js';
import { BODY_LIMIT, type HttpCase } from './fuzz-payloads.js';
import { poisoned } from './json-mutations.js';

/** A raw HTTP answer. */
export interface Reply {
  status: number;
  text: string;
  headers: http.IncomingHttpHeaders;
}

/** One keep-alive connection per loopback address, so per-address rate limits are not the test. */
export const agents = Array.from(
  { length: 128 },
  (_, i) => new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.1.0.${i + 1}` }),
);
let nextAgent = 0;

/** Send one request over the next agent and read the whole reply. */
export function request(
  base: string,
  method: 'GET' | 'POST',
  route: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Reply> {
  const { hostname, port } = new URL(base);
  const agent = agents[nextAgent++ % agents.length];
  return new Promise((resolve, reject) => {
    const req = http.request(
      { hostname, port, path: route, method, headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            headers: response.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What the route hands to dispatch, if the body gets that far. */
export type Seen =
  | { kind: 'value'; value: unknown }
  | { kind: 'refused' } // Fastify refuses the body itself: not JSON, or prototype keys
  | { kind: 'too-large' } // over the 1 MiB body limit
  | { kind: 'unknown' };

/** What goes on the wire for a case, and what the route will make of it. */
export interface Wire {
  headers: Record<string, string>;
  body?: string | Buffer;
  query: string;
  seen: Seen;
}

/** What Fastify makes of JSON text: the value, or a refusal (bad JSON, prototype keys). */
export function parseLikeFastify(text: string): Seen {
  if (Buffer.byteLength(text) > BODY_LIMIT) return { kind: 'too-large' };
  // The text as the host decodes it from UTF-8 (lone surrogates become U+FFFD), BOM dropped.
  let decoded = Buffer.from(text, 'utf8').toString('utf8');
  if (decoded.charCodeAt(0) === 0xfeff) decoded = decoded.slice(1);
  if (decoded.length === 0) return { kind: 'refused' };
  try {
    const value: unknown = JSON.parse(decoded);
    return poisoned(value) ? { kind: 'refused' } : { kind: 'value', value: value ?? undefined };
  } catch {
    return { kind: 'refused' };
  }
}

/** Put a case on the wire: headers, query, body, and what dispatch will see. */
export function toWire(c: HttpCase, text: string | undefined): Wire {
  const { transport } = c;
  switch (transport.kind) {
    case 'json':
      if (text === undefined)
        return { headers: {}, query: '', seen: { kind: 'value', value: undefined } };
      return {
        headers: { 'content-type': transport.contentType },
        body: text,
        query: '',
        seen: parseLikeFastify(text),
      };
    case 'bad-json':
      return {
        headers: { 'content-type': 'application/json' },
        body: transport.text,
        query: '',
        seen: parseLikeFastify(transport.text),
      };
    case 'other-type': {
      const headers: Record<string, string> = {};
      if (transport.contentType) headers['content-type'] = transport.contentType;
      return { headers, body: text ?? 'x', query: '', seen: { kind: 'unknown' } };
    }
    case 'octet': {
      const bytes = Buffer.from(transport.bytes);
      // Fastify's query parser: a repeated key gives an array.
      const query = new URLSearchParams(transport.query);
      const param = (key: string) => {
        const all = query.getAll(key);
        return all.length > 1 ? all : all[0];
      };
      const value =
        c.name === 'media:upload-chunk'
          ? { uploadId: param('uploadId'), offset: Number(param('offset')), bytes }
          : bytes;
      return {
        headers: { 'content-type': 'application/octet-stream' },
        body: bytes,
        query: transport.query,
        seen: { kind: 'value', value },
      };
    }
  }
}

/** Files in the data folder a call may change when it succeeds (a prefix ending in `/` is a folder). */
export const WRITES: Partial<Record<CallName, string[]>> = {
  'auth:unlock': ['auth.json'],
  'auth:create-pin': ['auth.json'],
  'auth:change-pin': ['auth.json'],
  'content:save': [CONTENT_FILE, `${LAST_GOOD_DIR}/${CONTENT_FILE}`, `${HISTORY_DIR}/`],
  'settings:save': [SETTINGS_FILE, `${LAST_GOOD_DIR}/${SETTINGS_FILE}`, `${HISTORY_DIR}/`],
  'history:restore': [
    CONTENT_FILE,
    SETTINGS_FILE,
    `${LAST_GOOD_DIR}/${CONTENT_FILE}`,
    `${LAST_GOOD_DIR}/${SETTINGS_FILE}`,
    `${HISTORY_DIR}/`,
  ],
  'media:upload-begin': ['uploads/'],
  'media:upload-chunk': ['uploads/'],
  'media:upload-finish': ['uploads/', 'media/'],
  'media:upload-cancel': ['uploads/'],
  'media:delete': ['uploads/', 'media/'],
  'alert:set': ['alert.json'],
  'alert:clear': ['alert.json'],
  'alert:save-template': ['alert-templates.json'],
  'alert:delete-template': ['alert-templates.json'],
  'plays:record': ['plays/'],
  'fleet:sync-now': ['fleet/'],
  'fleet:roll-back': ['fleet/'],
};
/** Whether a successful call `name` may change `file`. */
export const mayWrite = (name: string, file: string) =>
  isCallName(name) &&
  (WRITES[name] ?? []).some((allowed) =>
    allowed.endsWith('/') ? file.startsWith(allowed) : file === allowed,
  );
