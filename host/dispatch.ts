/**
 * Validate and run one KioskApi call: the single entry point every adapter goes through.
 */
import { contract, isCallName, type Handlers } from '../core/contract.js';
import { ValidationError } from '../core/errors.js';
import { problemsFromZod } from '../core/problems.js';

/** A call name that is not in the contract. */
export class UnknownCallError extends Error {
  constructor(name: unknown) {
    super(`unknown call ${JSON.stringify(name)}`);
    this.name = 'UnknownCallError';
  }
}

/** Parse the input with the contract, run the handler, and parse its output too. */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  input: unknown,
): Promise<unknown> {
  if (!isCallName(name)) throw new UnknownCallError(name);
  const spec = contract[name];
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) throw new ValidationError(problemsFromZod(name, parsed.error));
  const handler = handlers[name] as (input: unknown) => Promise<unknown>;
  const output = await handler(parsed.data);
  return spec.output.parse(output);
}
