/**
 * Choose the KioskApi at start: the Electron bridge when the preload exposed it, else HTTP.
 *
 * Both validate with the contract's zod schemas, which the first slide does not need: they load
 * in a chunk of their own on the first call (prefetched once the first slide shows).
 */
import type { KioskApi, KioskBridge } from '#core/contract';

declare global {
  interface Window {
    /** Set by the Electron preload. */
    kiosk?: KioskBridge;
    /** Set by tests before the app loads: finish every animation at once. */
    __SKIP_ANIMATIONS__?: boolean;
  }
}

let loading: Promise<KioskApi> | undefined;

/** Load the validating API chunk (once); safe to call early to prefetch it. */
export function loadApi(): Promise<KioskApi> {
  loading ??= import('./validated-api').then((module) => module.validatedApi(window.kiosk));
  return loading;
}

/** Subscribe through the loaded API, and stop even if it has not loaded yet. */
function later(subscribe: (api: KioskApi) => (() => void) | undefined): () => void {
  let stopped = false;
  let stop: (() => void) | undefined;
  void loadApi().then((api) => {
    if (!stopped) stop = subscribe(api);
  });
  return () => {
    stopped = true;
    stop?.();
  };
}

/** The KioskApi for this runtime; the rest of the renderer never asks which one it is. */
export function createApi(): KioskApi {
  return {
    invoke: (name, input) => loadApi().then((api) => api.invoke(name, input)),
    onContentChanged: (listener) => later((api) => api.onContentChanged(listener)),
    // Media changes are pushed over HTTP only (the Electron bridge has none yet).
    onMediaChanged: (listener) => later((api) => api.onMediaChanged?.(listener)),
  };
}
