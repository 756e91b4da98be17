/**
 * framer-motion for the parts that still use it (idle dialog, emergency notice). They load after
 * the first slide, and the library with them: the player's first load holds none of it.
 */
import { domMin, LazyMotion, MotionConfig, MotionGlobalConfig } from 'framer-motion';
import type { ReactNode } from 'react';
import { animationsSkipped } from './slide-motion';

// Tests with a fake clock set the flag before load so every animation completes at once.
if (animationsSkipped()) MotionGlobalConfig.skipAnimations = true;

/** The motion configuration and animation features for the overlays inside it. */
export function MotionScope({ children }: { children: ReactNode }) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domMin} strict>
        {children}
      </LazyMotion>
    </MotionConfig>
  );
}
