/**
 * Settings: how the player behaves, staff access and start-up, and the staff PIN.
 */
import { useId, useState } from 'react';
import type { Settings } from '#core/schema';
import { pinConfirmedChanges, pinRequiredMessage } from '#core/security-policy';
import { ApiError } from '../../api/api-error';
import { usePinConfirm } from '../access/usePinConfirm';
import { KeptEdit } from '../playlists/KeptEdit';
import type { SectionProps } from '../section';
import { BandCard } from './BandCard';
import { ChangePin } from './ChangePin';
import { SettingsForm } from './SettingsForm';
import { kioskZone } from '../locale';

/** The Settings section. */
export function SettingsSection({ api, data }: SectionProps) {
  const [saved, setSaved] = useState(false);
  const pinConfirm = usePinConfirm();
  // After a conflict: the staff's changes, read only, beside the settings saved by someone else.
  const [kept, setKept] = useState<string[] | undefined>();
  const titleId = useId();
  const { state, failure } = data;
  if (!state) return null;

  const save = async (settings: Settings) => {
    // Changes that reach beyond the screen need the PIN again (the host checks it too).
    const changes = pinConfirmedChanges(state.settings, settings);
    const withPin = (reason: string) =>
      pinConfirm.ask(reason, async (pin) => {
        if (!(await data.saveSettings(settings, pin))) throw new Error('not saved');
      });
    let ok: boolean;
    try {
      ok = changes.length
        ? await withPin(pinRequiredMessage(changes))
        : await data.saveSettings(settings);
    } catch (error) {
      // Saved settings changed meanwhile so that the host asks for the PIN after all.
      if (!(error instanceof ApiError && error.code === 'pin-required')) throw error;
      ok = await withPin(error.message);
    }
    setSaved(ok);
    return ok;
  };

  return (
    <section className="admin-section settings-section" aria-labelledby={titleId}>
      <h2 id={titleId}>Settings</h2>
      {/* A new revision (after a save or a reload) starts the form from what is saved. */}
      <SettingsForm
        key={state.revision}
        saved={state.settings}
        failure={failure}
        onDismissFailure={data.clearFailure}
        onLoadSaved={(changes) => {
          setKept(changes);
          data.clearFailure();
          void data.reload();
        }}
        saving={data.saving}
        onSave={save}
      />
      {kept && <KeptEdit lines={kept} onClose={() => setKept(undefined)} />}
      <p role="status" className="admin-status">
        {saved ? 'Settings saved.' : ''}
      </p>
      <BandCard
        key={`band-${state.revision}`}
        saved={state.settings}
        kioskTimeZone={kioskZone(state.settings.timeZone)}
        saving={data.saving}
        onSave={save}
      />
      <ChangePin api={api} />
      {pinConfirm.dialog}
    </section>
  );
}
