/**
 * The staff PIN file, `auth.json`: its schema, and reading and writing it.
 */
import { readFileSync, statSync } from 'node:fs';
import * as z from 'zod/mini';
import { problemsFromZod, type Problem } from '#core/problems';
import { writeAtomic } from '../atomic-write.js';

/** Name of the PIN file inside the data folder. */
export const AUTH_FILE = 'auth.json';

const base64 = (min: number, max: number) =>
  z
    .string()
    .check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'), z.minLength(min), z.maxLength(max));

const powerOfTwo = z
  .int()
  .check(z.refine((n) => n >= 16 && n <= 2 ** 20 && (n & (n - 1)) === 0, 'must be a power of two'));

/** A PIN as stored: a salted scrypt hash and the parameters that made it, never the PIN. */
export const PinRecord = z.object({
  algorithm: z.literal('scrypt'),
  // Bounded so a tampered file cannot make each try eat gigabytes or minutes.
  N: powerOfTwo,
  r: z.int().check(z.gte(1), z.lte(32)),
  p: z.int().check(z.gte(1), z.lte(16)),
  salt: base64(16, 88),
  hash: base64(24, 88),
});
export type PinRecord = z.infer<typeof PinRecord>;

/** Wrong tries and lock-outs, kept on disk so a restart does not clear them. */
export const LockoutState = z.object({
  /** Wrong tries in a row since the last lock-out or success. */
  failures: z.int().check(z.gte(0)),
  /** Lock-outs in a row since the last success; each one lasts twice as long. */
  lockouts: z.int().check(z.gte(0)),
  /** Epoch ms when the current lock-out ends, or null. */
  lockedUntil: z.nullable(z.number()),
});
export type LockoutState = z.infer<typeof LockoutState>;

/** One network source's wrong tries, and when it last got one wrong. */
export const SourceLockout = z.extend(LockoutState, { lastFailureAt: z.number() });
export type SourceLockout = z.infer<typeof SourceLockout>;

/** Wrong tries from the network: per address, and the times of the latest ones (host/auth/lockout.ts). */
export const NetworkLockouts = z.object({
  sources: z.record(z.string().check(z.minLength(1), z.maxLength(64)), SourceLockout),
  failures: z.array(z.number()).check(z.maxLength(1000)),
});
export type NetworkLockouts = z.infer<typeof NetworkLockouts>;

/** The whole of `auth.json`. */
export const AuthFile = z.object({
  schemaVersion: z.literal(1),
  pin: z.nullable(PinRecord),
  /** The kiosk's own screen. */
  lockout: LockoutState,
  /** Every other source; absent in files written before it was counted apart. */
  network: z._default(NetworkLockouts, () => ({ sources: {}, failures: [] })),
});
export type AuthFile = z.infer<typeof AuthFile>;

/** The part of `auth.json` that counts wrong tries. */
export type LockoutBook = Pick<AuthFile, 'lockout' | 'network'>;

/** The state of a data folder with no `auth.json`: no PIN, no failures. */
export function emptyAuthFile(): AuthFile {
  return {
    schemaVersion: 1,
    pin: null,
    lockout: { failures: 0, lockouts: 0, lockedUntil: null },
    network: { sources: {}, failures: [] },
  };
}

/**
 * Read `auth.json`: a missing file is an empty one; a damaged file comes back with its problems.
 *
 * Synchronous because it is small and read only when its stamp changes.
 */
export function readAuthFile(file: string): { file: AuthFile; problems: Problem[] } {
  const empty = emptyAuthFile();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { file: empty, problems: [] };
    return { file: empty, problems: [problem('$', `cannot read the file (${code})`)] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text around the fault, which could be part of the hash.
    return { file: empty, problems: [problem('$', 'not valid JSON')] };
  }
  const parsed = AuthFile.safeParse(json);
  if (parsed.success) return { file: parsed.data, problems: [] };
  return { file: empty, problems: problemsFromZod(AUTH_FILE, parsed.error) };
}

/** Write `auth.json` atomically, readable by its owner only. */
export async function writeAuthFile(file: string, data: AuthFile): Promise<void> {
  // Owner-only: a short PIN's hash can be brute-forced offline by whoever can read it.
  await writeAtomic(file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
}

/** Changes whenever the file is replaced or edited (an atomic write gives it a new inode). */
export function fileStamp(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code}`;
  }
}

function problem(jsonPath: string, message: string): Problem {
  return { source: AUTH_FILE, path: jsonPath, message };
}
