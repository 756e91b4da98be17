/**
 * The app: the player at `/`, the staff screens at `/#/admin` (loaded only when asked for).
 */
import { lazy, Suspense } from 'react';
import type { ContentSnapshot, KioskApi } from '#core/contract';
import { Player } from './player/Player';
import { useHash } from './useHash';

const AdminScreen = lazy(() => import('./admin/AdminScreen'));

/** Route between player and admin. */
export function App({ api, initial }: { api: KioskApi; initial?: ContentSnapshot }) {
  const route = useHash();
  return route.startsWith('#/admin') ? (
    <Suspense fallback={null}>
      <AdminScreen api={api} />
    </Suspense>
  ) : (
    <Player api={api} initial={initial} />
  );
}
