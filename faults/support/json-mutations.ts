/**
 * JSON values for the fuzz tests: walking them, their paths as core/problems.ts writes them, and
 * random mutations (fast-check) of valid inputs and files.
 */
import fc from 'fast-check';

/** A step of a JSON path: a key or an index. */
export type Key = string | number;
/** A JSON object. */
export type Obj = Record<string, unknown>;

/** Whether a value is a plain JSON object (not an array, not null). */
export const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Whether a value is an object or an array. */
export const isContainer = (value: unknown): value is Obj | unknown[] =>
  typeof value === 'object' && value !== null;

/** Set an own property, `__proto__` included (a plain assignment would set the prototype). */
export function defineOwn(target: object, key: Key, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Every node of a JSON value with its path, breadth first (iterative: values may nest deeply). */
export function nodesOf(root: unknown, limit = 5000): Key[][] {
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

/** The value at `where` in `root` (undefined when the path is missing). */
export function getAt(root: unknown, where: readonly Key[]): unknown {
  let node = root;
  for (const key of where) node = (node as Record<Key, unknown>)[key];
  return node;
}

/** A copy of `root` with the value at `where` replaced (or removed when `remove`). */
export function setAt(
  root: unknown,
  where: readonly Key[],
  value: unknown,
  remove = false,
): unknown {
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

/** What a mutation may do to a node. */
export const MUTATIONS = [
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
/** One kind of mutation. */
export type MutationOp = (typeof MUTATIONS)[number];
/** One mutation, with the random choices it needs. */
export interface Mutation {
  op: MutationOp;
  pick: number;
  junk: unknown;
  key: string;
  size: number;
}

/** Numbers that JSON carries but schemas often forget. */
export const ODD_NUMBERS = [
  -1,
  0,
  0.5,
  -0.5,
  1e21,
  -1e21,
  2 ** 53 + 2,
  4_294_967_296,
  1e308,
  -1e308,
];
/** Strings that break careless code: paths, markup, control characters. */
export const ODD_STRINGS = [
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
export function mutate(root: unknown, { op, pick, junk, key, size }: Mutation): unknown {
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

/** Keys that are not what a schema expects, prototype keys included. */
export const weirdKey = fc.oneof(
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
/** Any JSON value, odd ones more often. */
export const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...ODD_NUMBERS, ...ODD_STRINGS, null, true, [], {}),
);
/** One random mutation. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...MUTATIONS),
  pick: fc.nat(),
  junk: junkValue,
  key: weirdKey,
  size: fc.nat(),
});
/** One to four random mutations. */
export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 4 });
/** Apply mutations in order. */
export const applyAll = (root: unknown, list: Mutation[]) => list.reduce(mutate, root);

/** Parse a path as core/problems.ts jsonPath writes it (`$.a[0]["b c"]`); undefined if malformed. */
export function parseJsonPath(text: string): Key[] | undefined {
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
export function pathFits(value: unknown, where: string): boolean {
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
export function poisoned(root: unknown): boolean {
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

/** The start of a body, for messages. */
export const excerpt = (text: string | Buffer | undefined, max = 300) => {
  if (text === undefined) return '(no body)';
  const s = typeof text === 'string' ? text : `<${text.length} bytes>`;
  return s.length > max ? `${s.slice(0, max)}... (${s.length} chars)` : s;
};
