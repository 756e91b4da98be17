/**
 * The one argument parser every `openness-kiosk` command uses: a declarative list of options on
 * top of Node's `util.parseArgs`, with `--help` and the bad-argument reply (exit 2 with a usage
 * line, as UI-CONTRACT.md promises) written once.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from './main.js';

/** One option: a string (or boolean flag), optionally repeatable or with a default. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  default?: string | boolean;
}

/** A command as the parser sees it: its name in messages, usage line, help text and options. */
export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** The words after `openness-kiosk` that prefix its messages, e.g. `alert` or `keys`. */
  name: string;
  /** The usage line printed after a bad argument. */
  usage: string;
  /** What `--help` prints. */
  help: string;
  options: O;
  /** The command reads positionals itself; otherwise any positional is a bad argument. */
  positionals?: boolean;
}

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? S['multiple'] extends true
    ? boolean[]
    : boolean
  : S['multiple'] extends true
    ? string[]
    : string;

/** The parsed command line of one command. */
export interface ParsedArgs<O extends Record<string, OptionSpec>> {
  values: { [K in keyof O]?: ValueOf<O[K]> };
  positionals: string[];
  /** Print `openness-kiosk NAME: message` and the usage line; returns exit code 2. */
  bad(message: string): number;
}

/** Prints a bad-argument message and the usage line; returns exit code 2. */
export function badArguments(io: CliIo, spec: { name: string; usage: string }, message: string) {
  io.err(`openness-kiosk ${spec.name}: ${message}`);
  io.err(spec.usage);
  return 2;
}

/**
 * Parses `argv` (the words after the command name) against `spec`.
 *
 * Returns the parsed arguments, or the exit code when the command is already answered: 0 after
 * printing the help, 2 after an unknown option, a missing value or an unexpected positional.
 */
export function parseCommand<const O extends Record<string, OptionSpec>>(
  spec: CommandSpec<O>,
  argv: string[],
  io: CliIo,
): ParsedArgs<O> | number {
  const bad = (message: string) => badArguments(io, spec, message);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { help: { type: 'boolean', short: 'h' }, ...spec.options },
    });
  } catch (error) {
    return bad((error as Error).message);
  }
  const { help, ...values } = parsed.values as Record<string, unknown>;
  if (help) {
    io.out(spec.help);
    return 0;
  }
  if (!spec.positionals && parsed.positionals.length > 0) {
    return bad(`unexpected argument "${parsed.positionals[0]}"`);
  }
  return { values: values as ParsedArgs<O>['values'], positionals: parsed.positionals, bad };
}

/**
 * Takes the required subcommand (`pin set`, `keys generate`) off the front of `argv`.
 *
 * Returns the words after it, or the exit code when answered: 0 for `--help`/`-h` in its place,
 * 2 when it is missing or another word.
 */
export function takeSubcommand(
  spec: { name: string; usage: string; help: string },
  subcommand: string,
  argv: string[],
  io: CliIo,
): string[] | number {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h') {
    io.out(spec.help);
    return 0;
  }
  if (first === subcommand) return rest;
  const message = first === undefined ? `needs "${subcommand}"` : `unknown subcommand "${first}"`;
  return badArguments(io, spec, message);
}

/**
 * The data folder from `--data DIR`, resolved (default: `defaultDataDir()`), or exit code 2
 * after "--data needs a folder" when it is given empty.
 */
export function dataDirFrom(
  args: { values: { data?: string }; bad(message: string): number },
  defaultDataDir: () => string,
): string | number {
  if (args.values.data === '') return args.bad('--data needs a folder');
  return path.resolve(args.values.data ?? defaultDataDir());
}
