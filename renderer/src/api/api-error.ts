/**
 * Errors from the host, with the problems it listed (field and message), for staff to read.
 */
import * as z from 'zod/mini';
import { Problem } from '../../../core/problems';

/** A refused or failed call. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Build from an error body `{ error: { message, problems } }`, or a fallback message. */
  static from(body: unknown, fallback: string): ApiError {
    const error = (body as { error?: { message?: unknown; problems?: unknown } } | undefined)
      ?.error;
    const problems = z.array(Problem).safeParse(error?.problems);
    const message = typeof error?.message === 'string' ? error.message : fallback;
    return new ApiError(message, problems.success ? problems.data : []);
  }
}
