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

/** How the supervisor behaves; all times in milliseconds. */
export interface SuperviseOptions {
  command: string;
  args: string[];
  log(line: string): void;
  /** A run shorter than this counts as a failed start. */
  minHealthyRunMs?: number;
  /** Give up after this many failed starts in a row. */
  maxQuickFailures?: number;
  /** First pause before a restart; doubles after each quick failure, up to 30 s. */
  baseDelayMs?: number;
  /** Stop restarting when this resolves. */
  stopped: Promise<void>;
}

/**
 * Run the browser, restarting it whenever it exits (with a growing pause after quick failures).
 *
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
    const child = spawn(options.command, options.args, { stdio: 'ignore' });
    current = child;
    const outcome = await new Promise<string>((resolve) => {
      child.once('error', (error) => resolve(`could not start: ${error.message}`));
      child.once('exit', (code, signal) =>
        resolve(signal ? `stopped by ${signal}` : `exited with code ${code}`),
      );
    });
    if (stopping) break;
    const quick = Date.now() - started < minHealthy;
    quickFailures = quick ? quickFailures + 1 : 0;
    if (quickFailures >= maxFailures) {
      options.log(
        `The browser ${outcome} ${quickFailures} times in a row right after starting; giving up.`,
      );
      return 1;
    }
    const pause = Math.min(30_000, baseDelay * 2 ** quickFailures);
    options.log(`The browser ${outcome}; restarting it in ${(pause / 1000).toFixed(1)} s.`);
    await Promise.race([new Promise((resolve) => setTimeout(resolve, pause)), options.stopped]);
  }
  return 0;
}
