/**
 * The emergency message: staff write it in each enabled language and show or clear it.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { AlertState } from '../../../../core/alert';
import type { KioskApi } from '../../../../core/contract';
import type { Settings } from '../../../../core/schema';
import { languageName, textDirection } from '../../../../core/i18n';
import { ErrorAlert } from '../ErrorAlert';
import { toFailure, type AdminFailure } from '../useAdminData';
import './alert.css';

interface EmergencyPanelProps {
  api: KioskApi;
  settings: Settings;
}

/** How often the card checks whether a message shows. */
const REFRESH_MS = 5000;

/** When a message stops showing, in staff's local time. */
function untilText(state: AlertState): string {
  const at = state.alert?.expiresAt;
  return at ? `until ${new Date(at).toLocaleString()}` : 'until it is cleared';
}

/** A `datetime-local` value as an ISO time (undefined when empty or not a time). */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local).getTime();
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The "Emergency message" card at the top of the admin. */
export function EmergencyPanel({ api, settings }: EmergencyPanelProps) {
  const titleId = useId();
  const formId = useId();
  const [state, setState] = useState<AlertState | undefined>();
  const [open, setOpen] = useState(false);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [expires, setExpires] = useState('');
  const [failure, setFailure] = useState<AdminFailure | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  const refresh = useCallback(
    () =>
      api.invoke('alert:get', undefined).then(
        (next) =>
          setState((current) =>
            JSON.stringify(current) === JSON.stringify(next) ? current : next,
          ),
        // Unreachable for a moment: keep showing what was known.
        () => undefined,
      ),
    [api],
  );
  useEffect(() => {
    void refresh();
    // Follow messages set from the command line, and expiries.
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const run = async (action: () => Promise<AlertState>, message: string) => {
    setBusy(true);
    setFailure(undefined);
    setDone('');
    try {
      setState(await action());
      setDone(message);
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setBusy(false);
    }
  };

  const show = (event: FormEvent) => {
    event.preventDefault();
    const text = Object.fromEntries(
      settings.enabledLanguages.map((lang) => [lang, texts[lang] ?? '']),
    );
    const expiresAt = toIso(expires);
    void run(
      () => api.invoke('alert:set', { text, ...(expiresAt && { expiresAt }) }),
      'The message is showing on the kiosk.',
    );
  };
  const clear = () =>
    void run(() => api.invoke('alert:clear', undefined), 'The message was cleared.');

  const active = state?.alert;
  const languages = [
    settings.defaultLanguage,
    ...settings.enabledLanguages.filter((lang) => lang !== settings.defaultLanguage),
  ];
  return (
    <section className="admin-card admin-emergency" aria-labelledby={titleId}>
      <div className="admin-emergency__head">
        <h2 id={titleId}>Emergency message</h2>
        <p className={active ? 'admin-emergency__on' : undefined}>
          {state === undefined
            ? 'Checking…'
            : active
              ? `A message is showing over the player ${untilText(state)}.`
              : 'No message is showing.'}
        </p>
        <button
          type="button"
          className="admin-button"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide the form' : 'Write a message'}
        </button>
        {active && !open && (
          <button
            type="button"
            className="admin-button admin-button--danger"
            disabled={busy}
            onClick={clear}
          >
            Clear message
          </button>
        )}
      </div>
      {failure && <ErrorAlert failure={failure} onDismiss={() => setFailure(undefined)} />}
      <p role="status" className="admin-status">
        {done}
      </p>
      <form id={formId} hidden={!open} onSubmit={show} noValidate>
        <p className="admin-note">
          Covers the whole player for every visitor until cleared or until it expires. Visitors see
          their language; an empty translation shows the {languageName(settings.defaultLanguage)}{' '}
          text.
        </p>
        {languages.map((lang) => (
          <label key={lang} className="admin-field">
            <span>
              Message in {languageName(lang)}
              {lang === settings.defaultLanguage ? ' (required)' : ' (optional)'}
            </span>
            <textarea
              lang={lang}
              dir={textDirection(lang)}
              rows={3}
              maxLength={1000}
              value={texts[lang] ?? ''}
              onChange={(event) => setTexts({ ...texts, [lang]: event.target.value })}
            />
          </label>
        ))}
        <label className="admin-field">
          <span>Expires (optional, local time)</span>
          <input
            type="datetime-local"
            value={expires}
            onChange={(event) => setExpires(event.target.value)}
          />
        </label>
        <div className="admin-actions">
          <button type="submit" className="admin-button admin-button--danger" disabled={busy}>
            Show message
          </button>
          <button type="button" className="admin-button" disabled={busy} onClick={clear}>
            Clear message
          </button>
        </div>
      </form>
    </section>
  );
}
