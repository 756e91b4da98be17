/**
 * Recovery: a kiosk that runs for weeks unattended puts itself back on its feet.
 *
 * - The renderer crashes (`render-process-gone`): the player reloads after 1 s, then 2, 4, 8 s
 *   when it keeps happening; past that budget a fresh window replaces the old one, and past that
 *   the whole app relaunches. Failures older than ten minutes are forgotten.
 * - The renderer freezes: Electron's `unresponsive` fires only after input, which a screen nobody
 *   touches never gets, so the preload beats a heartbeat (electron/common/heartbeat.ts). When the
 *   beats stop, the renderer is killed and recovered the same way, within the same budget.
 * - The GPU process keeps crashing (`child-process-gone`): the app relaunches with hardware
 *   acceleration off (`--disable-gpu`, which index.ts honours before ready).
 *
 * Every event is logged with its reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, type BrowserWindow, type Details, type RenderProcessGoneDetails } from 'electron';
import { HEARTBEAT_TIMEOUT_MS, type Heartbeat } from '../common/heartbeat.js';
import { log } from './logger.js';

/** How patient recovery is; all times in milliseconds. */
export interface RecoveryLimits {
  /** Failures further apart than this are forgotten. */
  windowMs: number;
  /** The pause before the first reload; it doubles with each failure after it. */
  firstReloadMs: number;
  /** The longest pause before a reload. */
  maxReloadMs: number;
  /** Reloads in a row before a fresh window. */
  reloads: number;
  /** Fresh windows in a row (after the reloads) before the app relaunches. */
  freshWindows: number;
}

/** The defaults: 1, 2, 4, 8 s reloads, then two fresh windows, then a relaunch. */
export const RECOVERY_LIMITS: RecoveryLimits = {
  windowMs: 10 * 60_000,
  firstReloadMs: 1_000,
  maxReloadMs: 30_000,
  reloads: 4,
  freshWindows: 2,
};

/** What to do about one renderer failure. */
export type RecoveryAction =
  { kind: 'reload'; delayMs: number } | { kind: 'fresh-window' } | { kind: 'relaunch' };

/** Counts recent failures and says how hard to recover from the next one. */
export class FailureBudget {
  private times: number[] = [];

  constructor(private readonly limits: RecoveryLimits = RECOVERY_LIMITS) {}

  /** Record a failure at `now`; what to do about it. */
  record(now: number): RecoveryAction {
    this.times = this.times.filter((time) => now - time < this.limits.windowMs);
    this.times.push(now);
    return this.action();
  }

  /** Failures within the window, the latest included. */
  get recent(): number {
    return this.times.length;
  }

  private action(): RecoveryAction {
    const { reloads, freshWindows, firstReloadMs, maxReloadMs } = this.limits;
    const count = this.times.length;
    if (count <= reloads) {
      return { kind: 'reload', delayMs: Math.min(maxReloadMs, firstReloadMs * 2 ** (count - 1)) };
    }
    return count <= reloads + freshWindows ? { kind: 'fresh-window' } : { kind: 'relaunch' };
  }
}

/** What renderer recovery needs from the app (index.ts). */
export interface RecoveryDeps {
  /** Create a kiosk window, load the player and wire it (including {@link RendererRecovery.watch}). */
  openWindow(): BrowserWindow;
  /** Restart the whole app. */
  relaunch(reason: string): void;
  now?: () => number;
  limits?: RecoveryLimits;
  heartbeatTimeoutMs?: number;
}

interface WindowState {
  reload?: ReturnType<typeof setTimeout>;
  heartbeat?: ReturnType<typeof setTimeout>;
  /** The watchdog killed the renderer; its `render-process-gone` is expected. */
  killed: boolean;
}

/** Watches kiosk windows and brings their player back after a crash or a freeze. */
export class RendererRecovery {
  private readonly budget: FailureBudget;
  private readonly states = new Map<BrowserWindow, WindowState>();
  private readonly now: () => number;
  private readonly heartbeatTimeoutMs: number;
  private lastBeat: { at: number; idleMs: number } | undefined;

