/**
 * How a full-screen picture or video meets a screen of another shape: fill it (cropping the
 * edges around a focal point) or fit it whole over a backdrop.
 *
 * The rule and its threshold live here once; the schema, the player and the admin use them.
 */
import type { Framing } from './schema.js';

/** How staff want the picture to meet the screen: `auto` lets the shapes decide. */
export const FIT_MODES = ['auto', 'fill', 'fit'] as const;
export type FitMode = (typeof FIT_MODES)[number];

/** What shows around a picture that is fitted whole: a blurred copy of it, or the plain background. */
export const BACKDROPS = ['blur', 'plain'] as const;
export type Backdrop = (typeof BACKDROPS)[number];

/**
 * When the picture's and the screen's aspect ratios differ by more than this factor, `auto`
 * shows the whole picture. 1.5 keeps 4:3 and 3:2 photos filling a 16:9 screen (1.33× and 1.19×,
 * a little cropped) but shows a 16:9 video whole on a 9:16 screen (3.16×, where filling would
 * keep under a third of it) and a square photo whole on either (1.78×).
 */
export const FIT_ASPECT_THRESHOLD = 1.5;

/** The focal point's range, in percent of the picture's width and height. */
export const FOCUS_MIN = 0;
export const FOCUS_MAX = 100;

/** Framing when a slide says nothing: decide by shape, blurred backdrop, centred. */
export const DEFAULT_FRAMING: Framing = { fit: 'auto', backdrop: 'blur', focusX: 50, focusY: 50 };

/** A width and a height, in any unit. */
export interface Size {
  width: number;
  height: number;
}

/** How many times wider (or taller) one shape is than the other: 1 when they match. */
export function aspectMismatch(media: Size, screen: Size): number {
  const ratio = media.width / media.height / (screen.width / screen.height);
  return ratio >= 1 ? ratio : 1 / ratio;
}

function known(size: Size | undefined): size is Size {
  return !!size && size.width > 0 && size.height > 0;
}

/**
 * Whether the picture fills the screen (cropped) or fits whole.
 *
 * For `auto`: fit when the shapes differ by more than FIT_ASPECT_THRESHOLD, else fill; while
 * either size is not known yet, fit, so nothing is ever cropped by mistake.
 */
export function resolveFit(
  fit: FitMode,
  media: Size | undefined,
  screen: Size | undefined,
): 'fill' | 'fit' {
  if (fit !== 'auto') return fit;
  if (!known(media) || !known(screen)) return 'fit';
  return aspectMismatch(media, screen) > FIT_ASPECT_THRESHOLD ? 'fit' : 'fill';
}

/** Framing with every default filled in. */
export function framingOf(framing: Partial<Framing> | undefined): Framing {
  return { ...DEFAULT_FRAMING, ...framing };
}

/** The CSS `object-position` that keeps the focal point in view when the picture fills. */
export function focusPosition(framing: Pick<Framing, 'focusX' | 'focusY'>): string {
  return `${framing.focusX}% ${framing.focusY}%`;
}
