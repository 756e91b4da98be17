/**
 * The settings form: visitors, schedules, staff and start-up; saved together with one button.
 */
import { useId, useState, type FormEvent } from 'react';
import type { Problem } from '#core/problems';
import type { Settings } from '#core/schema';
import { Alert, ErrorAlert, NOTHING_LOST } from '../ui/ErrorAlert';
import { TimeZonePicker } from '../schedule/TimeZonePicker';
import type { AdminFailure } from '../useAdminData';
import { CheckField, SecondsField, SelectField, TextField } from '../ui/fields';
import { LanguagesField, ownName } from './LanguagesField';
import {
  FIELD_LABELS,
  fieldOf,
  fromDraft,
  RANGES,
  toDraft,
  type SettingsDraft,
} from './settings-draft';

/** The computer's own time zone: the kiosk's when the setting names none. */
const COMPUTER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface SettingsFormProps {
  saved: Settings;
  /** Why the host refused the last save (its problems name fields by JSON path). */
  failure: AdminFailure | undefined;
  onDismissFailure(): void;
  /**
   * Start again from what is saved now (after a conflict); `kept` lists this draft's changes,
   * shown read only so nothing is lost silently.
   */
  onLoadSaved(kept: string[]): void;
  saving: boolean;
  /** Save checked settings; true when saved. */
  onSave(settings: Settings): Promise<boolean>;
}

/** The quiet-hour reload's choices: off, or an hour of the day. */
const QUIET_HOURS = [
  { value: '', label: 'Off' },
  ...Array.from({ length: 24 }, (_, hour) => {
    const from = String(hour).padStart(2, '0');
    const to = String((hour + 1) % 24).padStart(2, '0');
    return { value: String(hour), label: `${from}:00 to ${to}:00` };
  }),
];

/** A number's allowed range, as "(5 to 120)". */
function span(field: keyof typeof RANGES): string {
  return `(${RANGES[field].min} to ${RANGES[field].max})`;
}

/** Each field of `draft` that differs from `saved`, as "Label: value". */
function changedFields(draft: SettingsDraft, saved: SettingsDraft): string[] {
  const shown = (key: keyof SettingsDraft, value: SettingsDraft[keyof SettingsDraft]) =>
    key === 'languages'
      ? (value as SettingsDraft['languages'])
          .filter((l) => l.enabled)
          .map((l) => l.code)
          .join(', ')
      : String(value);
  return (Object.keys(draft) as (keyof SettingsDraft)[])
    .filter((key) => shown(key, draft[key]) !== shown(key, saved[key]))
    .map((key) => {
      const label = FIELD_LABELS[key === 'languages' ? 'enabledLanguages' : key] ?? key;
      return `${label}: ${shown(key, draft[key]) || '(empty)'}`;
    });
}

/** Errors by setting name; the first message wins. */
function errorsByField(problems: readonly Problem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    const field = fieldOf(problem);
    if (field && !(field in errors)) errors[field] = problem.message;
  }
  return errors;
}

