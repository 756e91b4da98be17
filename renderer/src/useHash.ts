/**
 * The location hash as React state: the one hook every hash route (player or admin, section,
 * open playlist) reads.
 */
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

/** The current location hash (such as `#/admin/playlists/intro`), following hash changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, currentHash);
}
