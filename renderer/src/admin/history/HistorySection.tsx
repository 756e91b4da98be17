/**
 * History: the last saved versions of content and settings (who, when, what changed), each of
 * which staff can preview in the player's own slide view and restore in one step.
 */
import { useId, useState } from 'react';
import { HISTORY_LIMIT, type HistoryEntry, type HistoryVersion } from '#core/history';
import { ApiError } from '../../api/api-error';
import { usePinConfirm } from '../access/usePinConfirm';
import { kioskZone } from '../locale';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import type { SectionProps } from '../section';
import { toFailure } from '../ui/error-message';
import { useLoad } from '../ui/useLoad';
import { historySummary, historyTime } from './history-format';
import { VersionPreview } from './VersionPreview';
import './history.css';

/** The History section. */
export function HistorySection({ api, data }: SectionProps) {
  const titleId = useId();
  const [preview, setPreview] = useState<HistoryVersion | undefined>();
  const [confirming, setConfirming] = useState<HistoryEntry | undefined>();
  const [done, setDone] = useState('');
  const pinConfirm = usePinConfirm();
  const revision = data.state?.revision;
  const timeZone = kioskZone(data.state?.settings.timeZone);
  const when = (iso: string) => historyTime(iso, timeZone);

  // Every save (here, in another tab, by a fleet bundle) changes the revision and adds a version.
  const history = useLoad(() => api.invoke('history:list', undefined), [api, revision]);
  const { value: list, error: failure, setError: setFailure } = history;

  const show = async (entry: HistoryEntry) => {
    setFailure(undefined);
    try {
      setPreview(await api.invoke('history:get', { id: entry.id }));
    } catch (error) {
      setFailure(toFailure(error));
    }
  };

  const restore = async (entry: HistoryEntry) => {
    setConfirming(undefined);
    setFailure(undefined);
    setDone('');
    if (!revision) return;
    const send = (pin?: string) =>
      api.invoke('history:restore', { baseRevision: revision, id: entry.id, pin });
    try {
      try {
        data.adopt(await send());
      } catch (error) {
        // The version holds another sync key, sync address or LAN setting: the PIN again.
        if (!(error instanceof ApiError && error.code === 'pin-required')) throw error;
        const confirmed = async (pin: string) => data.adopt(await send(pin));
        if (!(await pinConfirm.ask(error.message, confirmed))) return;
      }
      setDone(`Restored the version of ${when(entry.at)}. The kiosk shows it now.`);
      setPreview(undefined);
    } catch (error) {
      setFailure(toFailure(error));
    }
  };

  return (
    <section className="admin-section" aria-labelledby={titleId}>
      <h2 id={titleId}>History</h2>
      <p>
        Every save of the playlists or the settings is kept here, newest first (the last{' '}
        {list?.limit ?? HISTORY_LIMIT}). Preview a version to see its slides, or restore it: its
        playlists and settings come back together, and the restore is kept as a new version, so it
        can be undone too.
      </p>
      {failure && <ErrorAlert failure={failure} onDismiss={() => setFailure(undefined)} />}
      <p role="status" className="history-done">
        {done}
      </p>
      {!list ? (
        <p aria-busy="true">Loading…</p>
      ) : list.versions.length === 0 ? (
        <p>Nothing saved yet. Each save from now on is kept here.</p>
      ) : (
        <ol className="history-list" aria-label="Saved versions">
          {list.versions.map((entry) => (
            <li key={entry.id} className="history-item">
              <p className="history-item__summary">{historySummary(entry, timeZone)}</p>
              <p className="history-item__meta">
                <time dateTime={entry.at}>{when(entry.at)}</time>, {entry.who}
              </p>
              <div className="admin-actions">
                <button
                  type="button"
                  className="admin-button"
                  aria-pressed={preview?.id === entry.id}
                  onClick={() => void show(entry)}
                >
                  Preview
                </button>
                <button type="button" className="admin-button" onClick={() => setConfirming(entry)}>
                  Restore this version
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {preview && (
        <VersionPreview
          version={preview}
          when={when(preview.at)}
          onClose={() => setPreview(undefined)}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title="Restore this version?"
          confirm="Restore this version"
          danger
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(undefined)}
          message={
            <p>
              The playlists and settings as saved {when(confirming.at)} ({confirming.who}) replace
              what plays now. What plays now stays in the history, so you can come back to it.
            </p>
          }
        />
      )}
      {pinConfirm.dialog}
    </section>
  );
}