/** Edit a draft of the settings; nothing changes on the kiosk until Save. */
export function SettingsForm({
  saved,
  failure,
  onDismissFailure,
  onLoadSaved,
  saving,
  onSave,
}: SettingsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(saved));
  const [problems, setProblems] = useState<Problem[]>([]);
  const base = useId();
  const id = (field: keyof typeof FIELD_LABELS) => `${base}-${field}`;
  const hostProblems = failure?.code === 'invalid-input' ? failure.problems : [];
  // The host's refusals are listed like the form's own: by label, never by JSON path.
  const listed = [...problems, ...hostProblems];
  const errors = errorsByField(listed);
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const field = (name: keyof typeof FIELD_LABELS) => ({
    id: id(name),
    label: FIELD_LABELS[name]!,
    error: errors[name],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = fromDraft(draft, saved);
    if (!checked.ok) {
      onDismissFailure();
      setProblems(checked.problems);
      const first = checked.problems.map(fieldOf).find(Boolean);
      if (first) document.getElementById(id(first))?.focus();
      return;
    }
    setProblems([]);
    await onSave(checked.settings);
  };

  const enabled = draft.languages.filter((l) => l.enabled);
  const defaultOptions = (
    enabled.some((l) => l.code === draft.defaultLanguage)
      ? enabled.map((l) => l.code)
      : [draft.defaultLanguage, ...enabled.map((l) => l.code)]
  ).map((code) => ({ value: code, label: `${ownName(code)} (${code})`, lang: code }));

  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <section className="admin-card" aria-labelledby={`${base}-visitors`}>
        <h3 id={`${base}-visitors`}>Visitors</h3>
        <SecondsField
          {...field('idleTimeoutSec')}
          hint={`With no touch or key for this long, the player asks whether someone is still there ${span('idleTimeoutSec')}.`}
          value={draft.idleTimeoutSec}
          {...RANGES.idleTimeoutSec}
          onChange={(value) => set('idleTimeoutSec', value)}
        />
        <SecondsField
          {...field('countdownSec')}
          hint={`How long that question counts down before the player starts again ${span('countdownSec')}.`}
          value={draft.countdownSec}
          {...RANGES.countdownSec}
          onChange={(value) => set('countdownSec', value)}
        />
        <LanguagesField
          languages={draft.languages}
          onChange={(languages) => set('languages', languages)}
          error={errors.enabledLanguages}
        />
        <SelectField
          {...field('defaultLanguage')}
          hint="The language the player starts in and returns to."
          value={draft.defaultLanguage}
          options={defaultOptions}
          onChange={(value) => set('defaultLanguage', value)}
        />
        <SelectField
          {...field('reducedMotion')}
          value={draft.reducedMotion}
          options={[
            { value: 'system', label: 'Follow the device setting' },
            { value: 'always', label: 'Always: fades without movement' },
          ]}
          onChange={(value) => set('reducedMotion', value as SettingsDraft['reducedMotion'])}
        />
        <CheckField
          {...field('hideCursor')}
          hint="For touch screens."
          checked={draft.hideCursor}
          onChange={(checked) => set('hideCursor', checked)}
        />
      </section>

      <section className="admin-card" aria-labelledby={`${base}-schedules`}>
        <h3 id={`${base}-schedules`}>Schedules</h3>
        <TimeZonePicker
          {...field('timeZone')}
          hint={`Schedules use this zone. Type part of a city to find it, then pick it; this computer's own is ${COMPUTER_ZONE}.`}
          value={draft.timeZone || undefined}
          fallback={COMPUTER_ZONE}
          onChange={(value) => set('timeZone', value)}
        />
        <SelectField
          {...field('quietReloadHour')}
          hint="Once a day in this hour (kiosk time), the player reloads to start fresh, but only when nobody has touched the screen for the idle timeout. The desktop app only."
          value={draft.quietReloadHour}
          options={QUIET_HOURS}
          onChange={(value) => set('quietReloadHour', value)}
        />
      </section>

      <section className="admin-card" aria-labelledby={`${base}-fleet`}>
        <h3 id={`${base}-fleet`}>Fleet sync</h3>
        <TextField
          {...field('syncManifestUrl')}
          hint="The address of a published bundle's manifest.json, such as https://content.example.org/kiosks/manifest.json. Leave empty to edit content on this kiosk only. Synced content replaces the playlists and shared settings here."
          value={draft.syncManifestUrl}
          placeholder="https://…/manifest.json"
          onChange={(value) => set('syncManifestUrl', value)}
        />
        <SecondsField
          {...field('syncIntervalSec')}
          hint={`How often the kiosk looks for a new bundle ${span('syncIntervalSec')}. After a failure it tries again sooner, then less and less often.`}
          value={draft.syncIntervalSec}
          {...RANGES.syncIntervalSec}
          onChange={(value) => set('syncIntervalSec', value)}
        />
        <TextField
          {...field('syncPublicKey')}
          multiline
          hint="Optional. Paste bundle-signing.pub (from openness-kiosk keys generate) to accept only bundles signed with its private key."
          value={draft.syncPublicKey}
          placeholder="-----BEGIN PUBLIC KEY-----"
          onChange={(value) => set('syncPublicKey', value)}
        />
      </section>

      <section className="admin-card" aria-labelledby={`${base}-staff`}>
        <h3 id={`${base}-staff`}>Staff and start-up</h3>
        <SecondsField
          {...field('staffIdleLockSec')}
          hint={`The admin locks itself and returns to the player after this long without use ${span('staffIdleLockSec')}.`}
          value={draft.staffIdleLockSec}
          {...RANGES.staffIdleLockSec}
          onChange={(value) => set('staffIdleLockSec', value)}
        />
        <SecondsField
          {...field('playLogRetentionDays')}
          hint={`Proof-of-play records (which slide showed when, and visits; nothing about visitors) older than this are deleted ${span('playLogRetentionDays')}.`}
          value={draft.playLogRetentionDays}
          {...RANGES.playLogRetentionDays}
          onChange={(value) => set('playLogRetentionDays', value)}
        />
        <CheckField
          {...field('autostart')}
          hint="Start the kiosk app when the computer starts (the desktop app)."
          checked={draft.autostart}
          onChange={(checked) => set('autostart', checked)}
        />
        <CheckField
          {...field('lanAdmin')}
          hint="Lets staff open this admin from other computers on the network. Takes effect the next time the kiosk starts, and always requires the staff PIN."
          checked={draft.lanAdmin}
          onChange={(checked) => set('lanAdmin', checked)}
        />
        <TextField
          {...field('allowedHostNames')}
          multiline
          hint="Optional, one per line. Names other computers use to reach this kiosk, such as kiosk-3.embassy.example. Its own computer name and addresses always work; remote admin refuses any other name."
          value={draft.allowedHostNames}
          placeholder="kiosk-3.embassy.example"
          onChange={(value) => set('allowedHostNames', value)}
        />
        <TextField
          {...field('webPages')}
          multiline
          hint="Web page slides show pages of these sites only, one per line, such as https://appointments.embassy.example. Add the word scripts after a site whose pages may run scripts."
          value={draft.webPages}
          placeholder="https://appointments.embassy.example scripts"
          onChange={(value) => set('webPages', value)}
        />
      </section>

      {listed.length > 0 && (
        <Alert
          message="Not saved. Some values are not valid:"
          items={listed.map((problem) => {
            const name = fieldOf(problem);
            return (
              <>
                <strong>{(name && FIELD_LABELS[name]) ?? 'Settings'}</strong>: {problem.message}
              </>
            );
          })}
          note={NOTHING_LOST}
        />
      )}
      {failure && listed.length === 0 && (
        <ErrorAlert failure={failure} onDismiss={onDismissFailure} />
      )}
      {failure?.code === 'conflict' && (
        <div className="admin-card admin-conflict">
          <p>
            Your changes are still in this form. To see what was saved instead, load the saved
            settings: a read-only copy of your changes stays in view, to make them again.
          </p>
          <button
            type="button"
            className="admin-button"
            onClick={() => onLoadSaved(changedFields(draft, toDraft(saved)))}
          >
            Load the saved settings (keep a copy of my edit)
          </button>
        </div>
      )}
      <div className="admin-actions">
        <button type="submit" className="admin-button admin-button--primary" disabled={saving}>
          Save settings
        </button>
        <button
          type="button"
          className="admin-button"
          onClick={() => {
            setDraft(toDraft(saved));
            setProblems([]);
          }}
        >
          Undo changes
        </button>
      </div>
    </form>
  );
}
