/**
 * Fuzzing with fast-check, from a fixed seed (printed; `FUZZ_SEED=<n>` repeats another run).
 *
 * KioskApi over HTTP: 10,000 random and malformed payloads against the real host (startHost, a
 * real port, a real data folder in a temporary sandbox), spread over every call name and unknown
 * ones, signed in as staff and not: random JSON, wrong types, missing and extra fields, huge
 * strings, deep nesting, `__proto__` and `constructor` keys, mutations of valid inputs, bodies that
 * are not JSON, of the wrong Content-Type or empty, and upload chunks with junk ids and offsets.
 * Every answer is a 2xx only for a payload the contract accepts, else a 4xx with the API's error
 * body naming the call and the JSON path of each bad value (checked to exist in what was sent);
 * never a 5xx. A payload the contract refuses changes no file in the data folder; one it accepts
 * may change only the files of its call. The host keeps answering /api/health, the staff session
 * stays live, and nothing unexpected is logged.
 *
 * Content files: 10,000 random and malformed content.json and settings.json texts (random bytes,
 * truncated files, wrong schema versions, mutated valid files, deep nesting, prototype keys) read
 * the way the store reads them (readValidated with the store's schemas and migration), then 400
 * more through the full ContentStore: reloaded over good content, and opened in a fresh folder.
 * Each gives problems that name the file and the JSON path of what is wrong, never an exception;
 * the store keeps its last good content (or the shipped default when there is none), and the bad
 * file stays byte for byte as staff left it, with nothing else written.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  callNames,
  contract,
  Health,
  isCallName,
  type AdminState,
  type CallName,
} from '../core/contract.js';
import { ErrorBody, HTTP_STATUS } from '../core/errors.js';
import { migrateContent } from '../core/migrations.js';
import { ContentFile, Settings } from '../core/schema.js';
import {
  CONTENT_FILE,
  ContentStore,
  LAST_GOOD_DIR,
  readValidated,
  SETTINGS_FILE,
} from '../host/content-store.js';
import { HISTORY_DIR } from '../host/history-store.js';
import { appPaths } from '../host/app-paths.js';
import { startHost, type RunningHost } from '../host/serve.js';
import { PIN } from './support/host-process.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_514);
const HTTP_RUNS = 10_000;
const FILE_RUNS = 10_000;
const STORE_RUNS = 200; // per scenario: reload over good content, and open in a fresh folder

const paths = appPaths();

// ---------------------------------------------------------------------------------------------
// JSON values: walking, paths, mutations.

type Key = string | number;
type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isContainer = (value: unknown): value is Obj | unknown[] =>
  typeof value === 'object' && value !== null;

/** Set an own property, `__proto__` included (a plain assignment would set the prototype). */
function defineOwn(target: object, key: Key, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Every node of a JSON value with its path, breadth first (iterative: values may nest deeply). */
function nodesOf(root: unknown, limit = 5000): Key[][] {
  const out: Key[][] = [];
  const queue: [Key[], unknown][] = [[[], root]];
  for (let i = 0; i < queue.length && out.length < limit; i++) {
    const [where, value] = queue[i]!;
    out.push(where);
    if (Array.isArray(value)) value.forEach((v, k) => queue.push([[...where, k], v]));
    else if (isObj(value))
      for (const k of Object.keys(value)) queue.push([[...where, k], value[k]]);
  }
  return out;
}

function getAt(root: unknown, where: readonly Key[]): unknown {
  let node = root;
  for (const key of where) node = (node as Record<Key, unknown>)[key];
  return node;
}

/** A copy of `root` with the value at `where` replaced (or removed when `remove`). */
function setAt(root: unknown, where: readonly Key[], value: unknown, remove = false): unknown {
  if (where.length === 0) return value;
  const copy = structuredClone(root);
  const parent = getAt(copy, where.slice(0, -1));
  const last = where.at(-1)!;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (remove) parent.splice(last, 1);
    else parent[last] = value;
  } else if (isContainer(parent)) {
    if (remove) delete (parent as Obj)[last];
    else defineOwn(parent, last, value);
  }
  return copy;
}

const MUTATIONS = [
  'delete',
  'replace',
  'retype',
  'add-key',
  'huge',
  'number',
  'string',
  'empty',
  'duplicate',
  'proto',
] as const;
type MutationOp = (typeof MUTATIONS)[number];
interface Mutation {
  op: MutationOp;
  pick: number;
  junk: unknown;
  key: string;
  size: number;
}

const ODD_NUMBERS = [-1, 0, 0.5, -0.5, 1e21, -1e21, 2 ** 53 + 2, 4_294_967_296, 1e308, -1e308];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'NaN',
  'null',
  '2026-02-30',
  '25:00',
  'en-',
  'a'.repeat(65),
  '🇧🇪'.repeat(20),
  'builtin:art/../../x.svg',
  'media:' + 'f'.repeat(64) + '.exe',
];

