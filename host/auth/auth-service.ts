/**
 * Staff access: the PIN, its lock-out after wrong tries, and staff sessions.
 *
 * The PIN lives in `auth.json` in the data folder as a salted scrypt hash, with the count of wrong
 * tries and lock-outs, so a restart clears neither. A damaged file never means "no PIN" (that
 * would let anyone create one): it means a PIN that cannot be checked until one is set again.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Pin, type AuthStatus } from '#core/contract';
import { KioskError, ValidationError } from '#core/errors';
import { PIN_PROBLEM } from '#core/pin';
import type { Problem } from '#core/problems';
import { sweepTempFiles } from '../atomic-write.js';
import {
  AUTH_FILE,
  emptyAuthFile,
  fileStamp,
  readAuthFile,
  writeAuthFile,
  type AuthFile,
  type LockoutBook,
} from './auth-file.js';
import { hashPin, SCRYPT_PARAMS, verifyPin, type ScryptParams } from './pin-hash.js';
import {
  afterFailure,
  afterSuccess,
  clampToClock,
  hasFailures,
  KIOSK_SOURCE,
  MAX_FAILURES,
  standing,
} from './lockout.js';
import { Sessions } from './sessions.js';

export { FIRST_LOCKOUT_MS, lockoutMs, MAX_FAILURES, MAX_LOCKOUT_MS } from './lockout.js';

/** Where the service keeps its file, and what it may be told for tests. */
export interface AuthServiceOptions {
  dataDir: string;
  /** The clock, epoch ms (default `Date.now`). */
  now?: () => number;
  /** scrypt cost of new hashes; only tests lower it (default `SCRYPT_PARAMS`). */
  hashParams?: ScryptParams;
}

/** The staff PIN and sessions of one data folder. */
export class AuthService {
  private state: AuthFile = emptyAuthFile();
  private damage: Problem[] = [];
  private stamp: string | undefined;
  private readonly sessions: Sessions;
  private readonly now: () => number;
  private readonly file: string;

  private constructor(private readonly options: AuthServiceOptions) {
    this.now = options.now ?? Date.now;
    this.file = path.join(options.dataDir, AUTH_FILE);
    this.sessions = new Sessions(this.now);
  }

  /** Open the data folder's PIN file (a missing file means no PIN is set yet). */
  static async open(options: AuthServiceOptions): Promise<AuthService> {
    await sweepTempFiles(options.dataDir, [AUTH_FILE]);
    const service = new AuthService(options);
    service.refresh();
    return service;
  }

  /**
   * What staff may do now; `local` is true for the kiosk itself, `source` names who asks (the
   * kiosk's own screen unless told otherwise) for its own count of wrong tries.
   */
  status(sessionId: string | undefined, local: boolean, source = KIOSK_SOURCE): AuthStatus {
    this.refresh();
    const pinSet = this.damage.length > 0 || this.state.pin !== null;
    const now = standing(this.clamped(), source, this.now());
    const damaged = this.damage.length > 0;
    return {
      pinSet,
      unlocked: this.sessions.has(sessionId),
      lockedUntil: damaged ? null : now.lockedUntil,
      attemptsLeft: damaged ? MAX_FAILURES : now.attemptsLeft,
      canCreatePin: !pinSet && local,
    };
  }

  /** What is wrong with `auth.json`, by JSON path; empty when it is fine or absent. */
  problems(): Problem[] {
    this.refresh();
    return [...this.damage];
  }

  /**
   * Check the PIN from `source` (the kiosk's own screen, or a network address); resolves to a new
   * session id, or throws `wrong-pin` or `locked-out`.
   */
  async unlock(pin: string, source = KIOSK_SOURCE): Promise<string> {
    const checked = checkPin(pin, 'pin');
    return this.serial(async () => {
      await this.tryPin(checked, source);
      return this.sessions.start();
    });
  }

  /**
   * Check the PIN again within a session, for what reaches beyond the screen; counts like an
   * unlock. Throws `wrong-pin` or `locked-out`.
   */
  async confirm(pin: unknown, field: string, source = KIOSK_SOURCE): Promise<void> {
    const checked = checkPin(pin, field);
    return this.serial(() => this.tryPin(checked, source));
  }

  /** End a session. */
  lock(sessionId: string | undefined): void {
    this.sessions.end(sessionId);
  }

  /** Whether the session is live; counts as use, so its idle timer starts again. */
  isUnlocked(sessionId: string | undefined): boolean {
    this.refresh();
    return this.sessions.touch(sessionId);
  }

  /** How long a session lasts without use. */
  get staffIdleMs(): number {
    return this.sessions.idleMs;
  }

  /** Set how long a session lasts without use (from the staff idle setting). */
  setStaffIdleMs(ms: number): void {
    this.sessions.idleMs = ms;
  }

