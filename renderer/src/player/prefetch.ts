/**
 * What the player loads once its first slide is on screen: the schema-checked API, the idle
 * dialog and the emergency overlay (with framer-motion, which only they use) and the caption
 * box, so none of them waits for the network when it is needed, nor delays the first slide.
 */
import { loadApi } from '../api';

let started = false;

/** Start loading the player's deferred chunks after the next paint (once per page). */
export function prefetchAfterFirstSlide(): void {
  if (started) return;
  started = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      void loadApi();
      void import('./IdleDialog');
      void import('./EmergencyOverlay');
      void import('./VideoCaptions');
    }, 0),
  );
}
