/**
 * Errors every adapter understands: a code, a message for people, and the problems by field.
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

/** The error body every adapter sends: `{ error: ErrorBody }` over HTTP, the same over IPC. */
export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  problems: z.array(Problem),
  /** Extra facts for the UI: seconds to wait, slides using a file, the current revision. */
  details: z.optional(z.record(z.string(), z.unknown())),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

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
export class KioskError extends Error {
  /** The message without the list of problems. */
  readonly summary: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: Problem[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(problems.length ? `${message}\n${problems.map(formatProblem).join('\n')}` : message);
    this.name = 'KioskError';
    this.summary = message;
  }

  /** The form sent to the other side. */
  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.summary, problems: this.problems };
    if (this.details) body.details = this.details;
    return body;
  }
}

/** Input that breaks a schema: one problem per bad value, each naming its JSON path. */
export class ValidationError extends KioskError {
  constructor(problems: Problem[]) {
    super('invalid-input', 'Some values are not valid:', problems);
    this.name = 'ValidationError';
  }
}
