/**
 * The speed budgets from core/speed-budget.ts, as built in dist/node (`npm run bench` builds
 * first), so the bench and the tests hold the same numbers.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './config.mjs';

const built = path.join(ROOT, 'dist', 'node', 'core', 'speed-budget.js');

/** FIRST_LOAD_JS_GZIP_BYTES, LONG_TASK_MS and TRANSITION_START_MS. */
export const { FIRST_LOAD_JS_GZIP_BYTES, LONG_TASK_MS, TRANSITION_START_MS } = await import(
  pathToFileURL(built).href
);
