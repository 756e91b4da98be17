/**
 * The renderer's one error for a refused or failed call, built from the host's KioskFailure.
 */
import { contract, type CallName, type KioskApi } from '#core/contract';
import { KioskFailure, type ErrorCode } from '#core/errors';
import { problemsFromZod, type Problem } from '#core/problems';

type Merge<U> = (U extends unknown ? (u: U) => void : never) extends (m: infer M) => void
  ? M
  : never;

/** Every code's details in one object, each field optional: read it where the code is known. */
export type AnyDetails = Partial<
  Merge<NonNullable<Extract<KioskFailure, { details?: unknown }>['details']>>
>;

/** A refused or failed call: the failure the host sent, as an Error. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly problems: Problem[];
  readonly details: AnyDetails;

  constructor(readonly failure: KioskFailure) {
    super(failure.message);
    this.name = 'ApiError';
    this.code = failure.code;
    this.problems = failure.problems;
    this.details = ('details' in failure && failure.details) || {};
  }

  /** Build from a failure as received (checked with the schema), or a `failed` with `fallback`. */
  static from(failure: unknown, fallback: string): ApiError {
    const parsed = KioskFailure.safeParse(failure);
    return new ApiError(
      parsed.success ? parsed.data : { code: 'failed', message: fallback, problems: [] },
    );
  }

  /** Any error as an ApiError (one that is not keeps its message, as `failed`). */
  static of(error: unknown): ApiError {
    if (error instanceof ApiError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new ApiError({ code: 'failed', message, problems: [] });
  }
}

/** Parse a call's input with the contract before it leaves; refuse it as the host would. */
export function checkInput(name: CallName, input: unknown): unknown {
  const parsed = contract[name].input.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = problemsFromZod(name, parsed.error);
  throw new ApiError({ code: 'invalid-input', message: 'Some values are not valid:', problems });
}

/**
 * Send one checked input; answer with the Reply as it arrived (its parts not yet checked), and
 * for a failure the message to show if it is not a KioskFailure.
 */
export type Transport = (
  name: CallName,
  input: unknown,
) => Promise<{ ok: true; value: unknown } | { ok: false; error: unknown; fallback?: string }>;

/**
 * A KioskApi `invoke` over a transport: check the input, then the output with the contract, and
 * throw a failure as an ApiError; the one client logic for both the IPC bridge and HTTP.
 */
export function checkedInvoke(send: Transport): KioskApi['invoke'] {
  return async (name, input) => {
    const reply = await send(name, checkInput(name, input));
    if (!reply.ok) throw ApiError.from(reply.error, reply.fallback ?? `${name} failed`);
    return contract[name].output.parse(reply.value) as never;
  };
}
