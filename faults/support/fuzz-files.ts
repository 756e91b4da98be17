/**
 * Random content.json and settings.json files for the file fuzz run (fast-check), and what must
 * hold of the problems the store reports for them.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { migrateContent } from '#core/migrations';
import { ContentFile, Settings } from '#core/schema';
import { CONTENT_FILE, SETTINGS_FILE } from '../../host/content-store.js';
import { nested } from './fuzz-payloads.js';
import { applyAll, excerpt, mutationsArb, pathFits, type Obj } from './json-mutations.js';

/** The files staff may edit by hand. */
export type FileName = typeof CONTENT_FILE | typeof SETTINGS_FILE;

/** A file staff might leave in the data folder, with what must come of it when that is certain. */
export interface FileCase {
  file: FileName;
  label: string;
  bytes: Buffer;
  /** false: it must be refused; true: it must be taken; undefined: either, but cleanly. */
  expectValid?: boolean;
  /** A problem the refusal must include (path and message pattern). */
  expectProblem?: { path: string; message: RegExp };
}

/** Random content and settings files, from the shipped ones. */
export function fileCaseArb(shipped: Record<FileName, string>): fc.Arbitrary<FileCase> {
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
export function checkProblems(
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

/** The store's schema for a file. */
export const schemaOf = (file: FileName) =>
  file === CONTENT_FILE
    ? ([ContentFile, migrateContent] as const)
    : ([Settings, undefined] as const);
