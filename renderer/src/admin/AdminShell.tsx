/**
 * The unlocked admin: header, section navigation, problems on disk, and the current section.
 */
import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { AuthStatus, KioskApi } from '#core/contract';
import { staffScreenWaitMs } from '#core/session';
import { EmergencyPanel } from './alert/EmergencyPanel';
import { AnalyticsSection } from './analytics/AnalyticsSection';
import { ErrorAlert } from './ui/ErrorAlert';
import { HistorySection } from './history/HistorySection';
import { MediaSection } from './media/MediaSection';
import { PlaylistsSection } from './playlists/PlaylistsSection';
import { ProblemsCard } from './ProblemsCard';
import { backToPlayer, sectionFromHash, sectionHref } from './routes';
import { ScheduleSection } from './schedule/ScheduleSection';
import { SECTIONS, type SectionId, type SectionProps } from './section';
import { SettingsSection } from './settings/SettingsSection';
import { StatusSection } from './status/StatusSection';
import { useAdminData, type AdminFailure } from './useAdminData';
import { toFailure } from './ui/error-message';
import { useHash } from '../useHash';
import { useStaffIdleLock } from './useStaffIdleLock';

const VIEWS: Record<SectionId, ComponentType<SectionProps>> = {
  playlists: PlaylistsSection,
  media: MediaSection,
  schedule: ScheduleSection,
  history: HistorySection,
  analytics: AnalyticsSection,
  status: StatusSection,
  settings: SettingsSection,
};

/** Sections that show a failed save beside their own Save button, so the shell does not repeat it. */
const SHOW_OWN_FAILURES: ReadonlySet<SectionId> = new Set(['playlists', 'settings']);

interface AdminShellProps {
  api: KioskApi;
  /** The session ended on the host: the Staff access dialog is over this, which stays inert. */
  locked: boolean;
  /** Staff locked the admin (the Lock button); the new status is locked. */
  onLocked(status: AuthStatus): void;
}

/** The admin around one section, locking itself after the staff idle time. */
export function AdminShell({ api, locked, onLocked }: AdminShellProps) {
  const data = useAdminData(api);
  const section = sectionFromHash(useHash());
  const [lockFailure, setLockFailure] = useState<AdminFailure | undefined>();
  const root = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLElement>(null);
  const shownSection = useRef(section);

  const idleMs = data.state && !locked ? staffScreenWaitMs(data.state.settings, true) : undefined;
  // Leaving always locks: on a public touchscreen, an admin left open is one corner-hold away.
  const lockAndLeave = () => {
    void api
      .invoke('auth:lock', undefined)
      .catch(() => undefined)
      .finally(backToPlayer);
  };
  useStaffIdleLock(idleMs, lockAndLeave);

  useEffect(() => {
    // After choosing a section, start reading (and tabbing) at its content, not the navigation.
    if (shownSection.current === section) return;
    shownSection.current = section;
    root.current?.scrollTo({ top: 0 });
    main.current?.focus({ preventScroll: true });
  }, [section]);

  const lock = async () => {
    try {
      onLocked(await api.invoke('auth:lock', undefined));
    } catch (error) {
      setLockFailure(toFailure(error));
    }
  };

  const View = VIEWS[section];
  return (
    <div ref={root} className="admin admin-shell" inert={locked}>
      <header className="admin-header">
        <div className="admin-header__title">
          <p className="admin-brand">Openness kiosk</p>
          <h1>Staff admin</h1>
        </div>
        <div className="admin-actions">
          <button type="button" className="admin-button" onClick={lockAndLeave}>
            Back to the player
          </button>
          <button type="button" className="admin-button admin-button--primary" onClick={lock}>
            Lock
          </button>
        </div>
      </header>
      <nav aria-label="Admin" className="admin-nav">
        <ul>
          {SECTIONS.map(({ id, title }) => (
            <li key={id}>
              <a
                href={sectionHref(id)}
                aria-current={id === section ? 'page' : undefined}
                // A refusal belongs to the section it happened in; it is not carried to the next.
                onClick={data.clearFailure}
              >
                {title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main ref={main} className="admin-main" tabIndex={-1}>
        {lockFailure && (
          <ErrorAlert failure={lockFailure} onDismiss={() => setLockFailure(undefined)} />
        )}
        {data.failure && (!data.state || !SHOW_OWN_FAILURES.has(section)) && (
          <ErrorAlert failure={data.failure} onDismiss={data.clearFailure} />
        )}
        {data.state && data.state.problems.length > 0 && (
          <ProblemsCard problems={data.state.problems} />
        )}
        {data.state && <EmergencyPanel api={api} settings={data.state.settings} />}
        {data.state ? (
          <View api={api} data={data} />
        ) : data.failure ? (
          <button type="button" className="admin-button" onClick={() => void data.reload()}>
            Try again
          </button>
        ) : (
          <p aria-busy="true">Loading…</p>
        )}
      </main>
    </div>
  );
}
