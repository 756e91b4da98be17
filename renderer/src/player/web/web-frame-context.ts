/**
 * What a web page slide needs from the player: the allowlist, and the visit number (bumped on each
 * idle reset, so the frame loads afresh for the next visitor).
 */
import { createContext } from 'react';
import type { WebOrigin } from '#core/schema';

/** The player's allowlist and visit number, for web page slides. */
export interface WebFrameState {
  allowlist: readonly WebOrigin[];
  visit: number;
}

/** Provided by the player view; web page slides read it. */
export const WebFrameContext = createContext<WebFrameState>({ allowlist: [], visit: 0 });

/** The event the player's session counts as input when a visitor touches inside a web page. */
export const FRAME_INPUT_EVENT = 'kiosk:frame-input';
