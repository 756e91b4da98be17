/**
 * Status: this kiosk's health, its fleet sync (with Sync now and Roll back), and publishing the
 * content here as a bundle for other kiosks.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { SyncProgress } from '#core/bundle';
import type { FleetStatus, Health } from '#core/contract';
import { pinRequiredMessage } from '#core/security-policy';
import { isPinError } from '../access/ConfirmPinDialog';
import { usePinConfirm } from '../access/usePinConfirm';
import { ErrorAlert } from '../ui/ErrorAlert';
import type { SectionProps } from '../section';
import type { AdminFailure } from '../useAdminData';
import { toFailure } from '../ui/error-message';
import { TextField } from '../ui/fields';

const SYNC_STATES: Record<FleetStatus['sync']['state'], string> = {
  off: 'Off: no manifest URL is set (Settings, Fleet sync).',
  idle: 'Up to date.',
  checking: 'Checking for a new bundle…',
  downloading: 'Downloading a new bundle…',
  error: 'The last check failed; the kiosk keeps playing its current content and tries again.',
};

/** The Status section. */
export function StatusSection({ api, data }: SectionProps) {
  const titleId = useId();
  const [health, setHealth] = useState<Health | undefined>();
  const [fleet, setFleet] = useState<FleetStatus | undefined>();
  const [failure, setFailure] = useState<AdminFailure | undefined>();
  const [outDir, setOutDir] = useState('');
  const [keyFile, setKeyFile] = useState('');
  const pinConfirm = usePinConfirm();
  const busy =
    fleet?.publish.state === 'running' ||
    fleet?.sync.state === 'checking' ||
    fleet?.sync.state === 'downloading';

  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let alive = true;
    const load = () =>
      Promise.all([
        api.invoke('health:get', undefined),
        api.invoke('fleet:status', undefined),
      ]).then(
        ([nextHealth, nextFleet]) => {
          if (!alive) return;
          setHealth(nextHealth);
          setFleet(nextFleet);
        },
        (error: unknown) => alive && setFailure(toFailure(error)),
      );
    void load();
    const timer = setInterval(() => void load(), busy ? 1000 : 5000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [api, busy, tick]);

  // New content arrived (a sync or a roll back): the other sections show it too.
  const revision = fleet?.sync.revision;
  const { reload } = data;
  useEffect(() => {
    if (revision) void reload();
  }, [revision, reload]);

  const act = async (run: () => Promise<FleetStatus>) => {
    setFailure(undefined);
    try {
      setFleet(await run());
      refresh();
    } catch (error) {
      setFailure(toFailure(error));
    }
  };
  const publish = (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    // Publishing reaches beyond the screen: the PIN again, in the dialog.
    void pinConfirm.ask(pinRequiredMessage('publish'), async (pin) => {
      const input = {
        outDir: outDir.trim(),
        pin,
        ...(keyFile.trim() ? { keyFile: keyFile.trim() } : {}),
      };
      try {
        setFleet(await api.invoke('fleet:publish', input));
        refresh();
      } catch (error) {
        if (!isPinError(error)) setFailure(toFailure(error));
        throw error;
      }
    });
  };

  const sync = fleet?.sync;
  const job = fleet?.publish;
  return (
    <section className="admin-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Status</h2>
      {failure && <ErrorAlert failure={failure} onDismiss={() => setFailure(undefined)} />}

      <div className="admin-card">
        <h3>This kiosk</h3>
        {health ? (
          <dl className="admin-facts">
            <Fact label="Health">{health.ok ? 'Good' : 'Needs attention'}</Fact>
            <Fact label="Version">{health.version}</Fact>
            <Fact label="Running for">{duration(health.uptimeSec)}</Fact>
            <Fact label="Content revision">
              <code>{health.revision}</code>
            </Fact>
            <Fact label="Showing now">
              {health.currentSlide
                ? `${health.currentSlide.title} (${health.currentSlide.playlistId}, ${health.currentSlide.lang.toUpperCase()}) since ${when(health.currentSlide.since)}`
                : 'No player has reported yet'}
            </Fact>
            <Fact label="Memory">{megabytes(health.memory.rssBytes)}</Fact>
            <Fact label="Last error">{health.lastError?.message ?? 'None'}</Fact>
            <Fact label="Remote admin">
              {health.remoteAdmin ? <code>{health.remoteAdmin.url}/#/admin</code> : 'Off'}
            </Fact>
            {health.remoteAdmin && (
              <Fact label="Certificate SHA-256">
                <code className="admin-fingerprint">{health.remoteAdmin.certificateSha256}</code>
              </Fact>
            )}
          </dl>
        ) : (
          <p>Loading…</p>
        )}
      </div>

      <div className="admin-card">
        <h3>Fleet sync</h3>
        {sync && (
          <>
            <p role="status">{SYNC_STATES[sync.state]}</p>
            {sync.progress && sync.progress.filesTotal > 0 && <Progress progress={sync.progress} />}
            <dl className="admin-facts">
              <Fact label="Manifest URL">{sync.manifestUrl ?? 'Not set'}</Fact>
              <Fact label="Bundle playing">
                {short(sync.revision)}
                {sync.sequence !== null && ` (sequence ${sync.sequence})`}
              </Fact>
              <Fact label="Kept for roll back">{short(sync.previousRevision)}</Fact>
              <Fact label="Last check">{when(sync.lastCheckAt)}</Fact>
              <Fact label="Last new bundle">{when(sync.lastSyncAt)}</Fact>
              <Fact label="Next check">{when(sync.nextCheckAt)}</Fact>
              {sync.refused && (
                <Fact label="Refused old bundle">
                  {short(sync.refused.revision)} (sequence {sync.refused.sequence}), offered by the
                  server at {when(sync.refused.at)}: not newer than what this kiosk has taken
                </Fact>
              )}
              {sync.rolledBackFrom && (
                <Fact label="Rolled back from">
                  {short(sync.rolledBackFrom)} (not taken again; a newer bundle will be)
                </Fact>
              )}
            </dl>
            {sync.lastError && (
              <p className="admin-alert__message">
                <strong>Sync problem:</strong> {sync.lastError.message} ({when(sync.lastError.at)})
              </p>
            )}
            <div className="admin-actions">
              <button
                type="button"
                className="admin-button"
                disabled={sync.state === 'off'}
                onClick={() => void act(() => api.invoke('fleet:sync-now', undefined))}
              >
                Sync now
              </button>
              <button
                type="button"
                className="admin-button"
                disabled={!sync.previousRevision}
                onClick={() => void act(() => api.invoke('fleet:roll-back', undefined))}
              >
                Roll back
              </button>
            </div>
          </>
        )}
      </div>

      <form className="admin-card" onSubmit={publish} aria-labelledby={`${titleId}-publish`}>
        <h3 id={`${titleId}-publish`}>Publish</h3>
        <p className="admin-note">
          Write this kiosk&apos;s playlists, media and shared settings as a bundle for other kiosks.
          Host the folder on any web server and set the other kiosks&apos; manifest URL to its
          manifest.json. The bundle goes into a folder of that name inside the{' '}
          <code>published</code> folder of the kiosk&apos;s data folder; a signing key is read from
          its <code>keys</code> folder.
        </p>
        <TextField
          id={`${titleId}-out`}
          label="Bundle folder"
          value={outDir}
          placeholder="my-bundle"
          onChange={setOutDir}
        />
        <TextField
          id={`${titleId}-key`}
          label="Signing key file (optional)"
          value={keyFile}
          placeholder="bundle-signing.key"
          onChange={setKeyFile}
        />
        <div className="admin-actions">
          <button
            type="submit"
            className="admin-button admin-button--primary"
            disabled={!outDir.trim() || job?.state === 'running'}
          >
            Publish
          </button>
        </div>
        {job && job.state !== 'idle' && (
          <div role={job.state === 'failed' ? 'alert' : 'status'}>
            {job.state === 'running' && (
              <>
                <p>Publishing to {job.outDir}…</p>
                <progress
                  aria-label="Publish progress"
                  max={Math.max(job.filesTotal, 1)}
                  value={job.filesDone}
                />
              </>
            )}
            {job.state === 'done' && (
              <p>
                Published revision <code>{short(job.revision)}</code> to {job.outDir}.
              </p>
            )}
            {job.state === 'failed' && (
              <p className="admin-alert__message">Not published: {job.error}</p>
            )}
          </div>
        )}
      </form>
      {pinConfirm.dialog}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Progress({ progress }: { progress: SyncProgress }) {
  return (
    <div>
      <progress
        aria-label="Sync progress"
        max={Math.max(progress.bytesTotal, 1)}
        value={progress.bytesDone}
      />
      <p>
        {progress.filesDone} of {progress.filesTotal} files, {megabytes(progress.bytesDone)} of{' '}
        {megabytes(progress.bytesTotal)}
      </p>
    </div>
  );
}

function short(revision: string | null): string {
  return revision ? revision.slice(0, 12) : 'None';
}

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'Never';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

function duration(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return days > 0
    ? `${days} d ${hours} h`
    : hours > 0
      ? `${hours} h ${minutes} min`
      : `${minutes} min`;
}
