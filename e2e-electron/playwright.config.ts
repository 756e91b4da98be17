/**
 * Playwright for the real Electron kiosk: a project the main Playwright config can include,
 * and a config of its own (`npx playwright test -c e2e-electron`).
 */
import { defineConfig, type Project } from '@playwright/test';

/** The Electron project; add it to the main config's `projects`. */
export const electronProject: Project = {
  name: 'electron',
  // Absolute, so the project works from whichever config includes it.
  testDir: import.meta.dirname,
  testMatch: /.*\.electron\.spec\.ts$/,
  timeout: 60_000,
  // One Electron at a time: each launches a full-screen kiosk window.
  fullyParallel: false,
};

export default defineConfig({
  workers: 1,
  reporter: [['list']],
  outputDir: '../test-results/electron',
  projects: [electronProject],
});
