/**
 * What the crash-cycle fault tests (kill -9 during saves, during history restores) share: a
 * seeded start that can be repeated, and a kill that a timer, a file watcher or the test itself
 * may fire, once.
 */
import { onTestFailed } from 'vitest';
import { requireBuiltHost, seededRandom, type HostProcess } from './host-process.js';

/**
 * Starts a seeded run: needs the built host, logs the seed (FAULT_SEED repeats it), calls
 * `onFailure` if the test fails (to keep its data for inspection); returns the seeded random.
 */
export function seededRun(label: string, seed: number, onFailure: () => void): () => number {
  requireBuiltHost();
  onTestFailed(onFailure);
  console.log(`${label}: seed ${seed} (repeat with FAULT_SEED=${seed})`);
  return seededRandom(seed);
}

/** A kill -9 of `host` that fires at most once, whoever calls it first. */
export function killSwitch(host: HostProcess): { readonly killed: boolean; kill(): void } {
  let killed = false;
  return {
    get killed() {
      return killed;
    },
    kill() {
      if (killed) return;
      killed = true;
      host.child.kill('SIGKILL');
    },
  };
}