/** Apply one mutation to a node picked among all the value's nodes. */
function mutate(root: unknown, { op, pick, junk, key, size }: Mutation): unknown {
  const all = nodesOf(root);
  const where = all[pick % all.length]!;
  const node = getAt(root, where);
  switch (op) {
    case 'delete':
      return where.length ? setAt(root, where, undefined, true) : undefined;
    case 'replace':
      return setAt(root, where, junk);
    case 'retype': {
      const flip = pick % 2 === 0;
      const other =
        typeof node === 'string'
          ? flip
            ? node.length
            : [node]
          : typeof node === 'number'
            ? flip
              ? String(node)
              : node > 0
            : typeof node === 'boolean'
              ? flip
                ? String(node)
                : Number(node)
              : node === null
                ? {}
                : Array.isArray(node)
                  ? flip
                    ? { ...node }
                    : node.length
                  : flip
                    ? [node]
                    : 'object';
      return setAt(root, where, other);
    }
    case 'add-key': {
      if (Array.isArray(node)) return setAt(root, [...where, node.length], junk);
      if (!isObj(node)) return setAt(root, where, { [key]: junk });
      const copy = structuredClone(node);
      defineOwn(copy, key, junk);
      return setAt(root, where, copy);
    }
    case 'huge':
      return setAt(root, where, 'x'.repeat(10_000 + (size % 190_000)));
    case 'number':
      return setAt(root, where, ODD_NUMBERS[pick % ODD_NUMBERS.length]);
    case 'string':
      return setAt(root, where, ODD_STRINGS[pick % ODD_STRINGS.length]);
    case 'empty':
      return setAt(root, where, Array.isArray(node) ? [] : isObj(node) ? {} : '');
    case 'duplicate': {
      if (Array.isArray(node) && node.length) {
        return setAt(root, where, [...node, structuredClone(node[pick % node.length])]);
      }
      const parent = getAt(root, where.slice(0, -1));
      if (Array.isArray(parent)) return setAt(root, where.slice(0, -1), [...parent, node]);
      return setAt(root, where, [node, node]);
    }
    case 'proto': {
      const target = isObj(node) ? structuredClone(node) : {};
      const poison = [
        ['__proto__', { polluted: true }],
        ['constructor', { prototype: { polluted: true } }],
        ['constructor', 'x'],
        ['prototype', { polluted: true }],
      ] as const;
      const [name, value] = poison[pick % poison.length]!;
      defineOwn(target, name, value);
      return setAt(root, where, target);
    }
  }
}

const weirdKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '',
    ' ',
    '$',
    '.',
    '[0]',
    '\u0000',
    'en',
    'id',
    'pin',
  ),
  fc.string({ maxLength: 12 }),
);
const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...ODD_NUMBERS, ...ODD_STRINGS, null, true, [], {}),
);
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...MUTATIONS),
  pick: fc.nat(),
  junk: junkValue,
  key: weirdKey,
  size: fc.nat(),
});
const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });
const applyAll = (root: unknown, list: Mutation[]) => list.reduce(mutate, root);

/** Parse a path as core/problems.ts jsonPath writes it (`$.a[0]["b c"]`); undefined if malformed. */
function parseJsonPath(text: string): Key[] | undefined {
  if (!text.startsWith('$')) return undefined;
  const out: Key[] = [];
  let i = 1;
  while (i < text.length) {
    const rest = text.slice(i);
    const ident = /^\.([A-Za-z_$][\w$]*)/.exec(rest);
    const index = /^\[(\d+)\]/.exec(rest);
    if (ident) {
      out.push(ident[1]!);
      i += ident[0].length;
    } else if (index) {
      out.push(Number(index[1]));
      i += index[0].length;
    } else if (rest.startsWith('["')) {
      let j = 2;
      while (j < rest.length && rest[j] !== '"') j += rest[j] === '\\' ? 2 : 1;
      if (rest[j + 1] !== ']') return undefined;
      out.push(JSON.parse(rest.slice(1, j + 1)) as string);
      i += j + 2;
    } else return undefined;
  }
  return out;
}

/** Whether a problem's path points into `value`: every step but the last must exist. */
function pathFits(value: unknown, where: string): boolean {
  const keys = parseJsonPath(where);
  if (!keys) return false;
  let node = value;
  for (const key of keys.slice(0, -1)) {
    if (!isContainer(node) || !Object.hasOwn(node, key)) return false;
    node = (node as Record<Key, unknown>)[key];
  }
  return keys.length === 0 || isContainer(node);
}

/** What Fastify's JSON parser refuses besides bad JSON: `__proto__` and `constructor.prototype`. */
function poisoned(root: unknown): boolean {
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (!isContainer(node)) continue;
    if (Object.hasOwn(node, '__proto__')) return true;
    const ctor = (node as Obj).constructor;
    if (Object.hasOwn(node, 'constructor') && isContainer(ctor) && Object.hasOwn(ctor, 'prototype'))
      return true;
    for (const key in node) queue.push((node as Obj)[key]);
  }
  return false;
}

const excerpt = (text: string | Buffer | undefined, max = 300) => {
  if (text === undefined) return '(no body)';
  const s = typeof text === 'string' ? text : `<${text.length} bytes>`;
  return s.length > max ? `${s.slice(0, max)}... (${s.length} chars)` : s;
};

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Every file under `dir` with its sha256, by path relative to `dir` (folders end with `/`). */
async function snapshotDir(dir: string, skip: (rel: string) => boolean = () => false) {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const rel = path.relative(dir, full).split(path.sep).join('/');
      if (skip(rel)) return;
      if (entry.isDirectory()) files.set(`${rel}/`, 'dir');
      else files.set(rel, sha256(await readFile(full).catch(() => Buffer.from('(gone)'))));
    }),
  );
  return files;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

// ---------------------------------------------------------------------------------------------
// Part 1: KioskApi payloads over HTTP.

/** A raw HTTP answer. */
interface Reply {
  status: number;
  text: string;
  headers: http.IncomingHttpHeaders;
}

