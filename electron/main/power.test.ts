import { beforeEach, expect, it, vi } from 'vitest';
import * as electron from '../test/fake-electron.js';
import { resetFakeElectron } from '../test/fake-electron.js';
import { setupPowerSaveBlocker } from './power.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

beforeEach(() => resetFakeElectron());

it('keeps the display awake until stopped, and stopping twice is harmless', () => {
  const stop = setupPowerSaveBlocker();
  expect(electron.powerSaveBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
  expect(electron.powerSaveBlocker.started.size).toBe(1);
  stop();
  stop();
  expect(electron.powerSaveBlocker.started.size).toBe(0);
  expect(electron.powerSaveBlocker.stop).toHaveBeenCalledOnce();
});
