/**
 * The operator's switches and environment variables, parsed before anything else starts.
 *
 * Electron and Chromium put their own switches in argv too (`--no-sandbox`,
 * `--ozone-platform=wayland`, `--enable-logging`, ...), so unknown switches and positionals are
 * ignored; only our own are checked, and a bad value is an error. A switch beats its variable.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PORT } from '../../host/serve.js';
import { isLogLevel, LOG_LEVELS, type LogLevel } from './logger.js';

/** Which monitor the kiosk fills. */
export type DisplayChoice =
  { kind: 'primary' } | { kind: 'index'; index: number } | { kind: 'id'; id: number };

/** Everything the operator can choose at launch. */
export interface KioskOptions {
  /** Print the usage and exit. */
  help: boolean;
  /** The data folder (absolute). */
  dataDir: string;
  display: DisplayChoice;
  /** A normal, resizable window instead of the full-screen kiosk. */
  windowed: boolean;
  /** Open the staff screens (`#/admin`) instead of the player. */
  admin: boolean;
  logLevel: LogLevel;
  /** The port remote admin listens on when the `lanAdmin` setting is on. */
  adminPort: number;
}

/** A bad switch or variable; its message says which and why. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The text `--help` prints. */
export const USAGE = `Usage: openness-kiosk [options]

Options (each has an environment variable; the switch wins when both are set):
  --data DIR          data folder (content, settings, media)     KIOSK_DATA_DIR
                      default: <userData>/data
  --display N         monitor to fill: an index into the list    KIOSK_DISPLAY
                      the log prints at start (0 = first),
                      id:<display id>, or primary (default)
  --windowed          a normal resizable window, not the kiosk   KIOSK_WINDOWED=1
                      (for trying it out on a laptop)
  --admin             open the staff screens instead of the      KIOSK_START_ADMIN=1
                      player
  --log-level LEVEL   ${LOG_LEVELS.join('|')} (default: info)           KIOSK_LOG_LEVEL
  --admin-port N      port of remote admin, when the "lanAdmin"  KIOSK_ADMIN_PORT
                      setting is on (default: ${DEFAULT_PORT})
  -h, --help          print this help and exit

Exit codes: 0 after --help, 2 for a bad switch or variable.`;

const OPTIONS = {
  data: { type: 'string' },
  display: { type: 'string' },
  windowed: { type: 'boolean' },
  admin: { type: 'boolean' },
  'log-level': { type: 'string' },
  'admin-port': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Parse a display choice: `primary`, a 0-based index, or `id:<display id>`. */
export function parseDisplay(value: string, source: string): DisplayChoice {
  const text = value.trim().toLowerCase();
  if (text === 'primary') return { kind: 'primary' };
  const id = /^id:(\d+)$/.exec(text);
  if (id) return { kind: 'id', id: Number(id[1]) };
  if (/^\d+$/.test(text)) return { kind: 'index', index: Number(text) };
  throw new UsageError(
    `${source}: "${value}" is not a display; use an index (0, 1, ...), id:<display id> or primary`,
  );
}

/** Parse an on/off variable such as KIOSK_WINDOWED; unset or empty means off. */
export function parseFlag(value: string | undefined, source: string): boolean {
  const text = (value ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(text)) return false;
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  throw new UsageError(`${source}: "${value}" is not on or off; use 1 or 0`);
}

function parseLevel(value: string, source: string): LogLevel {
  const text = value.trim().toLowerCase();
  if (isLogLevel(text)) return text;
  throw new UsageError(`${source}: "${value}" is not a log level; use ${LOG_LEVELS.join(', ')}`);
}

function parsePort(value: string, source: string): number {
  const text = value.trim();
  if (/^\d{1,5}$/.test(text) && Number(text) <= 65535) return Number(text);
  throw new UsageError(`${source}: "${value}" is not a port; use a number from 0 to 65535`);
}

/** Our own switches from argv, checked; everything else on the command line is left alone. */
function readSwitches(argv: readonly string[]): Partial<Record<OptionName, string | boolean>> {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const found: Partial<Record<OptionName, string | boolean>> = {};
  for (const token of tokens) {
    if (token.kind !== 'option' || !(token.name in OPTIONS)) continue;
    const name = token.name as OptionName;
    if (OPTIONS[name].type === 'string') {
      // Without strict parsing, `--data` at the end, or `--data --windowed`, comes with no value.
      if (!token.value || token.value.startsWith('--')) {
        throw new UsageError(`${token.rawName} needs a value`);
      }
      found[name] = token.value;
    } else {
      if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value`);
      found[name] = true;
    }
  }
  return found;
}

/**
 * The kiosk's options from argv and the environment; throws {@link UsageError} on a bad value.
 *
 * `userData` is Electron's per-user folder, under which the default data folder lives.
 */
export function parseKioskOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userData: string,
): KioskOptions {
  const given = readSwitches(argv);
  const defaults: KioskOptions = {
    help: true,
    dataDir: path.join(userData, 'data'),
    display: { kind: 'primary' },
    windowed: false,
    admin: false,
    logLevel: 'info',
    adminPort: DEFAULT_PORT,
  };
  // --help always works, even when a variable holds a bad value.
  if (given.help === true) return defaults;
  const text = (name: OptionName, variable: string) => {
    const value = given[name];
    if (typeof value === 'string') return { value, source: `--${name}` };
    const fromEnv = env[variable];
    return fromEnv ? { value: fromEnv, source: variable } : undefined;
  };
  const flag = (name: OptionName, variable: string) =>
    given[name] === true || parseFlag(env[variable], variable);

  const data = text('data', 'KIOSK_DATA_DIR');
  const display = text('display', 'KIOSK_DISPLAY');
  const level = text('log-level', 'KIOSK_LOG_LEVEL');
  const port = text('admin-port', 'KIOSK_ADMIN_PORT');
  return {
    help: false,
    dataDir: data ? path.resolve(data.value) : defaults.dataDir,
    display: display ? parseDisplay(display.value, display.source) : defaults.display,
    windowed: flag('windowed', 'KIOSK_WINDOWED'),
    admin: flag('admin', 'KIOSK_START_ADMIN'),
    logLevel: level ? parseLevel(level.value, level.source) : defaults.logLevel,
    adminPort: port ? parsePort(port.value, port.source) : defaults.adminPort,
  };
}

/** Where optionsOrExit prints and how it exits. */
export interface OptionsIo {
  out(text: string): void;
  err(text: string): void;
  exit(code: number): void;
}

/**
 * The options, or null after printing the usage (`--help`, exit 0) or an error and the usage
 * (a bad switch or variable, exit 2). Runs before any window exists.
 */
export function optionsOrExit(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userData: string,
  io: OptionsIo,
): KioskOptions | null {
  let options: KioskOptions;
  try {
    options = parseKioskOptions(argv, env, userData);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`openness-kiosk: ${error.message}\n\n${USAGE}\n`);
    io.exit(2);
    return null;
  }
  if (options.help) {
    io.out(`${USAGE}\n`);
    io.exit(0);
    return null;
  }
  return options;
}
