/**
 * Every numeric limit the kiosk enforces, defined once: the schemas, the host, the admin's hints
 * and the player all import them from here (directly, or re-exported by the module they belong
 * to). No zod here, so the player's first load can import it.
 *
 * Ranges are in the unit a number is stored in; a form that shows another unit converts them
 * with `rangeIn` (core/units.ts).
 */
import type { MediaKind } from './media-types.js';
import type { Range } from './units.js';

/** One mebibyte, in bytes (sizes are shown as "MB" of this size). */
export const MIB = 1024 * 1024;

/** How long a slide may stay on screen. */
export const SLIDE_DURATION_MS: Range = { min: 2000, max: 600_000, unit: 'milliseconds' };

/** The allowed range of each number in the settings, in the unit it is stored in. */
export const SETTING_RANGES = {
  idleTimeoutSec: { min: 10, max: 3600, unit: 'seconds' },
  countdownSec: { min: 5, max: 120, unit: 'seconds' },
  staffIdleLockSec: { min: 30, max: 3600, unit: 'seconds' },
  syncIntervalSec: { min: 10, max: 86_400, unit: 'seconds' },
  quietReloadHour: { min: 0, max: 23, unit: 'hours' },
  playLogRetentionDays: { min: 1, max: 3650, unit: 'days' },
} as const satisfies Record<string, Range>;

/** Longest playlist name, in characters. */
export const MAX_PLAYLIST_NAME_LENGTH = 120;

/** Most slides one playlist holds. */
export const MAX_SLIDES_PER_PLAYLIST = 500;

/** Longest web address a slide may link to (shown as a QR code). */
export const MAX_LINK_LENGTH = 2000;

/** Most extra host names a kiosk accepts (`allowedHostNames`). */
export const MAX_HOST_NAMES = 20;

/** The digits a staff PIN has: at least `min`, at most `max`. */
export const PIN_DIGITS = { min: 4, max: 12 } as const;

/** The largest file of each kind the media library accepts, in bytes. */
export const MEDIA_SIZE_LIMITS: Readonly<Record<MediaKind, number>> = {
  image: 25 * MIB,
  video: 500 * MIB,
  captions: 1 * MIB,
};

/**
 * The largest upload chunk, in bytes: the size clients are told to send and the most the library
 * takes in one `media:upload-chunk`, over IPC and HTTP alike.
 */
export const MAX_UPLOAD_CHUNK_BYTES = 1 * MIB;

/** Longest upload name kept, in characters (the name is only ever shown). */
export const MAX_UPLOAD_NAME_LENGTH = 255;

/** The largest PDF staff can import, in bytes. */
export const PDF_MAX_BYTES = 50 * MIB;

/** The most pages one PDF import turns into pictures (within `MAX_SLIDES_PER_PLAYLIST`). */
export const PDF_MAX_PAGES = 200;

/** How long a web page may take to load before its slide is skipped and reported. */
export const WEB_PAGE_LOAD_TIMEOUT_MS = 10_000;

/** The most origins the web page allowlist holds. */
export const MAX_WEB_ORIGINS = 50;

/** The longest web page address accepted. */
export const MAX_WEB_URL_LENGTH = 2000;

/** Longest emergency message, per language, in characters. */
export const ALERT_MAX_LENGTH = 1000;

/** Most emergency message templates kept. */
export const MAX_ALERT_TEMPLATES = 50;

/** Longest emergency message template name, in characters. */
export const ALERT_TEMPLATE_NAME_MAX = 80;

/** Longest announcement, in characters, in each language: one line a visitor reads at a glance. */
export const MAX_ANNOUNCEMENT_LENGTH = 160;

/** Most announcements the band holds. */
export const MAX_ANNOUNCEMENTS = 20;

/** How many history versions are kept; saving one more removes the oldest. */
export const HISTORY_LIMIT = 50;

/** Most proof-of-play records the player may send in one call. */
export const MAX_RECORDS_PER_CALL = 50;

/** Longest date range a proof-of-play summary or export covers, in days. */
export const MAX_RANGE_DAYS = 366;

/** Longest a play or a session may last: longer ones are clocks gone wrong. */
export const MAX_RECORD_MS = 24 * 60 * 60 * 1000;
