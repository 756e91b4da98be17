/**
 * The fault tests' KioskApi client: calls typed by the contract, made over HTTP as the admin makes
 * them (staff session cookie and all), answering with the status and the value or the failure.
 * Tests of raw HTTP itself (hostile requests, other source addresses, TLS) use raw-http.ts.
 */
import type { CallName, CallOutput } from '#core/contract';
import type { KioskFailure, Reply } from '#core/errors';
import { PIN } from './host-process.js';

/** A call's answer: the HTTP status and the Reply the body stands for. */
export interface Answer<K extends CallName> {
  status: number;
  /** The value, as the contract types it (the `{ error }` body when the call failed). */
  body: CallOutput<K>;
  /** The failure, when the call failed. */
  error: KioskFailure | undefined;
  /** The answer as a Reply. */
  reply: Reply<CallOutput<K>>;
}

/** Calls the host's KioskApi over HTTP, keeping the staff session cookie. */
export class ApiClient {
  private cookie: string | undefined;

  constructor(readonly url: string) {}

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
    if (this.cookie) headers.cookie = this.cookie;
    let sent: BodyInit | undefined;
    if (input instanceof Uint8Array) {
      headers['content-type'] = 'application/octet-stream';
      sent = new Uint8Array(input);
    } else if (input !== undefined) {
      headers['content-type'] = 'application/json';
      sent = JSON.stringify(input);
    }
    const response = await fetch(`${this.url}/api/call/${name}${query}`, {
      method: 'POST',
      headers,
      body: sent,
      signal,
    });
    const session = response.headers
      .getSetCookie()
      .map((line) => /^kiosk_session=([^;]*)/.exec(line)?.[1])
      .find((value) => value !== undefined);
    if (session !== undefined) this.cookie = `kiosk_session=${session}`;
    const body = (await response.json()) as CallOutput<K>;
    const { status } = response;
    if (response.ok) return { status, body, error: undefined, reply: { ok: true, value: body } };
    const { error } = body as unknown as { error: KioskFailure };
    return { status, body, error, reply: { ok: false, error } };
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
    const response = await fetch(`${this.url}${route}`);
    return { status: response.status, body: (await response.json()) as T };
  }

  /**
   * Sign in as staff the way the admin does: create the PIN on the kiosk itself when none is set
   * yet, else unlock with it.
   */
  async signIn(pin = PIN): Promise<void> {
    const { pinSet } = await this.value('auth:status');
    const name = pinSet ? 'auth:unlock' : 'auth:create-pin';
    const answer = await this.call(name, { pin });
    if (answer.status !== 200 || answer.body.unlocked !== true || !this.cookie) {
      throw new Error(`${name} failed (${answer.status}): ${JSON.stringify(answer.body)}`);
    }
  }
}
