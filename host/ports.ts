/**
 * The services the call handlers need, as interfaces: the content store, staff auth, media.
 */
import type { AuthStatus, FleetStatus, MediaItem } from '#core/contract';
import type { Problem } from '#core/problems';

/** Staff PIN, lock-out and sessions (host/auth). */
export interface AuthPort {
  /** `source` counts wrong tries apart: `kiosk` (the default) for the kiosk's own screen. */
  status(sessionId: string | undefined, local: boolean, source?: string): AuthStatus;
  unlock(pin: string, source?: string): Promise<string>;
  /** Check the PIN again within a session (counts like an unlock); `field` names it in errors. */
  confirm(pin: unknown, field: string, source?: string): Promise<void>;
  lock(sessionId: string | undefined): void;
  isUnlocked(sessionId: string | undefined): boolean;
  createPin(pin: string, local: boolean): Promise<string>;
  changePin(
    sessionId: string | undefined,
    currentPin: string,
    newPin: string,
    source?: string,
  ): Promise<void>;
  setStaffIdleMs(ms: number): void;
  problems(): Problem[];
}

/** Uploaded pictures, videos and captions (host/media). */
export interface MediaPort {
  begin(name: string, size: number): { uploadId: string; chunkSize: number };
  chunk(uploadId: string, offset: number, bytes: Uint8Array): Promise<{ received: number }>;
  finish(uploadId: string): Promise<MediaItem>;
  cancel(uploadId: string): Promise<void>;
  list(): MediaItem[];
  delete(ref: string, usedBy: string[]): Promise<void>;
  problems(): Problem[];
}

/** Fleet sync and publishing (host/fleet). */
export interface FleetPort {
  status(): FleetStatus;
  syncNow(): void;
  rollBack(): Promise<void>;
  /** Start a publish; refuses (rejects) a folder or key outside the data folder's own. */
  publish(outDir: string, keyFile: string | undefined): Promise<void>;
}
