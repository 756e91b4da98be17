/**
 * What start:browser decides before it opens the browser: its own options and the browser's,
 * whether Chromium can run as this user, and where the window goes on a bare X server.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** The command line of start:browser, split into its own options and the browser's switches. */
export interface StartBrowserArgs {
  data?: string;
  port?: string;
  help: boolean;
  /** Switches for the browser: unknown `--switch`es, and everything after a `--`. */
  browserArgs: string[];
}

/** The usage line of start:browser. */
export const START_BROWSER_USAGE =
  'usage: npm run start:browser -- [--data DIR] [--port N] [BROWSER SWITCHES...]';

/**
 * Read start:browser's command line; throws an Error that says what is wrong.
 *
 * Its own options are `--data`, `--port` and `--help`; any other `--switch` goes to the browser
 * (e.g. `npm run start:browser -- --no-sandbox`), and so does everything after a `--`.
 */
export function parseStartBrowserArgs(argv: readonly string[]): StartBrowserArgs {
  const result: StartBrowserArgs = { help: false, browserArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      result.browserArgs.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      result.help = true;
      continue;
    }
    const own = /^--(data|port)(?:=(.*))?$/.exec(arg);
    if (own) {
      const value = own[2] ?? argv[++i];
      if (value === undefined || value === '') throw new Error(`${arg} needs a value`);
      result[own[1] as 'data' | 'port'] = value;
      continue;
    }
    // A bare word is most likely a mistyped option's value (`--prot 8080`), not a browser switch.
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    result.browserArgs.push(arg);
  }
  if (result.port !== undefined && !/^\d{1,5}$/.test(result.port)) {
    throw new Error(`--port must be a number, not "${result.port}"`);
  }
  return result;
}

/** What running as this user means for Chromium's sandbox. */
export type SandboxCheck = { ok: true; warning?: string } | { ok: false; message: string };

/**
 * Chromium refuses to start as root unless its sandbox is turned off. Refuse here, once and
 * clearly, rather than let the supervisor restart a browser that can never start; a root user who
 * passed `--no-sandbox` knowingly gets a warning instead.
 */
export function checkSandbox(
  uid: number | undefined,
  browserArgs: readonly string[],
): SandboxCheck {
  if (uid !== 0) return { ok: true };
  if (browserArgs.includes('--no-sandbox')) {
    return {
      ok: true,
      warning:
        'running as root with --no-sandbox: the browser runs without its sandbox. A kiosk should ' +
        'run as its own ordinary user (docs/operators.md, "A dedicated kiosk user").',
    };
  }
  return {
    ok: false,
    message:
      'Chromium will not run as root: run start:browser as an ordinary user (docs/operators.md, ' +
      '"A dedicated kiosk user"), or pass `npm run start:browser -- --no-sandbox` to run the ' +
      'browser without its sandbox, knowingly.',
  };
}

/** A rectangle on the X screen, in pixels. */
export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The primary monitor in `xrandr --listactivemonitors` output (` 0: +*HDMI-1 1920/509x1080/286+0+0
 * HDMI-1`; `*` marks the primary), else its first monitor.
 */
export function parseXrandrMonitors(text: string): ScreenRect | undefined {
  const monitors = [
    ...text.matchAll(/^\s*\d+:\s+\+?(\*?)\S+\s+(\d+)\/\d+x(\d+)\/\d+\+(-?\d+)\+(-?\d+)/gm),
  ];
  const chosen = monitors.find((m) => m[1] === '*') ?? monitors[0];
  if (!chosen) return undefined;
  const [width, height, x, y] = chosen.slice(2).map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

/** The whole screen in `xdpyinfo` output (`dimensions:    1920x1080 pixels`). */
export function parseXdpyinfo(text: string): ScreenRect | undefined {
  const match = /dimensions:\s+(\d+)x(\d+) pixels/.exec(text);
  return match ? { x: 0, y: 0, width: Number(match[1]), height: Number(match[2]) } : undefined;
}

/** Runs a program and resolves with its standard output; rejects when it fails or is missing. */
export type RunProgram = (file: string, args: string[]) => Promise<string>;

const runProgram: RunProgram = async (file, args) =>
  (await promisify(execFile)(file, args, { timeout: 5000 })).stdout;

/**
 * The X monitor the kiosk fills, read with xrandr (its primary monitor) or xdpyinfo (the whole
 * screen); undefined when neither can tell, e.g. not under X or neither tool installed.
 */
export async function readXScreen(run: RunProgram = runProgram): Promise<ScreenRect | undefined> {
  const monitor = await run('xrandr', ['--listactivemonitors']).then(
    parseXrandrMonitors,
    () => undefined,
  );
  if (monitor) return monitor;
  return run('xdpyinfo', []).then(parseXdpyinfo, () => undefined);
}

/**
 * Window switches that make the kiosk window cover the monitor on a bare X server.
 *
 * With no window manager nobody acts on `--kiosk`'s full-screen request, and Chromium opens a
 * window about half the screen wide. Placing and sizing the window ourselves covers the screen;
 * a window manager, where there is one, still makes it full screen. Chromium shrinks a window
 * asked for at exactly the screen's size by one pixel each way (leaving a line of the screen
 * bare), so the window is asked for one pixel wider: the page's last pixel column falls just off
 * the right edge.
 */
export function windowGeometryArgs(screen: ScreenRect): string[] {
  return [
    `--window-position=${screen.x},${screen.y}`,
    `--window-size=${screen.width + 1},${screen.height}`,
  ];
}

/** Whether the operator placed the window already (then start:browser leaves it alone). */
export function placesWindow(browserArgs: readonly string[]): boolean {
  return browserArgs.some((arg) => /^--window-(size|position)\b/.test(arg));
}
