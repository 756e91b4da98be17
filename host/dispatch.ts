/**
 * Validate and run one KioskApi call: the single entry point every adapter goes through.
 */
import { contract, isCallName, type CallContext, type Handlers } from '#core/contract';
import {
  failureOf,
  KioskError,
  ValidationError,
  type KioskFailure,
  type Reply,
} from '#core/errors';
import { problemsFromZod } from '#core/problems';

/** A call name that is not in the contract. */
export class UnknownCallError extends KioskError {
  constructor(name: unknown) {
    super('unknown-call', `unknown call ${JSON.stringify(name)}`);
    this.name = 'UnknownCallError';
  }
}

/** Whether the caller holds a live staff session. */
export type StaffCheck = (context: CallContext) => boolean;

/**
 * Check who may make the call, parse the input with the contract, run the handler, and parse
 * its output too.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  context: CallContext,
  isStaff: StaffCheck,
): Promise<unknown> {
  if (!isCallName(name)) throw new UnknownCallError(name);
  const spec = contract[name];
  if (spec.access === 'staff' && !isStaff(context)) {
    throw new KioskError('unauthorized', 'Staff access is locked. Unlock it with the staff PIN.');
  }
  if (spec.access === 'local' && !context.local) {
    throw new KioskError('forbidden', 'This can only be done at the kiosk itself.');
  }
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) throw new ValidationError(problemsFromZod(name, parsed.error));
  const handler = handlers[name] as (input: unknown, context: CallContext) => Promise<unknown>;
  const output = await handler(parsed.data, context);
  return spec.output.parse(output);
}

/**
 * {@link dispatch}, with what it throws turned into a failure by `describe` (by default the
 * error's own message): the Reply every adapter sends on, as is.
 */
export async function dispatchReply(
  handlers: Handlers,
  name: unknown,
  input: unknown,
  context: CallContext,
  isStaff: StaffCheck,
  describe: (error: unknown) => KioskFailure = failureOf,
): Promise<Reply<unknown>> {
  try {
    return { ok: true, value: await dispatch(handlers, name, input, context, isStaff) };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

/** A context for callers without sessions: tests and internal calls. */
export function anonymousContext(local: boolean): CallContext {
  return {
    local,
    sessionId: undefined,
    startSession: () => undefined,
    endSession: () => undefined,
  };
}
