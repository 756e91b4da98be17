/**
 * Fault tests (`npm run test:faults`): large counts against the real host, real files and a real
 * port. Separate from the unit run because they take minutes, not seconds; `.ci/run` runs both.
 */
import { defineConfig } from 'vitest/config';
import { nodeResolve } from './vite.shared.js';

export default defineConfig({
  resolve: nodeResolve,
  ssr: { resolve: { conditions: nodeResolve.conditions } },
  test: {
    include: ['faults/**/*.test.ts'],
    environment: 'node',
    // A ceiling for a loaded machine, not a speed target (each file takes a few minutes alone).
    testTimeout: 900_000,
    hookTimeout: 60_000,
    // One file at a time: several spawn hosts and kill them, and the machine has two cores.
    fileParallelism: false,
  },
});
