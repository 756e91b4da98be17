/** Unit and component tests: node for core/host/electron, jsdom for components (per-file). */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { browserResolve, nodeResolve } from './vite.shared.js';

export default defineConfig({
  plugins: [react()],
  resolve: browserResolve,
  ssr: { resolve: { conditions: nodeResolve.conditions, externalConditions: [] } },
  test: {
    include: ['{core,host,electron,renderer,packaging}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
