/**
 * When new content (a staff save or a fleet sync) replaces what the player shows.
 *
 * Nobody should see the screen change under their eyes: with nobody there, a staff edit shows at
 * once and a fleet sync at the next slide; while a visitor is in session (from their first touch
 * to the idle reset) both wait for the session to end, unless the new content no longer plays the
 * slide on screen (staff deleted it), which then gives way at once.
 */
import { resolvePlaylist } from './schedule.js';
import type { ContentFile } from './schema.js';

/** When a change is shown. */
export type SwapWhen = 'now' | 'next-slide' | 'session-end';

/** What the player is doing, as far as a content change is concerned. */
export interface PlayerMoment {
  /** A visitor is in session (engaged, or the "still there?" countdown). */
  inSession: boolean;
  /** The slide on screen, while in session. */
  slideId?: string;
}

/** When the change `next`, arriving at `instant`, replaces the content on screen. */
export function whenToSwap(
  next: { changedBy: 'staff' | 'fleet'; content: ContentFile },
  moment: PlayerMoment,
  instant: number,
  timeZone: string,
): SwapWhen {
  if (!moment.inSession) return next.changedBy === 'fleet' ? 'next-slide' : 'now';
  if (moment.slideId === undefined) return 'session-end';
  const { slides } = resolvePlaylist(next.content, instant, timeZone);
  return slides.some((slide) => slide.id === moment.slideId) ? 'session-end' : 'now';
}
