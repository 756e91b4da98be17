/**
 * Limits on proof-of-play records, without the schemas (the player imports them on its first
 * load, where zod is not loaded yet).
 */

/** Most records the player may send in one call. */
export const MAX_RECORDS_PER_CALL = 50;
/** Longest date range a summary or export covers, in days. */
export const MAX_RANGE_DAYS = 366;
/** Longest a play or a session may last: longer ones are clocks gone wrong. */
export const MAX_RECORD_MS = 24 * 60 * 60 * 1000;
