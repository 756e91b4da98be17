/**
 * Keep the display awake: a signage screen must never blank or sleep while the kiosk runs.
 */
import { powerSaveBlocker } from 'electron';

/** Start blocking display sleep; returns a function that stops blocking. */
export function setupPowerSaveBlocker(): () => void {
  const id = powerSaveBlocker.start('prevent-display-sleep');
  return () => {
    if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
  };
}
