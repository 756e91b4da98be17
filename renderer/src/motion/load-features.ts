/**
 * framer-motion's animation features, fetched once: the first slide shows without them, and a
 * transition waits for them (as it waits for its pictures) so it never starts without animation.
 */
import type { FeatureBundle } from 'framer-motion';

let loading: Promise<FeatureBundle> | undefined;

/** The features chunk (motion/features.ts), loaded on the first call. */
export function loadMotionFeatures(): Promise<FeatureBundle> {
  loading ??= import('./features').then((module) => module.default);
  return loading;
}
