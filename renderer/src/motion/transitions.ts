/**
 * The overlays' transitions (idle dialog, emergency notice), run by framer-motion, which loads
 * with them after the first slide. Only `transform` and `opacity` animate, and `transform` is
 * animated as a whole string so the compositor runs it (see TOOLCHAIN.md). The slides' own
 * transitions need no library: see slide-motion.ts.
 */
import type { Transition, Variants } from 'framer-motion';
import { animationsSkipped } from './slide-motion';

/** The dialog and panels: a quick fade and lift. */
export const overlayVariants: Variants = {
  hidden: { opacity: 0, transform: 'translateY(12px)' },
  // 'none' rather than translateY(0px): nothing is left over at rest (no identity matrix).
  shown: { opacity: 1, transform: 'none' },
};

/** The same overlays without movement. */
export const overlayReducedVariants: Variants = {
  hidden: { opacity: 0 },
  shown: { opacity: 1 },
};

/** Timing of overlays. */
export const overlayTransition: Transition = { duration: 0.25, ease: 'easeOut' };

/**
 * The `initial` prop of an element that animates in: `false` while animations are skipped.
 *
 * framer-motion's `skipAnimations` still renders `initial` first and applies the final values
 * one animation frame later (`frame.update`, driven by requestAnimationFrame). Under a fake clock
 * that frame only comes when the test moves time, so an overlay stayed transparent and offset
 * where its box already was. With `initial={false}` the first render is the final state.
 */
export function enterFrom<T>(initial: T): T | false {
  return animationsSkipped() ? false : initial;
}