  /** Create the first PIN: only when none is set, and only from the kiosk itself. */
  async createPin(pin: string, local: boolean): Promise<string> {
    const checked = checkPin(pin, 'pin');
    return this.serial(async () => {
      this.refresh();
      if (!local) {
        throw new KioskError('forbidden', 'A staff PIN can only be created at the kiosk itself.');
      }
      if (this.damage.length > 0 || this.state.pin !== null) {
        throw new KioskError('forbidden', 'A staff PIN is already set.');
      }
      await this.replacePin(checked);
      return this.sessions.start();
    });
  }

  /** Change the PIN from a live session; the current PIN counts as a try. Ends other sessions. */
  async changePin(
    sessionId: string | undefined,
    currentPin: string,
    newPin: string,
    source = KIOSK_SOURCE,
  ): Promise<void> {
    const current = checkPin(currentPin, 'currentPin');
    const next = checkPin(newPin, 'newPin');
    return this.serial(async () => {
      if (!this.isUnlocked(sessionId)) {
        throw new KioskError('unauthorized', 'Unlock with the staff PIN first.');
      }
      await this.tryPin(current, source);
      await this.replacePin(next, sessionId);
    });
  }

  /** Replace the PIN outright (the `pin set` command): clears the lock-out, ends all sessions. */
  async setPin(pin: string): Promise<void> {
    const checked = checkPin(pin, 'pin');
    return this.serial(() => this.replacePin(checked));
  }

  private async tryPin(pin: string, source: string): Promise<void> {
    this.refresh();
    if (this.damage.length > 0) throw damagedError(this.damage);
    const record = this.state.pin;
    if (record === null) {
      throw new KioskError(
        'forbidden',
        'No staff PIN is set yet. Create one at the kiosk, or run `openness-kiosk pin set`.',
      );
    }
    const now = this.now();
    const before = standing(this.clamped(), source, now);
    if (before.lockedUntil !== null) throw lockedOutError(before.lockedUntil, now);
    let right: boolean;
    try {
      right = await verifyPin(pin, record);
    } catch {
      throw damagedError([{ source: AUTH_FILE, path: '$.pin', message: 'cannot be checked' }]);
    }
    if (right) {
      if (hasFailures(this.state, source)) await this.recordTries(afterSuccess(this.state, source));
      return;
    }
    await this.recordTries(afterFailure(this.state, source, now));
    const after = standing(this.state, source, now);
    if (after.lockedUntil !== null) throw lockedOutError(after.lockedUntil, now);
    throw new KioskError('wrong-pin', 'That PIN is not right.', [], {
      attemptsLeft: after.attemptsLeft,
    });
  }

  // In memory only: the file keeps what was written, and the clamp is found again after a restart.
  private clamped(): AuthFile {
    this.state = { ...this.state, ...clampToClock(this.state, this.now()) };
    return this.state;
  }

  // Kept in memory first: a disk that refuses writes must not give an attacker unlimited tries.
  private async recordTries(book: LockoutBook): Promise<void> {
    const key = this.pinKey();
    this.refresh();
    // `pin set` replaced the PIN while this one was being checked: its fresh state wins.
    if (this.pinKey() !== key) return;
    this.state = { ...this.state, lockout: book.lockout, network: book.network };
    await writeAuthFile(this.file, this.state).catch(() => undefined);
  }

  private async replacePin(pin: string, keepSession?: string): Promise<void> {
    const record = await hashPin(pin, this.options.hashParams ?? SCRYPT_PARAMS);
    const next: AuthFile = { ...emptyAuthFile(), pin: record };
    try {
      await mkdir(this.options.dataDir, { recursive: true });
      await writeAuthFile(this.file, next);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new KioskError('failed', `Could not save the PIN (${reason}). Nothing was changed.`);
    }
    this.state = next;
    this.damage = [];
    this.sessions.endAll(keepSession);
  }

  /** Read `auth.json` again if it changed on disk (as `pin set` does while the host runs). */
  private refresh(): void {
    const stamp = fileStamp(this.file);
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    const before = this.pinKey();
    ({ file: this.state, problems: this.damage } = readAuthFile(this.file));
    if (this.pinKey() !== before) this.sessions.endAll();
  }

  private pinKey(): string {
    if (this.damage.length > 0) return 'damaged';
    const { pin } = this.state;
    return pin ? `${pin.salt}:${pin.hash}` : 'none';
  }

  // One PIN operation at a time, so parallel tries cannot all run before the lock-out starts.
  private queue: Promise<unknown> = Promise.resolve();
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function checkPin(pin: unknown, field: string): string {
  const parsed = Pin.safeParse(pin);
  if (parsed.success) return parsed.data;
  throw new ValidationError([{ source: 'PIN', path: `$.${field}`, message: PIN_PROBLEM }]);
}

function damagedError(problems: Problem[]): KioskError {
  return new KioskError(
    'failed',
    'The PIN file is damaged; set a new PIN with `openness-kiosk pin set`.',
    problems,
  );
}

function lockedOutError(lockedUntil: number, now: number): KioskError {
  const retryAfterSec = Math.max(1, Math.ceil((lockedUntil - now) / 1000));
  return new KioskError(
    'locked-out',
    `Too many wrong PINs. Try again in ${retryAfterSec} seconds.`,
    [],
    { lockedUntil, retryAfterSec },
  );
}
