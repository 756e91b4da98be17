/**
 * Benchmark settings: counts from the environment (so a quick run is one variable away), the
 * browser to launch, and the paths everything lives at.
 */
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../e2e/chromium.mjs';

export { CHROMIUM_ARGS } from '../../e2e/chromium.mjs';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The kiosk's reference screen. */
export const VIEWPORT = { width: 1920, height: 1080 };

/** The first slide's title, as both pages show it in English. */
export const FIRST_TITLE = 'About us';

/** Read a whole number from the environment, falling back when unset or invalid. */
function count(env, name, fallback, min = 0) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}"`);
  }
  return value;
}

/**
 * Everything a run can be tuned with. Defaults keep `npm run bench` under ~10 minutes on two
 * cores; BENCH_RUNS=1 BENCH_SOAK=200 gives a quick smoke run.
 */
export function loadConfig(env = process.env) {
  return {
    /** Measured A/B runs (load + transitions + taps), interleaved player/baseline. */
    runs: count(env, 'BENCH_RUNS', 5, 1),
    /** Unmeasured loads of each page first, to warm disk caches and the servers. */
    warmupRuns: count(env, 'BENCH_WARMUP_RUNS', 1),
    /** Transitions per run, each started by a touch tap on Next. */
    transitions: count(env, 'BENCH_TRANSITIONS', 20, 1),
    /** Transitions in the separate pass that reads CDP Performance metrics; 0 skips it. */
    cdpTransitions: count(env, 'BENCH_CDP_TRANSITIONS', 8),
    /** Time between taps, in ms: longer than the 0.7 s transition so each one completes. */
    intervalMs: count(env, 'BENCH_INTERVAL_MS', 1200, 100),
    /** Quiet time after the title shows, before the transitions start. */
    settleMs: count(env, 'BENCH_SETTLE_MS', 1000),
    /**
     * Soak: transitions before the first memory sample (JIT and caches warm up: the player's heap
     * grows ~0.5 MiB over its first ~1,000 transitions, then levels off).
     */
    soakWarmup: count(env, 'BENCH_SOAK_WARMUP', 1000),
    /** Soak: transitions over which memory is sampled (forced GC at each); 0 skips the soak. */
    soak: count(env, 'BENCH_SOAK', 10_000),
    /** CHROMIUM_PATH, else the first known Chromium (e2e/chromium.mjs, shared with the e2e). */
    chromiumPath: findChromium(env),
  };
}
