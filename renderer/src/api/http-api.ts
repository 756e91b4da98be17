/**
 * KioskApi over HTTP, for browser kiosks and remote screens: JSON calls and a server-sent event stream.
 */
import { ContentSnapshot, type KioskApi } from '#core/contract';
import { checkedInvoke } from './api-error';

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
    // The wire keeps its HTTP form: the value as the body, a failure as `{ error }` with a status.
    invoke: checkedInvoke(async (name, body) => {
      const response = await fetch(`${base}/api/call/${encodeURIComponent(name)}${query(body)}`, {
        method: 'POST',
        credentials: 'same-origin',
        ...encode(body),
      });
      const json: unknown = await response.json().catch(() => undefined);
      if (response.ok) return { ok: true, value: json };
      const error = (json as { error?: unknown } | undefined)?.error;
      return { ok: false, error, fallback: `${name} failed (HTTP ${response.status})` };
    }),
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
