/**
 * Bounds on open event streams: per source address, and in total for everyone but the kiosk's
 * own screen, so a flood of `/api/events` connections cannot exhaust the host.
 */
import { KioskError } from '#core/errors';
import { EVENT_STREAMS_PER_SOURCE, EVENT_STREAMS_TOTAL } from '#core/security-policy';

/** How many streams are allowed. */
export interface StreamLimits {
  perSource: number;
  total: number;
}

/** Counts open event streams by source and refuses those over the limits. */
export class EventStreams {
  private readonly bySource = new Map<string, number>();
  private others = 0;

  constructor(
    private readonly limits: StreamLimits = {
      perSource: EVENT_STREAMS_PER_SOURCE,
      total: EVENT_STREAMS_TOTAL,
    },
  ) {}

  /**
   * Count a new stream from `source` (`kiosk` for the kiosk's own screen, else its address);
   * returns the function that ends it, or throws `locked-out` (429) or `busy` (503).
   */
  open(source: string, kioskScreen: boolean): () => void {
    const mine = this.bySource.get(source) ?? 0;
    // The kiosk's own screen (player, admin, previews) has an allowance as large as the total.
    const limit = kioskScreen ? this.limits.total : this.limits.perSource;
    if (mine >= limit) {
      throw new KioskError(
        'locked-out',
        `Too many event streams from this address (at most ${limit}). Try again in 30 seconds.`,
        [],
        { retryAfterSec: 30 },
      );
    }
    if (!kioskScreen && this.others >= this.limits.total) {
      throw new KioskError(
        'busy',
        `The kiosk has too many event streams open (at most ${this.limits.total}). Try again later.`,
      );
    }
    this.bySource.set(source, mine + 1);
    if (!kioskScreen) this.others++;
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      const left = (this.bySource.get(source) ?? 1) - 1;
      if (left > 0) this.bySource.set(source, left);
      else this.bySource.delete(source);
      if (!kioskScreen) this.others--;
    };
  }

  /** Streams open now (all sources). */
  get size(): number {
    let sum = 0;
    for (const count of this.bySource.values()) sum += count;
    return sum;
  }
}
