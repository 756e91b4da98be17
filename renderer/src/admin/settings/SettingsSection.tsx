/**
 * Settings: how the player behaves, staff access and start-up, and the staff PIN.
 */
import { useId, useState } from 'react';
import type { Settings } from '../../../../core/schema';
import type { SectionProps } from '../section';
import { BandCard } from './BandCard';
import { ChangePin } from './ChangePin';
import { SettingsForm } from './SettingsForm';

/** The Settings section. */
export function SettingsSection({ api, data }: SectionProps) {
  const [saved, setSaved] = useState(false);
  const titleId = useId();
  const { state, failure } = data;
  if (!state) return null;

  const save = async (settings: Settings) => {
    const ok = await data.saveSettings(settings);
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
        onLoadSaved={() => {
          data.clearFailure();
          void data.reload();
        }}
        saving={data.saving}
        onSave={save}
      />
      <p role="status" className="admin-status">
        {saved ? 'Settings saved.' : ''}
      </p>
      <BandCard
        key={`band-${state.revision}`}
        saved={state.settings}
        kioskTimeZone={state.settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
        saving={data.saving}
        onSave={save}
      />
      <ChangePin api={api} />
    </section>
  );
}
