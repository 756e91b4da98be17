/**
 * What the player loads once its first slide is on screen: the schema-checked API, the idle
 * dialog, the emergency overlay and the caption box, so none of them waits for the network when
 * it is needed, and none of them delays the first slide.
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
