/**
 * The emergency message: staff write it in each enabled language (or take a template), choose
 * when it starts and ends in the kiosk's time, and show or clear it. The form closes once the
 * message is set; the card's banner then says it is on, with Clear.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { AlertState } from '#core/alert';
import { ALERT_MAX_LENGTH } from '#core/limits';
import type { KioskApi } from '#core/contract';
import type { Settings } from '#core/schema';
import { languageName, textDirection } from '#core/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import type { FieldProblem } from '../field-map';
import { FieldProblemsProvider } from '../FieldProblems';
import { ProblemField } from '../ui/fields';
import { ProblemSummary } from '../ProblemSummary';
import { checkAlertInput } from './alert-problems';
import type { AdminFailure } from '../useAdminData';
import { toFailure } from '../ui/error-message';
import { kioskZone } from '../locale';
import { kioskTimeText, wallInputToIso } from './alert-time';
import { AlertTemplates } from './AlertTemplates';
import './alert.css';

interface EmergencyPanelProps {
  api: KioskApi;
  settings: Settings;
}

/** How often the card checks whether a message shows. */
const REFRESH_MS = 5000;

/** When a message shows, on the kiosk's clock. */
function bannerText(state: AlertState, timeZone: string): string {
  const at = state.alert?.expiresAt;
  const until = at ? `until ${kioskTimeText(at, timeZone)}` : 'until it is cleared';
  const startsAt = state.alert?.startsAt;
  if (startsAt && state.startsInMs !== null && state.startsInMs > 0) {
    return `A message will show over the player from ${kioskTimeText(startsAt, timeZone)} ${until}.`;
  }
  return `A message is showing over the player ${until}.`;
}

/** The "Emergency message" card at the top of the admin. */
export function EmergencyPanel({ api, settings }: EmergencyPanelProps) {
  const titleId = useId();
  const formId = useId();
  const [state, setState] = useState<AlertState | undefined>();
  const [open, setOpen] = useState(false);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [starts, setStarts] = useState('');
  const [expires, setExpires] = useState('');
  const [failure, setFailure] = useState<AdminFailure | undefined>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
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

  const zone = kioskZone(settings.timeZone);
  const run = async (
    action: () => Promise<AlertState>,
    message: string | ((next: AlertState) => string),
  ) => {
    setBusy(true);
    setFailure(undefined);
    setProblems([]);
    setDone('');
    try {
      const next = await action();
      setState(next);
      setDone(typeof message === 'string' ? message : message(next));
      return true;
    } catch (error) {
      setFailure(toFailure(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const text = Object.fromEntries(
    settings.enabledLanguages.map((lang) => [lang, texts[lang] ?? '']),
  );

  const show = async (event: FormEvent) => {
    event.preventDefault();
    const startsAt = wallInputToIso(starts, zone);
    const expiresAt = wallInputToIso(expires, zone);
    const input = { text, ...(startsAt && { startsAt }), ...(expiresAt && { expiresAt }) };
    // The host's own rule, checked here first so each problem shows at its field.
    const found = checkAlertInput(input, settings.defaultLanguage, zone);
    if (found.length > 0) {
      setFailure(undefined);
      setProblems(found);
      return;
    }
    const set = await run(
      () =>
        api.invoke('alert:set', {
          text,
          ...(startsAt && { startsAt }),
          ...(expiresAt && { expiresAt }),
        }),
      (next) =>
        (next.startsInMs ?? 0) > 0
          ? 'The message is set to show later.'
          : 'The message is showing on the kiosk.',
    );
    if (set) setOpen(false);
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
              ? bannerText(state, zone)
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
      {problems.length > 0 && (
        <ProblemSummary problems={problems} onDismiss={() => setProblems([])} />
      )}
      {failure && <ErrorAlert failure={failure} onDismiss={() => setFailure(undefined)} />}
      <p role="status" className="admin-status">
        {done}
      </p>
      <FieldProblemsProvider problems={problems}>
        <form id={formId} hidden={!open} onSubmit={(event) => void show(event)} noValidate>
          <p className="admin-note">
            Covers the whole player for every visitor until cleared or until it expires. Visitors
            see their language; an empty translation shows the{' '}
            {languageName(settings.defaultLanguage)} text.
          </p>
          {open && (
            <AlertTemplates
              api={api}
              texts={text}
              onUse={(used) => setTexts({ ...used })}
              onFailure={setFailure}
            />
          )}
          {languages.map((lang) => (
            <ProblemField
              key={lang}
              name={`text.${lang}`}
              label={`Message in ${languageName(lang)}${lang === settings.defaultLanguage ? ' (required)' : ' (optional)'}`}
            >
              {(props) => (
                <textarea
                  {...props}
                  lang={lang}
                  dir={textDirection(lang)}
                  rows={3}
                  maxLength={ALERT_MAX_LENGTH}
                  value={texts[lang] ?? ''}
                  onChange={(event) => setTexts({ ...texts, [lang]: event.target.value })}
                />
              )}
            </ProblemField>
          ))}
          {whenField('startsAt', `Starts (optional, kiosk time: ${zone})`, starts, setStarts)}
          {whenField('expiresAt', `Expires (optional, kiosk time: ${zone})`, expires, setExpires)}
          <div className="admin-actions">
            <button type="submit" className="admin-button admin-button--danger" disabled={busy}>
              Show message
            </button>
            <button type="button" className="admin-button" disabled={busy} onClick={clear}>
              Clear message
            </button>
          </div>
        </form>
      </FieldProblemsProvider>
    </section>
  );
}

/** A start or expiry, typed as the kiosk's wall time; its problem shows under it. */
function whenField(
  name: 'startsAt' | 'expiresAt',
  label: string,
  value: string,
  onChange: (value: string) => void,
) {
  return (
    <ProblemField name={name} label={label}>
      {(props) => (
        <input
          {...props}
          type="datetime-local"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </ProblemField>
  );
}