  constructor(private readonly deps: RecoveryDeps) {
    this.budget = new FailureBudget(deps.limits);
    this.now = deps.now ?? Date.now;
    this.heartbeatTimeoutMs = deps.heartbeatTimeoutMs ?? HEARTBEAT_TIMEOUT_MS;
  }

  /** Start watching a window: its crashes, its loads and (through {@link beat}) its heartbeat. */
  watch(window: BrowserWindow): void {
    const state: WindowState = { killed: false };
    this.states.set(window, state);
    const contents = window.webContents;
    contents.on('render-process-gone', (_event, details) => this.gone(window, details));
    // A page that loads but never beats is as frozen as one that stops.
    contents.on('did-finish-load', () => this.arm(window));
    contents.on('unresponsive', () =>
      log().warn('recovery: the player is not answering input; the heartbeat watchdog decides'),
    );
    contents.on('responsive', () => log().info('recovery: the player answers input again'));
    window.on('closed', () => this.forget(window));
  }

  /** A heartbeat from a window's preload. */
  beat(window: BrowserWindow, beat: Heartbeat): void {
    const state = this.states.get(window);
    if (!state) return;
    this.lastBeat = { at: this.now(), idleMs: beat.idleMs };
    // Beats from a new renderer: whatever the watchdog killed is gone.
    state.killed = false;
    this.arm(window);
  }

  /** How long nobody has touched the screen, as the latest heartbeat says; unknown before one. */
  idleMs(): number | undefined {
    if (!this.lastBeat) return undefined;
    return this.now() - this.lastBeat.at + this.lastBeat.idleMs;
  }

  /** Stop every timer (the app is quitting). */
  dispose(): void {
    for (const window of [...this.states.keys()]) this.forget(window);
  }

  private arm(window: BrowserWindow): void {
    const state = this.states.get(window);
    if (!state) return;
    clearTimeout(state.heartbeat);
    state.heartbeat = setTimeout(() => this.frozen(window), this.heartbeatTimeoutMs);
  }

  private frozen(window: BrowserWindow): void {
    const state = this.states.get(window);
    if (!state || window.isDestroyed()) return;
    state.heartbeat = undefined;
    const seconds = Math.round(this.heartbeatTimeoutMs / 1000);
    // Killing first makes the reload start a new renderer process instead of waiting on this one.
    state.killed = true;
    window.webContents.forcefullyCrashRenderer();
    this.fail(window, `no heartbeat for ${seconds} s (the player froze)`);
  }

  private gone(window: BrowserWindow, details: RenderProcessGoneDetails): void {
    const state = this.states.get(window);
    if (!state || window.isDestroyed()) return;
    clearTimeout(state.heartbeat);
    state.heartbeat = undefined;
    const what = `the renderer process ended (${details.reason}, exit code ${details.exitCode})`;
    if (state.killed) {
      state.killed = false;
      log().info(`recovery: ${what} after the watchdog stopped it`);
      return;
    }
    this.fail(window, what);
  }

  private fail(window: BrowserWindow, reason: string): void {
    const action = this.budget.record(this.now());
    const count = `failure ${this.budget.recent} in 10 min`;
    const state = this.states.get(window);
    if (action.kind === 'reload' && state) {
      const seconds = (action.delayMs / 1000).toFixed(0);
      log().warn(`recovery: ${reason}; reloading the player in ${seconds} s (${count})`);
      clearTimeout(state.reload);
      state.reload = setTimeout(() => {
        state.reload = undefined;
        if (!window.isDestroyed()) window.webContents.reload();
      }, action.delayMs);
    } else if (action.kind === 'fresh-window') {
      log().error(`recovery: ${reason}; opening a fresh window (${count})`);
      // The new window first, so the app never has none (which would quit it).
      this.deps.openWindow();
      this.forget(window);
      window.destroy();
    } else {
      log().error(`recovery: ${reason}; relaunching the app (${count})`);
      this.dispose();
      this.deps.relaunch(reason);
    }
  }

  private forget(window: BrowserWindow): void {
    const state = this.states.get(window);
    if (!state) return;
    clearTimeout(state.reload);
    clearTimeout(state.heartbeat);
    this.states.delete(window);
  }
}