/** One keep-alive connection per loopback address, so per-address rate limits are not the test. */
const agents = Array.from(
  { length: 128 },
  (_, i) => new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.1.0.${i + 1}` }),
);
let nextAgent = 0;

function request(
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

/** A payload before it is put on the wire: a value, or exact JSON text. */
interface Payload {
  label: string;
  value?: unknown;
  /** Sent as is instead of JSON.stringify(value) (deep nesting, broken JSON). */
  text?: string;
}

/** How a payload travels. */
type Transport =
  | { kind: 'json'; contentType: string }
  | { kind: 'bad-json'; text: string }
  | { kind: 'other-type'; contentType: string | undefined }
  | { kind: 'octet'; bytes: Uint8Array; query: string };

/** One request of the fuzz run. */
interface HttpCase {
  name: string;
  signedIn: boolean;
  payload: Payload;
  transport: Transport;
}

const REVISION = '<<current revision>>';
/** The host's limit on a JSON body (host/http/server.ts). */
const BODY_LIMIT = 1024 * 1024;
const UPLOAD_ID = '00000000-0000-4000-8000-000000000000';

/** A valid input of each call (the revision is filled in when sent). */
function validInputs(admin: AdminState): Record<CallName, unknown> {
  const at = '2026-05-01T10:00:00Z';
  return {
    'content:get': undefined,
    'health:get': undefined,
    'auth:status': undefined,
    'auth:unlock': { pin: '2468' },
    'auth:lock': undefined,
    'auth:create-pin': { pin: '1234' },
    'auth:change-pin': { currentPin: '0000', newPin: '98765' },
    'admin:get': undefined,
    'content:save': { baseRevision: REVISION, content: admin.content },
    'settings:save': { baseRevision: REVISION, settings: admin.settings },
    'history:list': undefined,
    'history:get': { id: '1' },
    'history:restore': { baseRevision: REVISION, id: '1' },
    'media:upload-begin': { name: 'photo.png', size: 1000 },
    'media:upload-chunk': { uploadId: UPLOAD_ID, offset: 0, bytes: [137, 80, 78, 71] },
    'media:upload-finish': { uploadId: UPLOAD_ID },
    'media:upload-cancel': { uploadId: UPLOAD_ID },
    'media:delete': { ref: `media:${'a'.repeat(64)}.png` },
    'fleet:status': undefined,
    'fleet:sync-now': undefined,
    'fleet:roll-back': undefined,
    'fleet:publish': { outDir: 'bundle', keyFile: 'bundle-signing.key', pin: '246810' },
    'alert:get': undefined,
    'alert:set': { text: { en: 'Fire drill at noon', fr: 'Exercice incendie' } },
    'alert:clear': undefined,
    'alert:templates': undefined,
    'alert:save-template': { name: 'Fire drill', text: { en: 'Fire drill at noon' } },
    'alert:delete-template': { name: 'Fire drill' },
    'player:report': { kind: 'media-error', slideId: 'intro', message: 'the video did not play' },
    'player:showing': { playlistId: 'openness', slideId: 'intro', lang: 'en', since: at },
    'plays:record': {
      records: [
        {
          type: 'play',
          start: at,
          end: '2026-05-01T10:00:12Z',
          playlistId: 'openness',
          slideId: 'intro',
          lang: 'en',
          trigger: 'automatic',
        },
        {
          type: 'session',
          start: at,
          end: '2026-05-01T10:02:00Z',
          slidesSeen: 3,
          lang: 'fr',
          ended: 'walk-away',
        },
      ],
    },
    'analytics:get': { from: '2026-01-01', to: '2026-01-31' },
    'analytics:export': { from: '2026-01-01', to: '2026-01-31' },
  };
}

/** Deeply nested JSON text, alone or as the value of a field of the valid input. */
function nested(depth: number, arrays: boolean, field: string | undefined): string {
  const inner = arrays
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return field === undefined ? inner : `{${JSON.stringify(field)}:${inner}}`;
}

function payloadArb(name: string, valid: unknown): fc.Arbitrary<Payload> {
  const keys = isObj(valid) ? Object.keys(valid) : [];
  const fields = keys.length ? keys : ['x'];
  const field = fc.constantFrom(...fields);
  const entries = (value: unknown) => (isObj(value) ? Object.entries(value) : []);
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.constant({ label: 'valid', value: valid }) },
      {
        weight: 8,
        arbitrary: mutationsArb.map((list) => ({
          label: `mutated (${list.map((m) => m.op).join(', ')})`,
          value: applyAll(valid, list),
        })),
      },
      {
        weight: 3,
        arbitrary: fc
          .oneof(
            fc.jsonValue({ maxDepth: 4 }),
            fc.anything({ maxDepth: 3, withNullPrototype: false }).map((v) => {
              try {
                return JSON.parse(JSON.stringify(v) ?? 'null') as unknown;
              } catch {
                return null;
              }
            }),
          )
          .map((value) => ({ label: 'random JSON', value })),
      },
      {
        weight: 3,
        arbitrary: fc
          .array(junkValue, { minLength: fields.length, maxLength: fields.length })
          .map((junk) => ({
            label: 'wrong types',
            value: Object.fromEntries(fields.map((key, i) => [key, junk[i]])),
          })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.subarray(fields), fc.dictionary(weirdKey, junkValue, { maxKeys: 4 }))
          .map(([kept, extra]) => {
            const value: Obj = {};
            for (const [key, v] of entries(valid)) if (kept.includes(key)) value[key] = v;
            for (const [key, v] of Object.entries(extra)) defineOwn(value, key, v);
            return { label: 'missing and extra fields', value };
          }),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), junkValue, fc.boolean())
          .map(([key, junk, top]) => {
            const value: Obj = isObj(valid) ? structuredClone(valid) : {};
            const poison = key === 'constructor' ? { prototype: { polluted: junk } } : junk;
            const target = top || !isObj(value[fields[0]!]) ? value : (value[fields[0]!] as Obj);
            defineOwn(target, key, poison);
            return { label: `prototype key ${key}`, value };
          }),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(field, fc.integer({ min: 50_000, max: 1_100_000 }))
          .map(([key, length]) => ({
            label: `huge string (${length})`,
            value: { ...(isObj(valid) ? valid : {}), [key]: 'é'.repeat(length / 2) },
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean(), fc.option(field))
          .map(([depth, arrays, key]) => ({
            label: `nested ${depth} deep`,
            text: nested(depth, arrays, key ?? undefined),
          })),
      },
    )
    .map((payload) => ({ ...payload, label: `${name}: ${payload.label}` }));
}

const transportArb = (name: string): fc.Arbitrary<Transport> =>
  fc.oneof(
    {
      weight: 40,
      arbitrary: fc
        .constantFrom('application/json', 'application/json; charset=utf-8')
        .map((contentType) => ({ kind: 'json' as const, contentType })),
    },
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            '',
            ' ',
            '{',
            '{"a":1,}',
            "{'pin':'1234'}",
            'NaN',
            'undefined',
            '{"pin":"1234"}}',
            '\u0000',
            '\ufeff{}',
            '[1,2',
            '"\\x"',
          ),
          fc.string({ maxLength: 60 }),
          fc.string({
            unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', 'a', '\\', ' ', 'n'),
            maxLength: 40,
          }),
        )
        .map((text) => ({ kind: 'bad-json' as const, text })),
    },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(
          'text/plain',
          'text/html',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
          'image/png',
          'application/json-patch+json',
          'APPLICATION/JSON',
          'application/octet-stream',
          undefined,
        )
        .map((contentType) => ({ kind: 'other-type' as const, contentType })),
    },
    {
      weight: name === 'media:upload-chunk' ? 20 : 1,
      arbitrary: fc
        .tuple(
          fc.uint8Array({ maxLength: 3000 }),
          fc.option(fc.oneof(fc.constant(UPLOAD_ID), fc.string({ maxLength: 40 }))),
          fc.option(fc.oneof(fc.integer({ min: -5, max: 5000 }).map(String), fc.string())),
          fc.boolean(),
        )
        .map(([bytes, uploadId, offset, twice]) => {
          const query = new URLSearchParams();
          if (uploadId !== null) query.append('uploadId', uploadId);
          if (offset !== null) query.append('offset', offset);
          if (twice) query.append('offset', '0');
          return { kind: 'octet' as const, bytes, query: `?${query}` };
        }),
    },
  );

const unknownNameArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'CONTENT:GET',
    'content:get ',
    'content',
    'files:delete',
    '..',
    'x'.repeat(150),
  ),
  fc.constantFrom(...callNames).map((name) => `${name}x`),
);

function httpCaseArb(valid: Record<CallName, unknown>): fc.Arbitrary<HttpCase> {
  const known = fc
    .constantFrom(...callNames)
    .chain((name) =>
      fc.tuple(fc.constant(name), payloadArb(name, valid[name]), transportArb(name)),
    );
  const unknown = unknownNameArb
    .filter((name) => !isCallName(name))
    .chain((name) => fc.tuple(fc.constant(name), payloadArb(name, {}), transportArb(name)));
  return fc
    .tuple(
      fc.oneof({ weight: 19, arbitrary: known }, { weight: 1, arbitrary: unknown }),
      fc.boolean(),
    )
    .map(([[name, payload, transport], signedIn]) => {
      const c: HttpCase = { name, signedIn, payload, transport };
      // fast-check prints counterexamples with this, rather than megabytes of payload.
      Object.defineProperty(c, fc.toStringMethod, {
        value: () =>
          `${signedIn ? 'staff' : 'anyone'} ${JSON.stringify(name)} ${payload.label} via ${transport.kind}`,
      });
      return c;
    });
}

/** What the route hands to dispatch, if the body gets that far. */
type Seen =
  | { kind: 'value'; value: unknown }
  | { kind: 'refused' } // Fastify refuses the body itself: not JSON, or prototype keys
  | { kind: 'too-large' } // over the 1 MiB body limit
  | { kind: 'unknown' };

interface Wire {
  headers: Record<string, string>;
  body?: string | Buffer;
  query: string;
  seen: Seen;
}

/** What Fastify makes of JSON text: the value, or a refusal (bad JSON, prototype keys). */
function parseLikeFastify(text: string): Seen {
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

function toWire(c: HttpCase, text: string | undefined): Wire {
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
const WRITES: Partial<Record<CallName, string[]>> = {
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
const mayWrite = (name: string, file: string) =>
  isCallName(name) &&
  (WRITES[name] ?? []).some((allowed) =>
    allowed.endsWith('/') ? file.startsWith(allowed) : file === allowed,
  );

describe('fuzz: KioskApi payloads over HTTP', () => {
  let sandbox: string;
  let dataDir: string;
  let host: RunningHost;
  let cookie: string;
  const unexpected: unknown[][] = [];

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=<n> runs another one)`);
    sandbox = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fuzz-http-'));
    dataDir = path.join(sandbox, 'data');
    await mkdir(dataDir);
    host = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
    // The player's reports go to stderr; the host's unexpected errors too (kept, to fail on).
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      unexpected.push(args);
    });
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    await host?.close();
    for (const agent of agents) agent.destroy();
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
  });

  const call = (name: string, body: unknown, withCookie: boolean) =>
    request(
      host.url,
      'POST',
      `/api/call/${encodeURIComponent(name)}`,
      {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(withCookie ? { cookie } : {}),
      },
      body === undefined ? undefined : JSON.stringify(body),
    );

  it(`answers ${HTTP_RUNS} random and malformed payloads with clear 4xx errors, writing nothing`, async () => {
    const started = Date.now();
    // Staff session: the PIN is created at the kiosk itself (these requests are local).
    const created = await call('auth:create-pin', { pin: PIN }, false);
    expect(created.status, created.text).toBe(200);
    cookie = /^(kiosk_session=[^;]*)/.exec([created.headers['set-cookie']].flat()[0] ?? '')![1]!;
    const admin = JSON.parse((await call('admin:get', undefined, true)).text) as AdminState;
    const valid = validInputs(admin);

    const outcomes = new Map<string, number>();
    const accepted = new Set<string>();
    const refused = new Set<string>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    const skipLogs = (rel: string) => rel === 'logs/' || rel.startsWith('logs/');
    let before = await snapshotDir(dataDir, skipLogs);
    let runs = 0;
    const recent: string[] = [];

    await fc.assert(
      fc.asyncProperty(httpCaseArb(valid), async (c) => {
        runs++;
        let { signedIn } = c;
        let value = c.payload.value;
        const { name } = c;
        // Valid inputs that would end the fuzzer's own staff session or reach outside the sandbox
        // are steered: the real PIN is never sent, a valid lock goes out signed out, a publish
        // goes into the sandbox, a sync URL is dropped.
        const validNow = (v: unknown) =>
          isCallName(name) && contract[name].input.safeParse(v).success;
        if (isObj(value) && value.baseRevision === REVISION) {
          const current = JSON.parse((await call('content:get', undefined, false)).text) as {
            revision: string;
          };
          value = { ...value, baseRevision: current.revision };
        }
        if (isObj(value)) {
          let v: Obj = value;
          for (const key of ['pin', 'currentPin'])
            if (v[key] === PIN) v = { ...v, [key]: '000000' };
          if (isObj(v.settings) && 'syncManifestUrl' in v.settings) {
            const { syncManifestUrl: _dropped, ...settings } = v.settings;
            v = { ...v, settings };
          }
          if (name === 'fleet:publish' && validNow(v)) v = { outDir: 'bundle', pin: v.pin };
          value = v;
        }

        const text =
          c.payload.text ?? (value === undefined ? undefined : (JSON.stringify(value) as string));
        const wire = toWire(c, text);
        const seen = wire.seen;
        if (name === 'auth:lock' && seen.kind === 'value' && validNow(seen.value)) signedIn = false;
        const route = `/api/call/${encodeURIComponent(name)}${wire.query}`;
        const headers = signedIn ? { ...wire.headers, cookie } : wire.headers;
        const reply = await request(host.url, 'POST', route, headers, wire.body);
        const after = await snapshotDir(dataDir, skipLogs);
        const changed = changedFiles(before, after);
        before = after;

        const what = `${c.payload.label} via ${c.transport.kind} ${JSON.stringify(wire.headers)}${
          signedIn ? ' (staff)' : ''
        }: ${excerpt(wire.body)}\n-> ${reply.status} ${excerpt(reply.text, 600)}`;
        recent.push(
          `${signedIn ? 'S' : '-'} ${name} ${c.transport.kind} ${excerpt(wire.body, 150)} -> ${reply.status} ${excerpt(reply.text, 150)}`,
        );
        if (recent.length > 40) recent.shift();
        const spec = isCallName(name) ? contract[name] : undefined;
        const inputValid =
          seen.kind === 'value' ? spec?.input.safeParse(seen.value).success === true : undefined;
        const reachable = spec !== undefined && (spec.access !== 'staff' || signedIn);

        expect(reply.status, what).toBeGreaterThanOrEqual(200);
        expect(reply.status, `a server error for ${what}`).toBeLessThan(500);
        let body: { error?: unknown } = {};
        expect(
          () => (body = JSON.parse(reply.text) as typeof body),
          `not JSON: ${what}`,
        ).not.toThrow();
        count(`${reply.status}`);

        if (reply.status < 300) {
          expect(reply.status, what).toBe(200);
          expect(spec, `an unknown call answered: ${what}`).toBeDefined();
          expect(inputValid, `accepted an input the contract refuses: ${what}`).not.toBe(false);
          expect(spec!.access !== 'staff' || signedIn, `past the staff gate: ${what}`).toBe(true);
          count('accepted');
          accepted.add(name);
        } else {
          expect(reply.status, what).toBeLessThan(500);
          const error = ErrorBody.safeParse(body.error);
          expect(error.success, `not the API's error body: ${what}`).toBe(true);
          const { code, message, problems } = error.data!;
          expect(HTTP_STATUS[code], what).toBe(reply.status);
          expect(message.trim(), what).not.toBe('');
          for (const problem of problems) {
            expect(problem.message.trim(), what).not.toBe('');
            expect(problem.path, what).toMatch(/^\$/);
            expect(parseJsonPath(problem.path), `a malformed path: ${what}`).toBeDefined();
          }
          count(`${code}`);
          if (code === 'locked-out') {
            // The PIN lock-out, never the per-address rate limit (the requests are spread out).
            expect(message, what).toMatch(/^Too many wrong PINs/);
          }
          if (signedIn && spec?.access === 'staff') {
            expect(
              code,
              `the staff session was lost: ${what}\nafter:\n${recent.join('\n')}`,
            ).not.toBe('unauthorized');
          }
          if (!spec && name.length > 100) {
            // The router refuses a name this long before reading the body.
            expect(code, what).toBe('unknown-call');
            expect(message, what).toMatch(/^unknown call: .*at most 100 characters/);
          } else if (seen.kind === 'too-large') {
            expect(code, what).toBe('too-large');
            expect(problems, what).toEqual([{ source: name, path: '$', message }]);
          } else if (seen.kind === 'refused') {
            // Fastify refused the body (not JSON, prototype keys): before any call ran.
            expect(code, what).toBe('invalid-input');
            expect(problems, what).toEqual([{ source: name, path: '$', message }]);
          } else if (!spec && seen.kind === 'value') {
            expect(code, what).toBe('unknown-call');
            expect(message, what).toBe(`unknown call ${JSON.stringify(name)}`);
          } else if (seen.kind === 'value' && !reachable) {
            expect(code, `the staff gate: ${what}`).toBe('unauthorized');
          } else if (seen.kind === 'value' && inputValid === false) {
            // Refused by the contract: one problem per bad value, each at a path in the input.
            expect(code, what).toBe('invalid-input');
            expect(problems.length, what).toBeGreaterThan(0);
            for (const problem of problems) {
              expect(problem.source, what).toBe(name);
              expect(pathFits(seen.value, problem.path), `${problem.path} is not in: ${what}`).toBe(
                true,
              );
            }
            count('refused by the contract');
            refused.add(`${name}${signedIn ? ' (staff)' : ''}`);
          } else if (code === 'invalid-input' && spec) {
            // Refused by the handler (a size, a path; its problems name what it checks, such as
            // `alert` or `settings`) or by Fastify (a body it cannot take).
            for (const problem of problems) expect(problem.source.trim(), what).not.toBe('');
            count('refused by the handler');
          }
        }

        // Nothing written unless the call took the input (a wrong PIN counts its try).
        const tookInput =
          reply.status < 300 || (inputValid !== false && /^auth:/.test(name) && spec !== undefined);
        // A call that asks for the PIN again counts a wrong one too (core/security-policy.ts).
        const pinTried =
          inputValid !== false && (name === 'settings:save' || name === 'fleet:publish');
        const stray = changed.filter(
          (file) => !((tookInput && mayWrite(name, file)) || (pinTried && file === 'auth.json')),
        );
        expect(stray, `files changed by ${what}`).toEqual([]);
        if (changed.length) count('wrote');

        if (runs % 250 === 0) {
          const health = await request(host.url, 'GET', '/api/health', {});
          expect(health.status, health.text).toBe(200);
          expect(Health.safeParse(JSON.parse(health.text)).success, health.text).toBe(true);
        }
        expect(unexpected, `the host logged an unexpected error after ${what}`).toEqual([]);
      }),
      { seed: SEED, numRuns: HTTP_RUNS },
    );

    // Still answering, still signed in, and the runs did reach what they were meant to.
    const health = await request(host.url, 'GET', '/api/health', {});
    expect(health.status).toBe(200);
    const status = JSON.parse((await call('auth:status', undefined, true)).text) as {
      unlocked: boolean;
    };
    expect(status.unlocked).toBe(true);
    const logs = await readdir(path.join(dataDir, 'logs'));
    for (const log of logs) {
      expect(await readFile(path.join(dataDir, 'logs', log), 'utf8')).not.toContain('call failed');
    }
    const table = Object.fromEntries([...outcomes].sort(([a], [b]) => a.localeCompare(b)));
    console.log(
      `fuzz http: ${runs} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      table,
    );
    expect(runs).toBeGreaterThanOrEqual(HTTP_RUNS);
    expect(outcomes.get('refused by the contract') ?? 0).toBeGreaterThan(HTTP_RUNS / 3);
    expect(outcomes.get('accepted') ?? 0).toBeGreaterThan(100);
    // Every call's own validation was reached, the staff calls' with a live session too.
    for (const name of callNames) {
      const staff = contract[name].access === 'staff';
      expect(refused, name).toContain(staff ? `${name} (staff)` : name);
    }
    for (const name of ['content:save', 'settings:save', 'alert:set', 'plays:record'] as const) {
      expect(accepted, `no valid ${name} went through`).toContain(name);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Part 2: content files on disk.

type FileName = typeof CONTENT_FILE | typeof SETTINGS_FILE;

/** A file staff might leave in the data folder, with what must come of it when that is certain. */
interface FileCase {
  file: FileName;
  label: string;
  bytes: Buffer;
  /** false: it must be refused; true: it must be taken; undefined: either, but cleanly. */
  expectValid?: boolean;
  /** A problem the refusal must include (path and message pattern). */
  expectProblem?: { path: string; message: RegExp };
}

function fileCaseArb(shipped: Record<FileName, string>): fc.Arbitrary<FileCase> {
  const files = fc.constantFrom<FileName>(CONTENT_FILE, SETTINGS_FILE);
  const text = (s: string) => Buffer.from(s, 'utf8');
  const base = (file: FileName) => JSON.parse(shipped[file]) as Obj;
  const make = (file: FileName, rest: Omit<FileCase, 'file'>): FileCase => {
    const c = { file, ...rest };
    // fast-check prints counterexamples with this, rather than the whole file.
    Object.defineProperty(c, fc.toStringMethod, {
      value: () => `${file}: ${rest.label}: ${excerpt(rest.bytes.toString('utf8'), 200)}`,
    });
    return c;
  };

  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc
        .tuple(files, fc.uint8Array({ maxLength: 4096 }))
        .map(([file, bytes]) =>
          make(file, { label: 'random bytes', bytes: Buffer.from(bytes), expectValid: false }),
        ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          files,
          fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
        )
        .map(([file, s]) => make(file, { label: 'random text', bytes: text(s) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(files, fc.jsonValue({ maxDepth: 5 }))
        .map(([file, value]) =>
          make(file, { label: 'random JSON', bytes: text(JSON.stringify(value)) }),
        ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(files, fc.nat()).map(([file, n]) => {
        const whole = shipped[file];
        const cut = n % whole.lastIndexOf('}');
        return make(file, {
          label: `truncated at ${cut}`,
          bytes: text(whole.slice(0, cut)),
          expectValid: false,
          expectProblem: { path: '$', message: /^not valid JSON/ },
        });
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          files,
          fc.oneof(
            fc.constantFrom<unknown>(0, -1, 1.5, '2', null, true, [], {}, 2 ** 53, 1e308),
            fc.integer({ min: 3, max: 10_000 }),
          ),
        )
        .map(([file, version]) => {
          const newer =
            file === CONTENT_FILE && typeof version === 'number' && Number.isInteger(version);
          return make(file, {
            label: `schemaVersion ${JSON.stringify(version)}`,
            bytes: text(JSON.stringify({ ...base(file), schemaVersion: version }, null, 2)),
            // (null counts as version 1 in a content file, whose fields then do not fit.)
            expectValid: false,
            expectProblem:
              newer && (version as number) > 2
                ? { path: '$.schemaVersion', message: /newer version of the kiosk/ }
                : undefined,
          });
        }),
    },
    {
      weight: 1,
      // A version 1 content file (from before schedules): migrated, not refused.
      arbitrary: fc.boolean().map((withVersion) => {
        const { defaultPlaylistId, schemaVersion: _v, ...rest } = base(CONTENT_FILE);
        const v1 = withVersion
          ? { schemaVersion: 1, activePlaylistId: defaultPlaylistId, ...rest }
          : { activePlaylistId: defaultPlaylistId, ...rest };
        return make(CONTENT_FILE, {
          label: `valid version 1${withVersion ? '' : ' (no version)'}`,
          bytes: text(JSON.stringify(v1)),
          expectValid: true,
        });
      }),
    },
    {
      weight: 1,
      arbitrary: files.map((file) =>
        make(file, { label: 'shipped', bytes: text(shipped[file]), expectValid: true }),
      ),
    },
    {
      weight: 10,
      arbitrary: fc.tuple(files, mutationsArb, fc.boolean()).map(([file, list, pretty]) => {
        const value = applyAll(base(file), list);
        return make(file, {
          label: `mutated (${list.map((m) => m.op).join(', ')})`,
          bytes: text(JSON.stringify(value, null, pretty ? 2 : undefined) ?? ''),
        });
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(files, fc.integer({ min: 100, max: 50_000 }), fc.boolean())
        .map(([file, depth, arrays]) =>
          make(file, {
            label: `nested ${depth} deep`,
            bytes: text(
              `{"schemaVersion":2,"defaultPlaylistId":"openness","playlists":${nested(depth, arrays, undefined)}}`,
            ),
            expectValid: false,
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(files, fc.boolean(), fc.constantFrom('\ufeff', '\u0000', ' \n\t', '// note\n', 'x'))
        .map(([file, first, piece]) => {
          const whole = shipped[file];
          return make(file, {
            label: `${JSON.stringify(piece)} ${first ? 'before' : 'after'} the shipped file`,
            bytes: text(first ? piece + whole : whole + piece),
            // Whitespace is fine anywhere; a BOM (see the report) or anything else is not JSON.
            expectValid: /^[ \t\n\r]+$/.test(piece),
          });
        }),
    },
  );
}

/** What must hold of every refusal: problems that name the file, a path in it and what is wrong. */
function checkProblems(
  c: FileCase,
  problems: { source: string; path: string; message: string }[],
  what: string,
): void {
  expect(problems.length, what).toBeGreaterThan(0);
  let parsed: unknown;
  try {
    parsed = JSON.parse(c.bytes.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  // Paths are in the file as migrated (a version 1 file's fields are renamed first).
  const migrated = c.file === CONTENT_FILE ? migrateContent(parsed) : undefined;
  const target = migrated?.ok ? migrated.value : parsed;
  for (const problem of problems) {
    expect(problem.source, what).toBe(c.file);
    expect(problem.message.trim(), what).not.toBe('');
    expect(problem.path, what).toMatch(/^\$/);
    expect(pathFits(target, problem.path), `${problem.path} is not in the file: ${what}`).toBe(
      true,
    );
  }
  if (parsed === undefined) {
    expect(problems, what).toEqual([
      { source: c.file, path: '$', message: expect.stringMatching(/^not valid JSON: /) },
    ]);
  }
  if (c.expectProblem) {
    expect(problems, what).toContainEqual({
      source: c.file,
      path: c.expectProblem.path,
      message: expect.stringMatching(c.expectProblem.message),
    });
  }
}

const schemaOf = (file: FileName) =>
  file === CONTENT_FILE
    ? ([ContentFile, migrateContent] as const)
    : ([Settings, undefined] as const);

describe('fuzz: content files', () => {
  let sandbox: string;
  let shipped: Record<FileName, string>;
  const cases = () => fileCaseArb(shipped);

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (FUZZ_SEED=<n> runs another one)`);
    sandbox = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fuzz-files-'));
    shipped = {
      [CONTENT_FILE]: await readFile(path.join(paths.assetsDir, 'content', CONTENT_FILE), 'utf8'),
      [SETTINGS_FILE]: await readFile(path.join(paths.assetsDir, 'content', SETTINGS_FILE), 'utf8'),
    };
  });

  afterAll(async () => {
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
  });

  it(`reads ${FILE_RUNS} random and malformed files as the store does: problems, never a throw`, async () => {
    const started = Date.now();
    const dir = path.join(sandbox, 'read');
    await mkdir(dir);
    const tally = { valid: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(cases(), async (c) => {
        const file = path.join(dir, c.file);
        await writeFile(file, c.bytes);
        const [schema, migrate] = schemaOf(c.file);
        const what = `${c.file}: ${c.label}: ${excerpt(c.bytes.toString('utf8'))}`;
        const result = await readValidated(file, c.file, schema, migrate);
        if (c.expectValid !== undefined) expect(result.ok, what).toBe(c.expectValid);
        if (result.ok) {
          tally.valid++;
          expect(schema.safeParse(result.value).success, what).toBe(true);
        } else {
          tally.refused++;
          checkProblems(c, result.problems, what);
        }
        expect((await readFile(file)).equals(c.bytes), `the file changed: ${what}`).toBe(true);
      }),
      { seed: SEED, numRuns: FILE_RUNS },
    );
    console.log(
      `fuzz files: ${FILE_RUNS} files read in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      tally,
    );
    expect(tally.valid).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(FILE_RUNS / 2);
  });

  it(`reloads ${STORE_RUNS} bad files over good content: keeps the last good copy, writes nothing`, async () => {
    const dataDir = path.join(sandbox, 'reload');
    const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
    const good = {
      [CONTENT_FILE]: store.snapshot().content,
      [SETTINGS_FILE]: store.snapshot().settings,
    };
    const valueOf = (file: FileName) =>
      file === CONTENT_FILE ? store.snapshot().content : store.snapshot().settings;
    try {
      await fc.assert(
        fc.asyncProperty(cases(), async (c) => {
          const what = `${c.file}: ${c.label}: ${excerpt(c.bytes.toString('utf8'))}`;
          const file = path.join(dataDir, c.file);
          const [schema, migrate] = schemaOf(c.file);
          const other = c.file === CONTENT_FILE ? SETTINGS_FILE : CONTENT_FILE;
          await writeFile(file, c.bytes);
          const verdict = await readValidated(file, c.file, schema, migrate);
          const before = await snapshotDir(dataDir);

          const snapshot = await store.reload();
          const after = await snapshotDir(dataDir);
          const problems = snapshot.problems.filter((p) => p.source === c.file);
          if (verdict.ok) {
            expect(problems, what).toEqual([]);
            expect(valueOf(c.file), what).toEqual(verdict.value);
            good[c.file] = verdict.value as never;
            // Only a migration rewrites the file (keeping the original beside the last good copy).
            const allowed = [`${LAST_GOOD_DIR}/${c.file}`];
            if (verdict.migratedFrom !== undefined) {
              allowed.push(c.file, `${LAST_GOOD_DIR}/${c.file}.v${verdict.migratedFrom}`);
            }
            expect(
              changedFiles(before, after).filter((f) => !allowed.includes(f)),
              what,
            ).toEqual([]);
          } else {
            checkProblems(c, verdict.problems, what);
            expect(problems, what).toEqual([
              ...verdict.problems,
              { source: c.file, path: '$', message: 'playing the last good copy instead' },
            ]);
            expect(valueOf(c.file), `not the last good copy: ${what}`).toEqual(good[c.file]);
            expect(changedFiles(before, after), `files written: ${what}`).toEqual([]);
            expect((await readFile(file)).equals(c.bytes), `the bad file changed: ${what}`).toBe(
              true,
            );
          }
          expect(valueOf(other), what).toEqual(good[other]);
        }),
        { seed: SEED + 1, numRuns: STORE_RUNS },
      );
    } finally {
      store.close();
    }
  });

  it(`opens ${STORE_RUNS} bad files with no good copy: plays the defaults, writes nothing`, async () => {
    const defaults = {
      [CONTENT_FILE]: ContentFile.parse(migrateContentOk(JSON.parse(shipped[CONTENT_FILE]))),
      [SETTINGS_FILE]: Settings.parse(JSON.parse(shipped[SETTINGS_FILE])),
    };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(cases(), async (c) => {
        const what = `${c.file}: ${c.label}: ${excerpt(c.bytes.toString('utf8'))}`;
        const dataDir = path.join(sandbox, `open-${n++}`);
        await mkdir(dataDir);
        const file = path.join(dataDir, c.file);
        await writeFile(file, c.bytes);
        const [schema, migrate] = schemaOf(c.file);
        const verdict = await readValidated(file, c.file, schema, migrate);
        const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
        try {
          const snapshot = store.snapshot();
          const value = c.file === CONTENT_FILE ? snapshot.content : snapshot.settings;
          const problems = snapshot.problems.filter((p) => p.source === c.file);
          const files = await snapshotDir(dataDir);
          const other = c.file === CONTENT_FILE ? SETTINGS_FILE : CONTENT_FILE;
          if (verdict.ok) {
            expect(problems, what).toEqual([]);
            expect(value, what).toEqual(verdict.value);
          } else {
            checkProblems(c, verdict.problems, what);
            expect(problems, what).toEqual([
              ...verdict.problems,
              { source: c.file, path: '$', message: 'playing the default content instead' },
            ]);
            expect(value, `not the defaults: ${what}`).toEqual(defaults[c.file]);
            expect((await readFile(file)).equals(c.bytes), `the bad file changed: ${what}`).toBe(
              true,
            );
            // Only the missing file was seeded: the bad one never became a last good copy. (The
            // history's folder is made at open; it stays empty until a save.)
            expect([...files.keys()].sort(), what).toEqual(
              [
                c.file,
                other,
                `${LAST_GOOD_DIR}/`,
                `${LAST_GOOD_DIR}/${other}`,
                `${HISTORY_DIR}/`,
              ].sort(),
            );
          }
        } finally {
          store.close();
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
      { seed: SEED + 2, numRuns: STORE_RUNS },
    );
  });
});

function migrateContentOk(json: unknown): unknown {
  const migrated = migrateContent(json);
  if (!migrated.ok) throw new Error(migrated.message);
  return migrated.value;
}
