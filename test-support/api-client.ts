/**
 * The one KioskApi test client, for the fault tests (vitest) and the e2e specs (Playwright): calls
 * typed by the contract, answering with the status and the value or the KioskFailure, and uploads
 * made as the admin makes them. How a request travels is its {@link Transport}: Node's fetch
 * keeping the staff cookie ({@link fetchTransport}), the page's own fetch in e2e, HTTPS from
 * another address in the LAN fault tests. Tests of raw HTTP itself (hostile requests, exact paths,
 * TLS) use faults/support/raw-http.ts, which is not a KioskApi client.
 */
import type { CallName, CallOutput } from '#core/contract';
import type { KioskFailure, Reply } from '#core/errors';

/** One request as a transport sends it. */
export interface WireRequest {
  method: 'GET' | 'POST';
  /** The path and query, e.g. `/api/call/admin:get`. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

/** What came back: the status and the body's text. */
export interface WireReply {
  status: number;
  text: string;
}

/** Sends one request and reads the whole reply, keeping the staff session as a browser does. */
export type Transport = (request: WireRequest) => Promise<WireReply>;

/** Node's fetch to `url`, keeping the `kiosk_session` cookie the host sets. */
export function fetchTransport(url: string): Transport {
  let cookie: string | undefined;
  return async ({ method, path, headers, body, signal }) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: cookie ? { ...headers, cookie } : headers,
      // A copy, so that a Buffer's shared pool is not sent with it.
      body: body instanceof Uint8Array ? new Uint8Array(body) : body,
      signal,
    });
    const session = response.headers
      .getSetCookie()
      .map((line) => /^kiosk_session=([^;]*)/.exec(line)?.[1])
      .find((value) => value !== undefined);
    if (session !== undefined) cookie = session ? `kiosk_session=${session}` : undefined;
    return { status: response.status, text: await response.text() };
  };
}

/** A call's answer: the HTTP status and the Reply the body stands for. */
export interface Answer<K extends CallName> {
  status: number;
  /** The value, as the contract types it (the `{ error }` body when the call failed). */
  body: CallOutput<K>;
  /** The failure, when the call failed. */
  error: KioskFailure | undefined;
  /** The answer as a Reply. */
  reply: Reply<CallOutput<K>>;
  /** The body as it came, for messages. */
  text: string;
}

/** A file to upload, read piece by piece (so big ones are never held whole). */
export interface UploadSource {
  size: number;
  read(offset: number, length: number): Uint8Array;
}

/** How far an upload got: the step that ended it, with that step's answer. */
export type UploadOutcome =
  | ({ step: 'begin'; uploadId?: undefined } & Answer<'media:upload-begin'>)
  | ({ step: 'chunk'; uploadId: string } & Answer<'media:upload-chunk'>)
  | ({ step: 'finish'; uploadId: string } & Answer<'media:upload-finish'>);

/** Calls the host's KioskApi through a transport. */
export class ApiClient {
  readonly transport: Transport;

  /** A client of the host at `url` over Node's fetch, or one over `transport`. */
  constructor(to: string | Transport) {
    this.transport = typeof to === 'string' ? fetchTransport(to) : to;
  }

  /**
   * POST `/api/call/<name>` with `input` as JSON (or raw bytes, for upload chunks, with the upload
   * and offset in `query`); any input, so tests can also send what the contract refuses.
   */
  async call<K extends CallName>(
    name: K,
    input?: unknown,
    query = '',
    signal?: AbortSignal,
  ): Promise<Answer<K>> {
    const headers: Record<string, string> = {};
    let sent: string | Uint8Array | undefined;
    if (input instanceof Uint8Array) {
      headers['content-type'] = 'application/octet-stream';
      sent = input;
    } else if (input !== undefined) {
      headers['content-type'] = 'application/json';
      sent = JSON.stringify(input);
    }
    const path = `/api/call/${name}${query}`;
    const request = { method: 'POST' as const, path, headers, body: sent, signal };
    const { status, text } = await this.transport(request);
    const json = parsed(text);
    const body = json as CallOutput<K>;
    if (status >= 200 && status < 300) {
      return { status, body, error: undefined, reply: { ok: true, value: body }, text };
    }
    const { error } = (json ?? {}) as { error: KioskFailure };
    return { status, body, error, reply: { ok: false, error }, text };
  }

  /** Make a call that must succeed; answer with its value. */
  async value<K extends CallName>(name: K, input?: unknown): Promise<CallOutput<K>> {
    const answer = await this.call(name, input);
    if (answer.error) {
      throw new Error(`${name} failed (${answer.status}): ${JSON.stringify(answer.error)}`);
    }
    return answer.body;
  }

  /** GET a path and parse its JSON. */
  async get<T = unknown>(route: string): Promise<{ status: number; body: T }> {
    const { status, text } = await this.transport({ method: 'GET', path: route, headers: {} });
    return { status, body: parsed(text) as T };
  }

  /**
   * Upload as the admin does: begin (with `declaredSize`, else the real size), chunks of the size
   * the host asks for, finish; stops at the first step refused.
   */
  async upload(
    name: string,
    data: Uint8Array | UploadSource,
    declaredSize?: number,
  ): Promise<UploadOutcome> {
    const source = data instanceof Uint8Array ? bytesSource(data) : data;
    const begin = await this.call('media:upload-begin', {
      name,
      size: declaredSize ?? source.size,
    });
    if (begin.status !== 200) return { step: 'begin', ...begin };
    const { uploadId, chunkSize } = begin.body;
    for (let offset = 0; offset < source.size; offset += chunkSize) {
      const query = `?${new URLSearchParams({ uploadId, offset: String(offset) })}`;
      const bytes = source.read(offset, chunkSize);
      const chunk = await this.call('media:upload-chunk', bytes, query);
      if (chunk.status !== 200) return { step: 'chunk', uploadId, ...chunk };
    }
    return { step: 'finish', uploadId, ...(await this.call('media:upload-finish', { uploadId })) };
  }

  /**
   * Sign in as staff the way the admin does: create the PIN on the kiosk itself when none is set
   * yet, else unlock with it.
   */
  async signIn(pin: string): Promise<void> {
    const { pinSet } = await this.value('auth:status');
    const name = pinSet ? 'auth:unlock' : 'auth:create-pin';
    const answer = await this.call(name, { pin });
    if (answer.status !== 200 || answer.body.unlocked !== true) {
      throw new Error(`${name} failed (${answer.status}): ${answer.text}`);
    }
  }
}

function bytesSource(bytes: Uint8Array): UploadSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