/** The switch that turns hardware acceleration off; Chromium knows it too. */
export const GPU_OFF_SWITCH = '--disable-gpu';

/** The file in userData that keeps acceleration off across restarts after GPU crashes. */
export const GPU_OFF_FILE = 'gpu-off.json';
/** How long acceleration stays off after GPU crashes; then the GPU is given another chance. */
export const GPU_OFF_MS = 7 * 24 * 60 * 60_000;

/**
 * Whether this launch runs without hardware acceleration: the switch is on the command line, or
 * GPU crashes turned it off less than {@link GPU_OFF_MS} ago (remembered in `userData`), so a
 * reboot does not bring back the crashes, and a driver fixed later gets used again.
 */
export function gpuTurnedOff(
  argv: readonly string[],
  userData?: string,
  now = Date.now(),
): boolean {
  if (argv.includes(GPU_OFF_SWITCH)) return true;
  if (!userData) return false;
  try {
    const { until } = JSON.parse(readFileSync(path.join(userData, GPU_OFF_FILE), 'utf8')) as {
      until?: unknown;
    };
    return typeof until === 'string' && Date.parse(until) > now;
  } catch {
    return false;
  }
}

/** Remember that GPU crashes turned acceleration off, until {@link GPU_OFF_MS} from `now`. */
export function rememberGpuOff(userData: string, now: number, reason: string): void {
  const until = new Date(now + GPU_OFF_MS).toISOString();
  const since = new Date(now).toISOString();
  writeFileSync(
    path.join(userData, GPU_OFF_FILE),
    `${JSON.stringify({ since, until, reason }, null, 2)}\n`,
  );
}

/** What GPU recovery needs; the defaults are the real app's. */
export interface GpuRecoveryOptions {
  /** The command line of this launch (`process.argv`). */
  argv: readonly string[];
  /** Restart the app with these arguments (after the executable). */
  relaunch(args: string[]): void;
  /** Where the decision is remembered across restarts (`app.getPath('userData')`). */
  userData?: string;
  now?: () => number;
  /** GPU crashes within {@link RECOVERY_LIMITS}' window that turn acceleration off. */
  maxCrashes?: number;
}

/**
 * Log every child process that goes away; after repeated GPU crashes, relaunch without the GPU.
 */
export function setupGpuRecovery(options: GpuRecoveryOptions): void {
  const now = options.now ?? Date.now;
  const maxCrashes = options.maxCrashes ?? 3;
  const windowMs = RECOVERY_LIMITS.windowMs;
  let crashes: number[] = [];
  let relaunching = false;
  app.on('child-process-gone', (_event, details: Details) => {
    const name = details.name ? ` (${details.name})` : '';
    const what = `${details.type} process${name} ended: ${details.reason}, exit code ${details.exitCode}`;
    if (details.type !== 'GPU' || details.reason === 'clean-exit') {
      log().warn(`recovery: ${what}`);
      return;
    }
    const time = now();
    crashes = [...crashes.filter((at) => time - at < windowMs), time];
    const count = `GPU failure ${crashes.length} in 10 min`;
    if (crashes.length < maxCrashes || relaunching) {
      log().warn(`recovery: ${what} (${count})`);
    } else if (gpuTurnedOff(options.argv, options.userData, time)) {
      log().error(`recovery: ${what} (${count}), with acceleration already off`);
    } else {
      relaunching = true;
      log().error(`recovery: ${what} (${count}); relaunching with hardware acceleration off`);
      if (options.userData) {
        try {
          rememberGpuOff(options.userData, time, `${crashes.length} GPU failures in 10 min`);
        } catch (error) {
          log().warn(`recovery: cannot remember that acceleration is off: ${String(error)}`);
        }
      }
      options.relaunch([...options.argv.slice(1), GPU_OFF_SWITCH]);
    }
  });
}

/** Restart the app: a new instance starts once this one has quit. */
export function relaunchApp(args?: string[]): void {
  app.relaunch(args ? { args } : undefined);
  app.quit();
  // A renderer that never answers could hold the quit up; leave regardless.
  setTimeout(() => app.exit(0), 10_000).unref();
}
