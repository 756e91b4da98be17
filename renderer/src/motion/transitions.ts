/**
 * Every transition of the player, defined once. Only `transform` and `opacity` animate, and
 * `transform` is animated as a whole string so the compositor runs it (see TOOLCHAIN.md).
 *
 * Slides are opaque and have no exit animation: the one coming in is drawn above the one
 * leaving, which stays as it is until the new one has fully moved in over it (see
 * player/useStagedSlide.ts). So no frame of a transition shows the bare background, as a
 * crossfade of two slides, or a new slide whose first frames come late, could.
 */
import { MotionGlobalConfig, type Transition, type Variants } from 'framer-motion';

/** Direction of travel: 1 towards the next slide, -1 towards the previous. */
export type Direction = 1 | -1;

/** Slide-and-fade: the new slide glides in, over the old one, from the side it comes from. */
export const slideVariants: Variants = {
  enter: (direction: Direction) => ({ opacity: 0, transform: `translateX(${direction * 8}%)` }),
  center: { opacity: 1, transform: 'translateX(0%)' },
};

/** Fade only: for reduced motion and for slides that ask for it. */
export const fadeVariants: Variants = {
  enter: { opacity: 0 },
  center: { opacity: 1 },
};

/** Timing of the slide-and-fade transition. */
export const slideTransition: Transition = {
  transform: { type: 'tween', duration: 0.7, ease: [0.22, 1, 0.36, 1] },
  opacity: { duration: 0.45, ease: 'easeOut' },
};

/** A normal fade. */
export const fadeTransition: Transition = { duration: 0.6, ease: 'easeInOut' };

/** A short fade without movement, for visitors who asked for reduced motion. */
export const reducedTransition: Transition = { duration: 0.2, ease: 'linear' };

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

/** Whether every animation completes at once (the `__SKIP_ANIMATIONS__` test flag). */
export function animationsSkipped(): boolean {
  return MotionGlobalConfig.skipAnimations === true;
}
