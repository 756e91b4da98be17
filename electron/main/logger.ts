/**
 * The main process's log: one line per message, filtered by level, to stderr and a log file.
 *
 * Under systemd, stderr lands in the journal; on Windows a GUI app has no console, so the same
 * lines also go to `<logs>/kiosk.log` (see docs/operators.md), which keeps one older megabyte in
 * `kiosk.old.log`.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';

/** The log levels, most severe first. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Somewhere a finished log line goes. */
export type LogSink = (line: string) => void;

/** A levelled logger. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** Whether a string names a log level. */
export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** A logger that writes messages at `level` and more severe to every sink. */
export function createLogger(
  level: LogLevel,
  sinks: readonly LogSink[],
  now: () => Date = () => new Date(),
): Logger {
  const limit = LOG_LEVELS.indexOf(level);
  const at = (messageLevel: LogLevel) => (message: string) => {
    if (LOG_LEVELS.indexOf(messageLevel) > limit) return;
    const line = `${now().toISOString()} ${messageLevel.padEnd(5)} ${message}\n`;
    for (const sink of sinks) {
      try {
        sink(line);
      } catch {
        // A full disk or closed stream must never take the kiosk down with it.
      }
    }
  };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/** A sink writing to stderr. */
export const stderrSink: LogSink = (line) => void process.stderr.write(line);

const MAX_LOG_BYTES = 1024 * 1024;

/** A sink appending to `<dir>/kiosk.log`; past 1 MB the log moves to `kiosk.old.log`. */
export function fileSink(dir: string, maxBytes = MAX_LOG_BYTES): LogSink {
  const file = path.join(dir, 'kiosk.log');
  mkdirSync(dir, { recursive: true });
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // No log yet.
  }
  return (line) => {
    // Checked on every line: a kiosk runs for weeks without a restart.
    if (size > maxBytes) {
      renameSync(file, path.join(dir, 'kiosk.old.log'));
      size = 0;
    }
    appendFileSync(file, line);
    size += Buffer.byteLength(line);
  };
}

let current: Logger = createLogger('info', [stderrSink]);

/** The process-wide logger; index.ts replaces it once the operator's options are known. */
export function log(): Logger {
  return current;
}

/** Replace the process-wide logger. */
export function setLogger(logger: Logger): void {
  current = logger;
}

/** Log at `level` to stderr and to `<logsDir>/kiosk.log` (stderr only if that cannot be opened). */
export function setupLogging(level: LogLevel, logsDir: string): void {
  const sinks: LogSink[] = [stderrSink];
  let problem: string | undefined;
  try {
    sinks.push(fileSink(logsDir));
  } catch (error) {
    problem = `cannot write logs in ${logsDir}: ${String(error)}`;
  }
  setLogger(createLogger(level, sinks));
  if (problem) log().warn(problem);
}
