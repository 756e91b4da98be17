/**
 * The `openness-kiosk` command line: serve, pin set, validate, publish, keys generate.
 *
 * Exit codes: 0 success, 1 failure (invalid file, port taken), 2 bad arguments.
 */
import os from 'node:os';
import path from 'node:path';
import { Pin } from '#core/contract';
import { PIN_DIGITS_TEXT } from '#core/pin';
import { formatProblem } from '#core/problems';
import { AuthService } from '../auth/auth-service.js';
import { readSecretLine } from '../auth/read-secret.js';
import { DEFAULT_PORT, ListenError, startHost } from '../serve.js';
import { dataDirFrom, parseCommand, takeSubcommand } from './args.js';
import { alertCommand } from './alert-command.js';
import { exportPlaysCommand } from './plays-command.js';
import { keysCommand, publishCommand, validateCommand } from './fleet-commands.js';

/** Where the command writes and how it waits. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the process is asked to stop (Ctrl+C, SIGTERM). */
  untilStopped(): Promise<void>;
  /** One line of standard input, hidden as typed; undefined when the input ends first. */
  readSecret(prompt: string): Promise<string | undefined>;
  /** Standard input is a terminal, where a person types (rather than a pipe). */
  readonly interactive: boolean;
}

const MAIN_USAGE =
  'usage: openness-kiosk <serve|pin|validate|publish|keys|alert|export-plays> [options]   (openness-kiosk <command> --help for more)';

const MAIN_HELP = `${MAIN_USAGE}

Commands:
  serve      serve the player at / and admin at /#/admin, with the JSON API
  pin set    read a new staff PIN from standard input and store its salted hash
  validate   check a content file, playlist or bundle manifest; one line per problem
  publish    write the content as a static bundle for fleet sync
  keys       make an Ed25519 key pair for signing bundles
  alert      show (or clear) a full-screen emergency message over the player
  export-plays  write the slides shown and visitor sessions for a date range as CSV

Run \`npm start\` for the Electron kiosk, \`npm run start:browser\` for a browser kiosk.`;

const SERVE_USAGE = 'usage: openness-kiosk serve [--data DIR] [--port N] [--host H]';

const SERVE = {
  name: 'serve',
  usage: SERVE_USAGE,
  help: `${SERVE_USAGE}

Serves the player at / and admin at /#/admin with the JSON API under /api.
  --data DIR   the kiosk's data folder; an empty folder is seeded with the default content
               (default: ${defaultDataDir()})
  --port N     port to listen on; 0 picks a free port (default: 7777)
  --host H     address to listen on (default: 127.0.0.1, this machine only; every address
               when the "lanAdmin" setting is on). Other machines must sign in with the PIN.
Prints a line with http://HOST:PORT once it listens. Ctrl+C stops it.`,
  options: { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
} as const;

const PIN_USAGE = 'usage: openness-kiosk pin set [--data DIR]';

const PIN = {
  name: 'pin',
  usage: PIN_USAGE,
  help: `${PIN_USAGE}

Reads a new staff PIN (${PIN_DIGITS_TEXT}) from standard input: typed at a terminal, it is asked for
twice and not shown; piped, the first line is used. Stores only its salted scrypt hash, in
auth.json in the data folder; clears any lock-out and signs staff out.
  --data DIR   the kiosk's data folder (default: ${defaultDataDir()})`,
  options: { data: { type: 'string' } },
} as const;

/** The default data folder: per user, where each OS keeps application data. */
export function defaultDataDir(): string {
  if (process.platform === 'win32' && process.env.APPDATA) {
    return path.join(process.env.APPDATA, 'openness-kiosk');
  }
  if (process.platform === 'darwin') {
    return path.join(os.homedir(), 'Library', 'Application Support', 'openness-kiosk');
  }
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'openness-kiosk');
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  readSecret: (prompt) => readSecretLine(prompt),
  interactive: process.stdin.isTTY === true,
};

/** Run the command line; resolves to the exit code. */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.err(MAIN_USAGE);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(MAIN_HELP);
    return 0;
  }
  if (command === '--version') {
    io.out((await import('../app-paths.js')).appPaths().version);
    return 0;
  }
  if (command === 'serve') return serve(rest, io);
  if (command === 'pin') return pin(rest, io);
  if (command === 'validate') return validateCommand(rest, io);
  if (command === 'publish') return publishCommand(rest, io);
  if (command === 'keys') return keysCommand(rest, io);
  if (command === 'alert') return alertCommand(rest, io, defaultDataDir);
  if (command === 'export-plays') return exportPlaysCommand(rest, io, defaultDataDir);
  io.err(`openness-kiosk: unknown command "${command}"`);
  io.err(MAIN_USAGE);
  return 2;
}

async function serve(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommand(SERVE, argv, io);
  if (typeof args === 'number') return args;
  const { values } = args;
  const portText = values.port ?? String(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
    return args.bad(`--port must be a number from 0 to 65535, not "${portText}"`);
  }
  const dataDir = dataDirFrom(args, defaultDataDir);
  if (typeof dataDir === 'number') return dataDir;
  if (values.host === '') return args.bad('--host needs an address');
  let running;
  try {
    running = await startHost({ dataDir, port: Number(portText), host: values.host });
  } catch (error) {
    if (error instanceof ListenError) {
      io.err(`openness-kiosk serve: ${error.message}`);
      return 1;
    }
    io.err(`openness-kiosk serve: cannot start: ${(error as Error).message}`);
    return 1;
  }
  const remote = running.remoteAdmin;
  // Before the line with the URL, which scripts wait for.
  if (remote) {
    io.out(`remote admin: ${remote.url}/#/admin (certificate SHA-256 ${remote.certificateSha256})`);
  }
  io.out(`openness-kiosk is serving ${dataDir} at ${running.url}`);
  io.out(`  player: ${running.url}/   admin: ${running.url}/#/admin`);
  for (const problem of running.store.snapshot().problems)
    io.err(`warning: ${formatProblem(problem)}`);
  await io.untilStopped();
  await running.close();
  return 0;
}

async function pin(argv: string[], io: CliIo): Promise<number> {
  const rest = takeSubcommand(PIN, 'set', argv, io);
  if (typeof rest === 'number') return rest;
  const args = parseCommand(PIN, rest, io);
  if (typeof args === 'number') return args;
  const dataDir = dataDirFrom(args, defaultDataDir);
  if (typeof dataDir === 'number') return dataDir;
  const fail = (message: string) => {
    io.err(`openness-kiosk pin set: ${message}`);
    return 1;
  };
  const entered = (await io.readSecret('New staff PIN: '))?.trim();
  if (!entered) return fail('no PIN was given; nothing was saved.');
  if (!Pin.safeParse(entered).success) {
    return fail(`the PIN must be ${PIN_DIGITS_TEXT} (0-9); nothing was saved.`);
  }
  if (io.interactive && (await io.readSecret('Repeat the PIN: '))?.trim() !== entered) {
    return fail('the two PINs differ; nothing was saved.');
  }
  try {
    const auth = await AuthService.open({ dataDir });
    await auth.setPin(entered);
  } catch (error) {
    return fail((error as Error).message);
  }
  io.out(`Staff PIN saved for ${dataDir}.`);
  return 0;
}
