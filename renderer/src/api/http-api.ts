/**
 * KioskApi over HTTP, for browser kiosks and remote screens: JSON calls and a server-sent event stream.
 */
import {
  contract,
  ContentSnapshot,
  type CallInput,
  type CallName,
  type CallOutput,
  type KioskApi,
} from '#core/contract';
import { ApiError, checkInput } from './api-error';

/** Upload chunks travel as raw bytes with their ids in the query; everything else as JSON. */
function isChunk(body: unknown): body is { uploadId: string; offset: number; bytes: Uint8Array } {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { bytes?: unknown }).bytes instanceof Uint8Array
  );
}

function query(body: unknown): string {
  if (!isChunk(body)) return '';
  return `?${new URLSearchParams({ uploadId: body.uploadId, offset: String(body.offset) })}`;
}

function encode(body: unknown): RequestInit {
  if (body === undefined) return {};
  if (isChunk(body)) {
    return {
      headers: { 'Content-Type': 'application/octet-stream' },
      body: body.bytes as Uint8Array<ArrayBuffer>,
    };
  }
  return { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** A KioskApi that talks to the host that served this page. */
export function createHttpApi(base = ''): KioskApi {
  // One event stream for every listener of this page: the host bounds streams per address.
  let source: EventSource | undefined;
  let users = 0;
  const listen = (event: string, onMessage: (event: MessageEvent<string>) => void) => {
    // EventSource reconnects by itself when the host restarts.
    const own = (source ??= new EventSource(`${base}/api/events`));
    users++;
    own.addEventListener(event, onMessage);
    return () => {
      own.removeEventListener(event, onMessage);
      if (--users === 0) {
        own.close();
        source = undefined;
      }
    };
  };
  return {
    async invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
      const spec = contract[name];
      const body = checkInput(name, input);
      const response = await fetch(`${base}/api/call/${encodeURIComponent(name)}${query(body)}`, {
        method: 'POST',
        credentials: 'same-origin',
        ...encode(body),
      });
      const json: unknown = await response.json().catch(() => undefined);
      if (!response.ok) throw ApiError.from(json, `${name} failed (HTTP ${response.status})`);
      return spec.output.parse(json) as CallOutput<K>;
    },
    onContentChanged(listener) {
      return listen('content:changed', (event) => {
        const parsed = ContentSnapshot.safeParse(JSON.parse(event.data));
        if (parsed.success) listener(parsed.data);
      });
    },
    onMediaChanged(listener) {
      return listen('media:changed', () => listener());
    },
  };
}
