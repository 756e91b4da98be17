/**
 * Errors from the host, with their code and the problems it listed (field and message).
 */
import { contract, type CallName } from '#core/contract';
import { ErrorBody, type ErrorCode } from '#core/errors';
import { problemsFromZod, type Problem } from '#core/problems';

/** A refused or failed call. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'failed',
    readonly problems: Problem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Build from an error body `{ error: { code, message, problems, details } }`, or a fallback. */
  static from(body: unknown, fallback: string): ApiError {
    const parsed = ErrorBody.safeParse((body as { error?: unknown } | undefined)?.error);
    if (!parsed.success) return new ApiError(fallback);
    const { message, code, problems, details } = parsed.data;
    return new ApiError(message, code, problems, details ?? {});
  }
}

/** Parse a call's input with the contract before it leaves; refuse it as the host would. */
export function checkInput(name: CallName, input: unknown): unknown {
  const parsed = contract[name].input.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = problemsFromZod(name, parsed.error);
  throw new ApiError('Some values are not valid:', 'invalid-input', problems);
}
