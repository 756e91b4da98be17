/**
 * Which monitor the kiosk fills, and where its window goes on it.
 *
 * The window is created at the chosen display's bounds, so it goes full screen there rather than
 * on the primary display. Under Wayland a window cannot place itself; the compositor decides.
 */
import { screen, type Display, type Rectangle } from 'electron';
import type { DisplayChoice } from './cli-options.js';
import { log } from './logger.js';

/** The display a choice names; a missing one falls back to the primary, with a warning. */
export function chooseDisplay(
  displays: readonly Display[],
  primary: Display,
  choice: DisplayChoice,
): { display: Display; warning?: string } {
  if (choice.kind === 'primary') return { display: primary };
  const found =
    choice.kind === 'index' ? displays[choice.index] : displays.find((d) => d.id === choice.id);
  if (found) return { display: found };
  const named = choice.kind === 'index' ? `display ${choice.index}` : `display id:${choice.id}`;
  return {
    display: primary,
    warning: `${named} is not connected (${displays.length} found); using the primary display`,
  };
}

/** One line per display, as `--display` numbers them, for the log. */
export function describeDisplays(displays: readonly Display[], primary: Display): string {
  return displays
    .map(({ id, bounds: b }, i) => {
      const mark = id === primary.id ? ' (primary)' : '';
      return `${i}: id:${id} ${b.width}x${b.height} at ${b.x},${b.y}${mark}`;
    })
    .join('; ');
}

/** A 1280×800 window (or smaller, to fit) centred in a display's work area. */
export function windowedBounds(workArea: Rectangle): Rectangle {
  const width = Math.min(1280, workArea.width);
  const height = Math.min(800, workArea.height);
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  };
}

/** Where the kiosk window goes: the chosen display's bounds, or a window centred on it. */
export function kioskBounds(choice: DisplayChoice, windowed: boolean): Rectangle {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  log().info(`displays: ${describeDisplays(displays, primary)}`);
  const { display, warning } = chooseDisplay(displays, primary, choice);
  if (warning) log().warn(warning);
  return windowed ? windowedBounds(display.workArea) : { ...display.bounds };
}
