/**
 * The settings form's draft: what staff typed, checked the way the host will check it.
 */
import type { Problem } from '#core/problems';
import { problemsFromZod } from '#core/problems';
import { isValidTimeZone } from '#core/schedule';
import { LanguageCode, SETTING_RANGES, Settings, TIME_ZONE_MESSAGE } from '#core/schema';
import { inRange, rangeMessage } from '#core/units';
import { parseWebPages, webPagesText } from './web-pages-draft';

/** Settings as the form holds them: numbers as typed, languages with their checkbox. */
export interface SettingsDraft {
  idleTimeoutSec: string;
  countdownSec: string;
  staffIdleLockSec: string;
  defaultLanguage: string;
  /** Every language listed; the checked ones are enabled. */
  languages: { code: string; enabled: boolean }[];
  reducedMotion: Settings['reducedMotion'];
  hideCursor: boolean;
  /** Empty: the kiosk computer's own time zone. */
  timeZone: string;
  /** The hour (`0` to `23`) of the planned reload; empty: off. */
  quietReloadHour: string;
  autostart: boolean;
  lanAdmin: boolean;
  /** Extra names of this kiosk on the network, separated by spaces, commas or lines. */
  allowedHostNames: string;
  /** Empty: no fleet sync. */
  syncManifestUrl: string;
  syncIntervalSec: string;
  syncPublicKey: string;
  playLogRetentionDays: string;
  /** The web page allowlist, one origin a line, "scripts" after those that may run scripts. */
  webPages: string;
}

/** Each setting's field label, for problems named by field. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  idleTimeoutSec: 'Idle timeout (seconds)',
  countdownSec: 'Countdown (seconds)',
  defaultLanguage: 'Default language',
  enabledLanguages: 'Enabled languages',
  reducedMotion: 'Reduced motion',
  hideCursor: 'Hide the mouse cursor',
  staffIdleLockSec: 'Staff idle lock (seconds)',
  timeZone: 'Time zone',
  quietReloadHour: 'Quiet-hour reload',
  autostart: 'Start at login',
  lanAdmin: 'Remote admin over the network',
  allowedHostNames: 'Other names of this kiosk',
  syncManifestUrl: 'Manifest URL',
  syncIntervalSec: 'Check every (seconds)',
  syncPublicKey: 'Bundle public key',
  playLogRetentionDays: 'Keep play records (days)',
  webPages: 'Web sites for web page slides',
};

/** The setting a problem is about: `$.settings.countdownSec` and `$.countdownSec` both name it. */
export function fieldOf(problem: Problem): string | undefined {
  const match = /^\$(?:\.settings)?\.([A-Za-z]+)/.exec(problem.path);
  return match?.[1];
}

/** The form's starting point: the saved settings. */
export function toDraft(settings: Settings): SettingsDraft {
  return {
    idleTimeoutSec: String(settings.idleTimeoutSec),
    countdownSec: String(settings.countdownSec),
    staffIdleLockSec: String(settings.staffIdleLockSec),
    defaultLanguage: settings.defaultLanguage,
    languages: settings.enabledLanguages.map((code) => ({ code, enabled: true })),
    reducedMotion: settings.reducedMotion,
    hideCursor: settings.hideCursor,
    timeZone: settings.timeZone ?? '',
    quietReloadHour: settings.quietReloadHour === undefined ? '' : String(settings.quietReloadHour),
    autostart: settings.autostart,
    lanAdmin: settings.lanAdmin,
    allowedHostNames: settings.allowedHostNames.join('\n'),
    syncManifestUrl: settings.syncManifestUrl ?? '',
    syncIntervalSec: String(settings.syncIntervalSec),
    syncPublicKey: settings.syncPublicKey ?? '',
    playLogRetentionDays: String(settings.playLogRetentionDays),
    webPages: webPagesText(settings.webPages),
  };
}

/** The allowed range of each number the form holds as typed (from core/limits.ts). */
export const RANGES = {
  idleTimeoutSec: SETTING_RANGES.idleTimeoutSec,
  countdownSec: SETTING_RANGES.countdownSec,
  staffIdleLockSec: SETTING_RANGES.staffIdleLockSec,
  syncIntervalSec: SETTING_RANGES.syncIntervalSec,
  playLogRetentionDays: SETTING_RANGES.playLogRetentionDays,
} as const;

const NUMBER_FIELDS = Object.keys(RANGES) as (keyof typeof RANGES)[];

/** Check the draft; the settings to save, or the problems by field (`$.<setting>`). */
export function fromDraft(
  draft: SettingsDraft,
  saved: Settings,
): { ok: true; settings: Settings } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number>> = {};
  for (const field of NUMBER_FIELDS) {
    const text = draft[field].trim();
    const range = RANGES[field];
    if (!/^\d{1,7}$/.test(text)) {
      problems.push(problem(field, `must be a whole number of ${range.unit}`));
    } else if (!inRange(Number(text), range)) {
      problems.push(problem(field, rangeMessage(range)));
    } else numbers[field] = Number(text);
  }
  const timeZone = draft.timeZone.trim();
  if (timeZone && !isValidTimeZone(timeZone)) {
    problems.push(problem('timeZone', `"${timeZone}" ${TIME_ZONE_MESSAGE}`));
  }
  const webPages = parseWebPages(draft.webPages);
  if (!webPages.ok) problems.push(problem('webPages', webPages.message));
  if (problems.length > 0 || !webPages.ok) return { ok: false, problems };

  const candidate = {
    ...saved,
    ...numbers,
    defaultLanguage: draft.defaultLanguage,
    enabledLanguages: draft.languages.filter((l) => l.enabled).map((l) => l.code),
    reducedMotion: draft.reducedMotion,
    hideCursor: draft.hideCursor,
    timeZone: timeZone || undefined,
    quietReloadHour: draft.quietReloadHour === '' ? undefined : Number(draft.quietReloadHour),
    autostart: draft.autostart,
    lanAdmin: draft.lanAdmin,
    allowedHostNames: draft.allowedHostNames
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((name) => name.toLowerCase()),
    syncManifestUrl: draft.syncManifestUrl.trim() || undefined,
    syncPublicKey: draft.syncPublicKey.trim() || undefined,
    webPages: webPages.entries,
  };
  const parsed = Settings.safeParse(candidate);
  if (!parsed.success) return { ok: false, problems: problemsFromZod('settings', parsed.error) };
  return { ok: true, settings: parsed.data };
}

/** A language tag as typed, in its canonical form (`nl-be` → `nl-BE`), or an error to show. */
export function checkLanguageCode(
  typed: string,
): { ok: true; code: string } | { ok: false; message: string } {
  const text = typed.trim();
  const message = `"${text}" is not a BCP 47 language tag such as "ar", "es" or "nl-BE".`;
  if (!LanguageCode.safeParse(text).success) return { ok: false, message };
  try {
    const [canonical] = Intl.getCanonicalLocales(text);
    return canonical && LanguageCode.safeParse(canonical).success
      ? { ok: true, code: canonical }
      : { ok: false, message };
  } catch {
    return { ok: false, message };
  }
}

function problem(field: string, message: string): Problem {
  return { source: 'settings', path: `$.${field}`, message };
}
