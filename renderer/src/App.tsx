/**
 * The app: the player at `/`, the staff screens at `/#/admin` (loaded only when asked for).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ContentSnapshot, KioskApi } from '#core/contract';
import { Player } from './player/Player';

const AdminScreen = lazy(() => import('./admin/AdminScreen'));

function useHashRoute(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** Route between player and admin. */
export function App({ api, initial }: { api: KioskApi; initial?: ContentSnapshot }) {
  const route = useHashRoute();
  return route.startsWith('#/admin') ? (
    <Suspense fallback={null}>
      <AdminScreen api={api} />
    </Suspense>
  ) : (
    <Player api={api} initial={initial} />
  );
}
