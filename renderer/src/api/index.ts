/**
 * Choose the KioskApi at start: the Electron bridge when the preload exposed it, else HTTP.
 */
import type { KioskApi } from '../../../core/contract';
import { createBridgeApi } from './bridge-api';
import { createHttpApi } from './http-api';

declare global {
  interface Window {
    /** Set by the Electron preload. */
    kiosk?: KioskApi;
    /** Set by tests before the app loads: finish every animation at once. */
    __SKIP_ANIMATIONS__?: boolean;
  }
}

/** The KioskApi for this runtime; the rest of the renderer never asks which one it is. */
export function createApi(): KioskApi {
  return window.kiosk ? createBridgeApi(window.kiosk) : createHttpApi();
}
