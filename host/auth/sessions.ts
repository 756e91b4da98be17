/**
 * Staff sessions, in memory only: random ids that expire after a spell without use.
 */
import { randomBytes } from 'node:crypto';

/** How long a staff session lasts without use, unless staff settings say otherwise. */
export const DEFAULT_STAFF_IDLE_MS = 5 * 60_000;
/** Sessions kept at once; starting one more ends the least recently used. */
export const MAX_SESSIONS = 50;

/** Live staff sessions and when each was last used. */
export class Sessions {
  // Map order is least recently used first, so the oldest is always the first key.
  private readonly lastUsed = new Map<string, number>();
  private idle = DEFAULT_STAFF_IDLE_MS;

  constructor(private readonly now: () => number) {}

  /** How long a session lasts without use. */
  get idleMs(): number {
    return this.idle;
  }

  set idleMs(ms: number) {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`staff idle time must be > 0: ${ms}`);
    this.idle = ms;
  }

  /** Start a session; returns its id (256 random bits, base64url). */
  start(): string {
    this.prune();
    const id = randomBytes(32).toString('base64url');
    this.lastUsed.set(id, this.now());
    while (this.lastUsed.size > MAX_SESSIONS) {
      this.lastUsed.delete(this.lastUsed.keys().next().value!);
    }
    return id;
  }

  /** Whether `id` is a live session, without counting this as use. */
  has(id: string | undefined): boolean {
    if (id === undefined) return false;
    const last = this.lastUsed.get(id);
    if (last === undefined) return false;
    if (this.now() - last >= this.idle) {
      this.lastUsed.delete(id);
      return false;
    }
    return true;
  }

  /** Whether `id` is a live session; if so, restart its idle timer. */
  touch(id: string | undefined): boolean {
    if (!this.has(id)) return false;
    this.lastUsed.delete(id!);
    this.lastUsed.set(id!, this.now());
    return true;
  }

  /** End one session. */
  end(id: string | undefined): void {
    if (id !== undefined) this.lastUsed.delete(id);
  }

  /** End every session, except `keep` if given. */
  endAll(keep?: string): void {
    for (const id of [...this.lastUsed.keys()]) if (id !== keep) this.lastUsed.delete(id);
  }

  /** How many sessions are live. */
  get size(): number {
    this.prune();
    return this.lastUsed.size;
  }

  private prune(): void {
    for (const id of [...this.lastUsed.keys()]) this.has(id);
  }
}
