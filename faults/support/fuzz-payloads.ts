/**
 * Random KioskApi requests for the HTTP fuzz run (fast-check): every call name and unknown ones,
 * valid inputs and their mutations, random JSON, deep nesting, and the ways a payload travels.
 */
import fc from 'fast-check';
import { callNames, isCallName, type AdminState, type CallName } from '#core/contract';
import {
  applyAll,
  defineOwn,
  isObj,
  junkValue,
  mutationsArb,
  weirdKey,
  type Obj,
} from './json-mutations.js';

/** A payload before it is put on the wire: a value, or exact JSON text. */
export interface Payload {
  label: string;
  value?: unknown;
  /** Sent as is instead of JSON.stringify(value) (deep nesting, broken JSON). */
  text?: string;
}

/** How a payload travels. */
export type Transport =
  | { kind: 'json'; contentType: string }
  | { kind: 'bad-json'; text: string }
  | { kind: 'other-type'; contentType: string | undefined }
  | { kind: 'octet'; bytes: Uint8Array; query: string };

/** One request of the fuzz run. */
export interface HttpCase {
  name: string;
  signedIn: boolean;
  payload: Payload;
  transport: Transport;
}

/** Stands for the current revision; filled in when sent. */
export const REVISION = '<<current revision>>';
/** The host's limit on a JSON body (host/http/server.ts). */
export const BODY_LIMIT = 1024 * 1024;
/** An upload id that is well formed but never in progress. */
export const UPLOAD_ID = '00000000-0000-4000-8000-000000000000';

/** A valid input of each call (the revision is filled in when sent). */
export function validInputs(admin: AdminState): Record<CallName, unknown> {
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
export function nested(depth: number, arrays: boolean, field: string | undefined): string {
  const inner = arrays
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return field === undefined ? inner : `{${JSON.stringify(field)}:${inner}}`;
}

/** Random payloads for call `name`: valid, mutated, random, odd. */
export function payloadArb(name: string, valid: unknown): fc.Arbitrary<Payload> {
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

/** Random ways to send a payload: JSON, broken JSON, another type, bytes. */
export const transportArb = (name: string): fc.Arbitrary<Transport> =>
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

/** Call names that are not in the contract. */
export const unknownNameArb = fc.oneof(
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

/** One random request of the fuzz run. */
export function httpCaseArb(valid: Record<CallName, unknown>): fc.Arbitrary<HttpCase> {
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
