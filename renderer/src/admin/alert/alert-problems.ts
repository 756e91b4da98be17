/**
 * The emergency form's problems by field, with times on the kiosk's clock in the admin's
 * language (core and the host name them by JSON path and ISO time).
 */
import { alertInputProblems, type AlertInput } from '#core/alert';
import type { Problem } from '#core/problems';
import { parseJsonPath } from '#core/problems';
import { languageName } from '#core/i18n';
import type { FieldProblem } from '../field-map';
import { kioskTimeText } from './alert-time';

/** What was sent, to say the times back in kiosk time. */
export interface AlertTimes {
  startsAt?: string;
  expiresAt?: string;
}

/** Each problem of a new message at its field: `text.<lang>`, `startsAt` or `expiresAt`. */
export function alertFieldProblems(
  problems: readonly Pick<Problem, 'path' | 'message'>[],
  times: AlertTimes,
  timeZone: string,
): FieldProblem[] {
  return problems.map(({ path, message }) => {
    const [first, lang] = parseJsonPath(path);
    const at = (iso: string | undefined) => (iso ? kioskTimeText(iso, timeZone) : '');
    if (first === 'expiresAt') {
      return {
        key: 'expiresAt',
        label: 'Expires',
        where: '',
        message: `${at(times.expiresAt)} (kiosk time) is already past; choose a later time`,
      };
    }
    if (first === 'startsAt') {
      return {
        key: 'startsAt',
        label: 'Starts',
        where: '',
        message: `must be before the expiry, ${at(times.expiresAt)} (kiosk time)`,
      };
    }
    if (first === 'text' && typeof lang === 'string') {
      return {
        key: `text.${lang}`,
        label: `Message in ${languageName(lang)}`,
        where: '',
        message: `write the message in ${languageName(lang)}; other languages fall back to it`,
      };
    }
    return { key: 'message', label: 'Message', where: '', message };
  });
}

/** Check a new message with the host's own rule, now; its problems by field. */
export function checkAlertInput(
  input: AlertInput,
  defaultLanguage: string,
  timeZone: string,
): FieldProblem[] {
  return alertFieldProblems(
    alertInputProblems(input, defaultLanguage, Date.now()),
    input,
    timeZone,
  );
}
