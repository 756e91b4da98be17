/**
 * Fleet downloads over HTTP: one GET at a time, each given up when its bytes stop coming, with
 * every failure turned into a message that names the address and what went wrong.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Manifest } from '#core/bundle';
import { formatProblem } from '#core/problems';
import { parseManifest } from './manifest-io.js';

/** A manifest larger than this is refused (it would not be one of ours). */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

/** A failure to report: the message is for people and says what and where. */
export class SyncFailure extends Error {}

/** How a request behaves. */
export interface RequestOptions {
  /** Give up when no bytes arrive for this long. */
  idleTimeoutMs: number;
  /** Aborts the request from outside (the sync's deadline, or staff starting a fresh check). */
  signal?: AbortSignal;
}

/** An answered request whose body is read chunk by chunk, under its own idle timer. */
export interface Answer {
  response: Response;
  /** Each chunk of the body; a pause longer than the idle timeout ends it with a SyncFailure. */
  chunks(use: (chunk: Uint8Array) => void): Promise<void>;
  /** Drop the body unread. */
  cancel(): Promise<void>;
}

/** GET `url`; a status other than 200 or 304 is a SyncFailure. */
export async function request(
  url: string,
  headers: Record<string, string>,
  options: RequestOptions,
): Promise<Answer> {
  // The idle timer belongs to this request alone, so two requests never share a deadline.
  const idle = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new Error('timed out')), options.idleTimeoutMs);
    timer.unref();
  };
  const signal = options.signal ? AbortSignal.any([idle.signal, options.signal]) : idle.signal;
  touch();
  let response: Response;
  try {
    response = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    clearTimeout(timer);
    throw new SyncFailure(`cannot reach ${url}: ${networkReason(error, signal)}`);
  }
  if (response.status !== 200 && response.status !== 304) {
    clearTimeout(timer);
    await response.body?.cancel().catch(() => undefined);
    throw new SyncFailure(`${url} answered ${response.status} ${response.statusText}`.trim());
  }
  return {
    response,
    async chunks(use) {
      try {
        if (!response.body) return;
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          touch();
          use(chunk);
        }
      } catch (error) {
        if (error instanceof SyncFailure) throw error;
        throw new SyncFailure(`the download of ${url} broke off: ${networkReason(error, signal)}`);
      } finally {
        clearTimeout(timer);
      }
    },
    async cancel() {
      clearTimeout(timer);
      await response.body?.cancel().catch(() => undefined);
    },
  };
}

/** The whole body, refused when it is larger than `limit` bytes. */
export async function readAll(url: string, answer: Answer, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  await answer.chunks((chunk) => {
    total += chunk.length;
    if (total > limit)
      throw new SyncFailure(`${url} is larger than ${limit} bytes; it is not a bundle manifest`);
    chunks.push(chunk);
  });
  return Buffer.concat(chunks);
}

/** The manifest, or undefined when the server says it did not change (304). */
export async function fetchManifest(
  url: string,
  etag: string | undefined,
  publicKey: KeyObject | undefined,
  options: RequestOptions,
): Promise<{ manifest: Manifest; etag: string | undefined } | undefined> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (etag) headers['if-none-match'] = etag;
  const answer = await request(url, headers, options);
  if (answer.response.status === 304) {
    await answer.cancel();
    return undefined;
  }
  const bytes = await readAll(url, answer, MAX_MANIFEST_BYTES);
  const parsed = parseManifest(new TextDecoder().decode(bytes), 'manifest.json', publicKey);
  if (!parsed.ok) {
    const first = parsed.problems.slice(0, 3).map(formatProblem).join('; ');
    throw new SyncFailure(`the manifest at ${url} was refused: ${first}`);
  }
  return { manifest: parsed.manifest, etag: answer.response.headers.get('etag') ?? undefined };
}

/** What a downloaded file must be. */
export interface Expected {
  /** The name in messages (the file's path in the bundle). */
  name: string;
  size: number;
  sha256: string;
}

/** Download `url` into `temp` (a new file), checking its size and sha256 as it comes. */
export async function downloadFile(
  url: string,
  expected: Expected,
  temp: string,
  options: RequestOptions & { onBytes(n: number): void },
): Promise<void> {
  const { name, size, sha256 } = expected;
  const answer = await request(url, {}, options);
  if (!answer.response.body) throw new SyncFailure(`${name}: the server sent no body`);
  const hash = createHash('sha256');
  const out = createWriteStream(temp, { flags: 'wx' });
  let received = 0;
  try {
    await answer.chunks((chunk) => {
      received += chunk.length;
      if (received > size) {
        throw new SyncFailure(
          `${name}: the server sent more than the ${size} bytes the manifest names`,
        );
      }
      hash.update(chunk);
      out.write(chunk);
      options.onBytes(chunk.length);
    });
  } finally {
    out.end();
    await finished(out).catch(() => undefined);
  }
  if (received !== size) {
    throw new SyncFailure(
      `${name}: got ${received} of ${size} bytes (the file on the server is cut short)`,
    );
  }
  if (hash.digest('hex') !== sha256) {
    throw new SyncFailure(
      `${name}: its sha256 does not match the manifest (the file on the server is not the one published)`,
    );
  }
}

function networkReason(error: unknown, signal: AbortSignal): string {
  // Aborted from outside: the reason says why (a deadline, a fresh check).
  if (signal.aborted && signal.reason instanceof SyncFailure) return signal.reason.message;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'the server refused the connection (is it down?)';
  if (cause?.code === 'ENOTFOUND') return 'the server name is not known';
  if (cause?.message === 'timed out' || (error as Error).message === 'timed out')
    return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
