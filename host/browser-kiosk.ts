/**
 * The browser kiosk: find a Chromium-family browser and run the player full screen in it,
 * restarting the browser if it crashes or exits.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
];
const FIXED = [
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** Where the browser is: CHROMIUM_PATH, else a known path, else a name on PATH; undefined if none. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  const fixed = FIXED.find(exists);
  if (fixed) return fixed;
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const file = path.join(dir, name);
      if (exists(file)) return file;
    }
  }
  return undefined;
}

/** Command-line switches for a locked-down, offline, full-screen kiosk browser. */
export function kioskBrowserArgs(url: string, profileDir: string, extra: string[] = []): string[] {
  return [
    '--kiosk',
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--disable-infobars',
    '--disable-translate',
    '--disable-features=Translate,OverscrollHistoryNavigation,TouchpadOverscrollHistoryNavigation',
    '--overscroll-history-navigation=0',
    '--disable-pinch',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--autoplay-policy=no-user-gesture-required',
    ...extra,
  ];
}

/** How loud a supervisor line is: problems are warnings, so they reach the host log's stderr. */
export type SuperviseLevel = 'info' | 'warn' | 'error';

/** How the supervisor behaves; all times in milliseconds. */
export interface SuperviseOptions {
  command: string;
  args: string[];
  /** Where the supervisor's lines go (the console and the host log, in start:browser). */
  log(line: string, level: SuperviseLevel): void;
  /** A run shorter than this counts as a failed start. */
  minHealthyRunMs?: number;
  /** Give up after this many failed starts in a row. */
  maxQuickFailures?: number;
  /** First pause before a restart; doubles after each quick failure, up to 30 s. */
  baseDelayMs?: number;
  /** How many of the browser's last stderr lines are logged when it exits (default 8). */
  stderrLines?: number;
  /** Stop restarting when this resolves. */
  stopped: Promise<void>;
}

/**
 * Run the browser, restarting it whenever it exits (with a growing pause after quick failures).
 *
 * Each exit is logged with the last lines the browser wrote to stderr; giving up names the cause.
 * Resolves with 0 once stopped, or 1 when the browser keeps failing to start.
 */
export async function superviseBrowser(options: SuperviseOptions): Promise<number> {
  const minHealthy = options.minHealthyRunMs ?? 10_000;
  const maxFailures = options.maxQuickFailures ?? 5;
  const baseDelay = options.baseDelayMs ?? 1000;
  let stopping = false;
  let current: ReturnType<typeof spawn> | undefined;
  void options.stopped.then(() => {
    stopping = true;
    current?.kill('SIGTERM');
  });
  let quickFailures = 0;
  while (!stopping) {
    const started = Date.now();
    const child = spawn(options.command, options.args, { stdio: ['ignore', 'ignore', 'pipe'] });
    current = child;
    const tail = new StderrTail(options.stderrLines ?? 8);
    child.stderr.on('data', (chunk: Buffer) => tail.push(chunk));
    const stderrEnded = new Promise((resolve) => child.stderr.once('close', resolve));
    const outcome = await new Promise<string>((resolve) => {
      child.once('error', (error) => resolve(`could not start: ${error.message}`));
      child.once('exit', (code, signal) =>
        resolve(signal ? `stopped by ${signal}` : `exited with code ${code}`),
      );
    });
    // Read what is left on stderr, but not for long: a helper the browser left running (e.g.
    // its crash reporter) can hold the pipe open.
    await Promise.race([stderrEnded, new Promise((resolve) => setTimeout(resolve, 1000))]);
    if (stopping) break;
    const lines = tail.lines();
    if (lines.length > 0) {
      options.log(`The browser's last lines on stderr:\n  ${lines.join('\n  ')}`, 'warn');
    }
    const quick = Date.now() - started < minHealthy;
    quickFailures = quick ? quickFailures + 1 : 0;
    if (quickFailures >= maxFailures) {
      const cause = likelyCause(lines);
      options.log(
        `The browser ${outcome} ${quickFailures} times in a row right after starting; giving up. ` +
          (cause ? `Cause: ${cause}` : 'It wrote nothing on stderr.'),
        'error',
      );
      return 1;
    }
    const pause = Math.min(30_000, baseDelay * 2 ** quickFailures);
    options.log(`The browser ${outcome}; restarting it in ${(pause / 1000).toFixed(1)} s.`, 'warn');
    await Promise.race([new Promise((resolve) => setTimeout(resolve, pause)), options.stopped]);
  }
  return 0;
}

/** The last few lines of a stream, each cut to a readable length. */
class StderrTail {
  private text = '';
  constructor(private readonly keep: number) {}

  push(chunk: Buffer): void {
    // Keep a bounded amount: a browser can write megabytes to stderr over a day.
    this.text = (this.text + chunk.toString('utf8')).slice(-16 * 1024);
  }

  lines(): string[] {
    return this.text
      .split(/\r?\n/)
      .map((line) => line.trimEnd())
      .filter(Boolean)
      .slice(-this.keep)
      .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
  }
}

// Chromium's log prefix: [pid:tid:date/time:LEVEL:file.cc(line)] or [...:LEVEL:file.cc:line].
const CHROMIUM_PREFIX = /^\[[^\]]*:(INFO|WARNING|ERROR|FATAL|VERBOSE\d*):[^\]]*\]\s*/;
// Errors Chromium prints on every start of a machine without a desktop bus: never the cause.
const NOISE = /dbus|Failed to connect to the bus/i;

/**
 * The line of a browser's stderr that most likely says why it stopped: its last fatal error,
 * else its first error that is not start-up noise (later ones tend to be consequences, such as
 * its helper processes' "Broken pipe"), else its last line; without Chromium's prefix.
 */
export function likelyCause(lines: readonly string[]): string | undefined {
  const level = (line: string) => CHROMIUM_PREFIX.exec(line)?.[1];
  const pick =
    lines.findLast((line) => level(line) === 'FATAL') ??
    lines.find((line) => level(line) === 'ERROR' && !NOISE.test(line)) ??
    lines.at(-1);
  return pick?.replace(CHROMIUM_PREFIX, '');
}
