/**
 * A KioskApi that notices when the host has ended the staff session.
 */
import type { KioskApi } from '#core/contract';
import { ApiError } from '../api/api-error';

/**
 * Wrap `api` so that any call refused as `unauthorized` (the session expired or was ended on the
 * host) also tells `onExpired`; the caller still gets the error, so nothing pretends to succeed.
 */
export function withSessionGuard(api: KioskApi, onExpired: () => void): KioskApi {
  return {
    async invoke(name, input) {
      try {
        return await api.invoke(name, input);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'unauthorized') onExpired();
        throw error;
      }
    },
    onContentChanged: (listener) => api.onContentChanged(listener),
    ...(api.onMediaChanged && {
      onMediaChanged: (listener: () => void) => api.onMediaChanged!(listener),
    }),
  };
}
