/**
 * The player's speed budgets (issue 19), defined once: e2e/first-load.spec.ts checks the build
 * against the size budget, and bench/ prints every figure against these.
 */

/** The player's JavaScript on first load, gzip level 9, in bytes: 95 KB with 1 KB = 1,000 bytes. */
export const FIRST_LOAD_JS_GZIP_BYTES = 95_000;

/** A task longer than this blocks the page (the Long Tasks API's own threshold). */
export const LONG_TASK_MS = 50;

/** How long after its tap a transition counts as starting: no long task may overlap this. */
export const TRANSITION_START_MS = 100;
