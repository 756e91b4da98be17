/**
 * The staff area at `/#/admin`: the Staff access dialog while locked, the admin once unlocked.
 *
 * Loaded lazily from App.tsx, so none of the admin reaches the player's bundle.
 */
import './admin.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AuthStatus, KioskApi } from '#core/contract';
import { DEFAULT_SETTINGS, type Settings } from '#core/schema';
import { staffScreenWaitMs } from '#core/session';
import { AdminShell } from './AdminShell';
import { backToPlayer } from './routes';
import { withSessionGuard } from './session-guard';
import { StaffAccess } from './StaffAccess';
import type { AdminFailure } from './useAdminData';
import { toFailure } from './ui/error-message';
import { useStaffIdleLock } from './useStaffIdleLock';

type Screen =
  | { kind: 'loading' }
  | { kind: 'failed'; failure: AdminFailure }
  /** `expired`: the host ended the session; the admin stays underneath so no draft is lost. */
  | { kind: 'ready'; status: AuthStatus; expired?: boolean };

/** Ask the host whether staff are signed in; `expired` when a staff call was just refused. */
async function readScreen(api: KioskApi, expired: boolean): Promise<Screen> {
  try {
    const status = await api.invoke('auth:status', undefined);
    return { kind: 'ready', status, expired: expired && !status.unlocked };
  } catch (error) {
    return { kind: 'failed', failure: toFailure(error) };
  }
}

const EXPIRED_NOTICE = 'Your staff session ended. Enter the PIN to continue where you were.';

/** Staff access, then the admin; a session the host has ended leads back to the PIN. */
export default function AdminScreen({ api }: { api: KioskApi }) {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const settings = useKioskSettings(api);
  // Locked, loading or failed, this screen may face a visitor: without input it goes back to the
  // player in the time the player would take to reset. Unlocked, the admin locks itself.
  const unlocked = screen.kind === 'ready' && screen.status.unlocked;
  useStaffIdleLock(unlocked ? undefined : staffScreenWaitMs(settings, false), backToPlayer);

  const loadStatus = useCallback(
    (expired = false) => void readScreen(api, expired).then(setScreen),
    [api],
  );

  useEffect(() => {
    let live = true;
    void readScreen(api, false).then((next) => live && setScreen(next));
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    // The player may have left another language or direction on <html>; the admin is English.
    const root = document.documentElement;
    root.lang = 'en';
    root.dir = 'ltr';
  }, []);

  const staffApi = useMemo(() => withSessionGuard(api, () => loadStatus(true)), [api, loadStatus]);
  const show = (status: AuthStatus) => setScreen({ kind: 'ready', status });
  // While the admin waits under the dialog, a new status keeps it there until staff unlock.
  const update = (status: AuthStatus) =>
    setScreen((current) => ({
      kind: 'ready',
      status,
      expired: current.kind === 'ready' && current.expired === true && !status.unlocked,
    }));

  if (screen.kind === 'loading') {
    return <main className="admin admin--centered" aria-busy="true" />;
  }
  if (screen.kind === 'failed') {
    return (
      <main className="admin admin--centered">
        <div className="admin-card admin-access">
          <h1>Staff admin</h1>
          <p role="alert" className="admin-alert">
            The kiosk did not answer: {screen.failure.message}
          </p>
          <div className="admin-actions">
            <button
              type="button"
              className="admin-button admin-button--primary"
              onClick={() => loadStatus()}
            >
              Try again
            </button>
            <button type="button" className="admin-button" onClick={backToPlayer}>
              Back to the player
            </button>
          </div>
        </div>
      </main>
    );
  }

  const { status, expired } = screen;
  if (status.unlocked || expired) {
    return (
      <>
        <AdminShell api={staffApi} locked={!status.unlocked} onLocked={show} />
        {!status.unlocked && (
          <div className="admin admin--centered admin-overlay">
            <StaffAccess api={api} status={status} notice={EXPIRED_NOTICE} onStatus={update} />
          </div>
        )}
      </>
    );
  }
  return (
    <main className="admin admin--centered">
      <StaffAccess api={api} status={status} onStatus={show} />
    </main>
  );
}

/** The kiosk's settings as the player reads them (no PIN needed); the defaults until known. */
function useKioskSettings(api: KioskApi): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    api.invoke('content:get', undefined).then(
      (snapshot) => live && setSettings(snapshot.settings),
      // The host did not answer: the defaults still bring the kiosk back to the player.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return settings;
}
