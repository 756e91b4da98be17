/**
 * Errors every adapter understands: a code, a message for people, the problems by field, and
 * facts typed per code; and the {@link Reply} every call answers with.
 */
import * as z from 'zod/mini';
import { formatProblem, Problem } from './problems.js';

/** Why a call failed. Adapters map each code to their own form (an HTTP status, an IPC reply). */
export const ErrorCode = z.enum([
  'invalid-input',
  'unknown-call',
  'unauthorized',
  'forbidden',
  'wrong-pin',
  /** A signed-in call that also needs the PIN again (what reaches beyond the screen). */
  'pin-required',
  'locked-out',
  'conflict',
  'in-use',
  'too-large',
  'unsupported-type',
  'not-found',
  'busy',
  'failed',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Extra facts for the UI and scripts, by code; codes not listed here carry none. */
export const ErrorDetails = {
  /** What a damaged or incomplete file was taken for, the bad captions line, bytes so far. */
  'invalid-input': z.object({
    detected: z.optional(z.string()),
    line: z.optional(z.number()),
    received: z.optional(z.number()),
    size: z.optional(z.number()),
  }),
  /** Tries left before a pause. */
  'wrong-pin': z.object({ attemptsLeft: z.number() }),
  /** The settings that need the PIN again (none for a publish). */
  'pin-required': z.object({ fields: z.array(z.string()) }),
  /** Seconds to wait, and when the PIN lock-out ends (ms since 1970) where there is one. */
  'locked-out': z.object({ retryAfterSec: z.number(), lockedUntil: z.optional(z.number()) }),
  /** The revision saved now, or how many uploads may run at once. */
  conflict: z.object({ revision: z.optional(z.string()), maxUploads: z.optional(z.number()) }),
  /** The slides that use a file. */
  'in-use': z.object({ slides: z.array(z.string()) }),
  /** The limit in bytes. */
  'too-large': z.object({ limit: z.number() }),
  /** The type the file was found to be, and the codec refused. */
  'unsupported-type': z.object({ detected: z.optional(z.string()), codec: z.optional(z.string()) }),
} as const;

/** The codes that carry details. */
type DetailedCode = keyof typeof ErrorDetails;

/** The details a code carries (never for codes without any). */
export type DetailsOf<C extends ErrorCode> = C extends DetailedCode
  ? z.infer<(typeof ErrorDetails)[C]>
  : never;

const withDetails = <C extends DetailedCode>(code: C) =>
  z.object({
    code: z.literal(code),
    message: z.string(),
    problems: z.array(Problem),
    details: z.optional(ErrorDetails[code]),
  });

/**
 * Why a call failed, the one form every adapter sends: `{ error: KioskFailure }` over HTTP, the
 * `error` of a {@link Reply} over IPC, and what the renderer's ApiError is built from.
 */
export const KioskFailure = z.discriminatedUnion('code', [
  withDetails('invalid-input'),
  withDetails('wrong-pin'),
  withDetails('pin-required'),
  withDetails('locked-out'),
  withDetails('conflict'),
  withDetails('in-use'),
  withDetails('too-large'),
  withDetails('unsupported-type'),
  z.object({
    code: z.enum(['unknown-call', 'unauthorized', 'forbidden', 'not-found', 'busy', 'failed']),
    message: z.string(),
    problems: z.array(Problem),
  }),
]);
export type KioskFailure = z.infer<typeof KioskFailure>;

/** What every call answers: its value, or why it failed. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: KioskFailure };

/** HTTP status for each error code. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  'invalid-input': 400,
  'unknown-call': 404,
  unauthorized: 401,
  forbidden: 403,
  'wrong-pin': 401,
  'pin-required': 403,
  'locked-out': 429,
  conflict: 409,
  'in-use': 409,
  'too-large': 413,
  'unsupported-type': 415,
  'not-found': 404,
  busy: 503,
  failed: 500,
};

/** A call refused for a reason the caller can act on. */
export class KioskError<C extends ErrorCode = ErrorCode> extends Error {
  /** The message without the list of problems. */
  readonly summary: string;

  constructor(
    readonly code: C,
    message: string,
    readonly problems: Problem[] = [],
    readonly details?: DetailsOf<C>,
  ) {
    super(problems.length ? `${message}\n${problems.map(formatProblem).join('\n')}` : message);
    this.name = 'KioskError';
    this.summary = message;
  }

  /** Whether this error has `code`; narrows its details to that code's. */
  is<K extends ErrorCode>(code: K): this is KioskError<K> {
    return (this.code as ErrorCode) === code;
  }

  /** The form sent to the other side. */
  toFailure(): KioskFailure {
    const failure = { code: this.code, message: this.summary, problems: this.problems };
    return (this.details ? { ...failure, details: this.details } : failure) as KioskFailure;
  }
}

/** Input that breaks a schema: one problem per bad value, each naming its JSON path. */
export class ValidationError extends KioskError<'invalid-input'> {
  constructor(problems: Problem[]) {
    super('invalid-input', 'Some values are not valid:', problems);
    this.name = 'ValidationError';
  }
}

/**
 * Describe anything a call threw as a failure: a KioskError as itself, anything else as `failed`
 * with its message (or `hidden`, where the caller must not see internals).
 */
export function failureOf(error: unknown, hidden?: string): KioskFailure {
  if (error instanceof KioskError) return error.toFailure();
  const message = hidden ?? (error instanceof Error ? error.message : String(error));
  return { code: 'failed', message, problems: [] };
}
