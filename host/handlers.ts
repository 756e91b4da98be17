/**
 * The host's implementation of every KioskApi call, shared by the HTTP and IPC adapters.
 */
import type { Handlers } from '../core/contract.js';
import type { ContentStore } from './content-store.js';

/** Facts about the running kiosk that health reports include. */
export interface HostInfo {
  version: string;
  startedAt: number;
}

/** Build the call handlers over a content store. */
export function createHandlers(store: ContentStore, info: HostInfo): Handlers {
  return {
    'content:get': async () => store.snapshot(),
    'health:get': async () => {
      const snapshot = store.snapshot();
      return {
        ok: snapshot.problems.length === 0,
        version: info.version,
        uptimeSec: Math.round((Date.now() - info.startedAt) / 1000),
        revision: snapshot.revision,
        problems: snapshot.problems,
      };
    },
  };
}
