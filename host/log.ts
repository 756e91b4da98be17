/**
 * The host's log: JSON lines in `<dataDir>/logs/`, rotated by size and by day, bounded in total.
 *
 * At most `maxFiles` files of `maxFileBytes` each are ever kept, so the log can never fill the
 * disk. Logging never stops the host either: when the folder cannot be made or written (a full
 * disk, no permission) the error is swallowed, lines that cannot be written are dropped, and the
 * host carries on.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import pino, { type DestinationStream, type Logger, type StreamEntry } from 'pino';
import type { SonicBoom } from 'sonic-boom';

/** Folder inside the data folder that holds the log files. */
export const LOG_DIR = 'logs';
/** Log files are named `host.<yyyy-MM-dd>.<n>.log`. */
const BASE_NAME = 'host';
const LOG_FILE = /^host\.(?:\d{4}-\d{2}-\d{2}\.)?\d+\.log$/;

/** How the log behaves. */
export interface HostLogOptions {
  dataDir: string;
  /** Largest size of one file before the next one starts (default 5 MiB). */
  maxFileBytes?: number;
  /** Files kept in all, the one being written included (default 10). */
  maxFiles?: number;
  /** Also write warnings and errors to standard error (default: when it is a terminal). */
  stderr?: boolean;
  /** Lowest level written (default `info`). */
  level?: pino.Level;
}

/** A log and the way to close its files. */
export interface HostLog {
  logger: Logger;
  /** The folder the files are in. */
  dir: string;
  /** Flush and close the log files; the logger writes nothing afterwards. */
  close(): Promise<void>;
}

type Roll = (options: Record<string, unknown>) => Promise<SonicBoom>;
// pino-roll is CommonJS without type declarations; its one export builds the stream. Loaded on
// first use: the Electron main bundle imports this file through serve.ts without shipping it.
const roll: Roll = (options) => (createRequire(import.meta.url)('pino-roll') as Roll)(options);

/** Open the host's log in its data folder; never throws, whatever state the disk is in. */
export async function openHostLog(options: HostLogOptions): Promise<HostLog> {
  const maxFileBytes = options.maxFileBytes ?? 5 * 1024 * 1024;
  const maxFiles = Math.max(2, options.maxFiles ?? 10);
  const dir = path.join(options.dataDir, LOG_DIR);
  const streams: StreamEntry[] = [];
  let file: SonicBoom | undefined;
  try {
    await mkdir(dir, { recursive: true });
    // pino-roll prunes only when it rolls; a host restarted daily would otherwise keep a file a day.
    await pruneLogFiles(dir, maxFiles - 1);
    file = await roll({
      file: path.join(dir, BASE_NAME),
      extension: '.log',
      dateFormat: 'yyyy-MM-dd',
      frequency: 'daily',
      size: `${Math.max(1, Math.floor(maxFileBytes / 1024))}k`,
      limit: { count: maxFiles - 1, removeOtherLogFiles: true },
      // Lines waiting for a disk that does not take them are dropped past 1 MiB, not hoarded.
      maxLength: 1024 * 1024,
    });
    file.on('error', () => undefined);
    streams.push({ level: options.level ?? 'info', stream: file as DestinationStream });
  } catch {
    // No log folder (disk full, read-only, no permission): run without a log file.
  }
  if (options.stderr ?? process.stderr.isTTY === true) {
    streams.push({ level: 'warn', stream: pino.destination({ fd: 2, sync: true }) });
  }
  const logger = pino(
    { level: options.level ?? 'info', base: { pid: process.pid } },
    pino.multistream(streams),
  );
  return {
    logger,
    dir,
    close: () => closeStream(file),
  };
}

/** Remove the oldest log files so that at most `keep` remain. */
export async function pruneLogFiles(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => LOG_FILE.test(n));
  const dated = await Promise.all(
    names.map(async (name) => ({
      name,
      mtime: await stat(path.join(dir, name)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    })),
  );
  dated.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name, 'en', { numeric: true }));
  const excess = dated.slice(0, Math.max(0, dated.length - keep)).map((f) => f.name);
  await Promise.all(excess.map((name) => rm(path.join(dir, name), { force: true })));
  return excess;
}

function closeStream(stream: SonicBoom | undefined): Promise<void> {
  if (!stream || (stream as { destroyed?: boolean }).destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    // A stream whose file never opened may never say it closed; do not hold the host for it.
    const timer = setTimeout(resolve, 2000);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    stream.once('close', done);
    stream.once('error', done);
    try {
      stream.end();
    } catch {
      done();
    }
  });
}
