/**
 * The life of one sync: the signal that ends it (its deadline, or staff starting a fresh check,
 * rolling back or stopping the kiosk), and when to try again after it.
 */
import { SyncFailure } from './download.js';

/** First retry after a failure; doubles each time up to the larger of the interval and 5 min. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_FLOOR_MS = 300_000;

/** Why a sync was ended on purpose: not a failure to report. */
export class Interrupted extends SyncFailure {}

/** One sync in progress. */
export class SyncRun {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private readonly started: number;

  constructor(
    deadlineMs: number,
    private readonly now: () => number,
  ) {
    this.started = now();
    this.setDeadline(deadlineMs);
  }

  /** Aborts the sync's requests when it must end. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Move the deadline to `deadlineMs` after the sync started. */
  setDeadline(deadlineMs: number): void {
    clearTimeout(this.timer);
    const limit =
      deadlineMs < 120_000
        ? `${Math.round(deadlineMs / 1000)} seconds`
        : `${Math.round(deadlineMs / 60_000)} minutes`;
    const reason = new SyncFailure(
      `the sync did not finish within its ${limit} (the server sends too slowly); what it had not downloaded yet is fetched again at the next check`,
    );
    const left = Math.max(0, this.started + deadlineMs - this.now());
    this.timer = setTimeout(() => this.controller.abort(reason), left);
    this.timer.unref();
  }

  /** End the sync on purpose. */
  interrupt(why: string): void {
    this.controller.abort(new Interrupted(`stopped: ${why}`));
  }

  /** Whether it was ended on purpose. */
  get interrupted(): boolean {
    return this.controller.signal.reason instanceof Interrupted;
  }

  /** The sync is over: drop its deadline. */
  end(): void {
    clearTimeout(this.timer);
  }
}

/**
 * Runs syncs one at a time. Asked to run while one is running, it ends that one on purpose and
 * starts afresh once it has cleaned up (staff's "Sync now" must not wait for a crawling server).
 */
export class Runner {
  private running: Promise<void> | undefined;
  private current: SyncRun | undefined;
  private restart: Promise<void> | undefined;

  constructor(
    private readonly body: (run: SyncRun) => Promise<void>,
    private readonly after: () => void,
    private readonly deadlineMs: () => number,
    private readonly now: () => number,
  ) {}

  /** The sync running, if any. */
  get run(): SyncRun | undefined {
    return this.current;
  }

  /** Whether a sync is running. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Run a sync now (ending one already running); resolves when it is done. */
  start(): Promise<void> {
    if (this.running) {
      this.restart ??= this.interrupt('a fresh check was started').then(() => {
        this.restart = undefined;
        return this.start();
      });
      return this.restart;
    }
    const run = new SyncRun(this.deadlineMs(), this.now);
    this.current = run;
    this.running = this.body(run).finally(() => {
      run.end();
      this.current = undefined;
      this.running = undefined;
      this.after();
    });
    return this.running;
  }

  /** End the sync running, if any, and wait until it has cleaned up. */
  async interrupt(why: string): Promise<void> {
    this.current?.interrupt(why);
    await this.running?.catch(() => undefined);
  }
}

/** How long to wait before the next check, after `failures` failures in a row (0: the interval). */
export function nextDelay(failures: number, intervalMs: number, random: () => number): number {
  if (failures === 0) return intervalMs;
  const cap = Math.max(intervalMs, MAX_RETRY_FLOOR_MS);
  const base = Math.min(cap, FIRST_RETRY_MS * 2 ** (failures - 1));
  // ±20% so a fleet that lost its server does not come back in lockstep.
  return Math.round(base * (0.8 + 0.4 * random()));
}
