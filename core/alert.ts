/**
 * Emergency messages: a full-screen message staff put over the player, from an optional start
 * time until cleared or expired, and the templates staff keep to reuse.
 *
 * Stored as `alert.json` in the data folder; the same schemas check the file, the KioskApi calls
 * and the command line. Functions take `now` (epoch ms), so expiry is testable.
 */
import * as z from 'zod/mini';
import type { Problem } from './problems.js';
import { ALERT_MAX_LENGTH, ALERT_TEMPLATE_NAME_MAX, MAX_ALERT_TEMPLATES } from './limits.js';
import { LanguageCode } from './schema.js';

// The limits live in core/limits.ts; readers of the alert rules find them here too.
export { ALERT_MAX_LENGTH, ALERT_TEMPLATE_NAME_MAX, MAX_ALERT_TEMPLATES };

/** The message in several languages, keyed by language tag; at least one must be filled. */
export const AlertText = z
  .record(LanguageCode, z.string().check(z.maxLength(ALERT_MAX_LENGTH)))
  .check(
    z.refine((text) => Object.values(text).some((value) => value.trim() !== ''), {
      message: 'the message is empty: write it in at least the default language',
    }),
  );
export type AlertText = z.infer<typeof AlertText>;

const IsoTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO date and time such as "2026-05-01T18:00:00Z"',
});

/** An emergency message as stored. */
export const Alert = z.object({
  text: AlertText,
  /** When it starts showing (ISO time); absent means at once. */
  startsAt: z.optional(IsoTime),
  /** When it stops showing on its own (ISO time); absent means until cleared. */
  expiresAt: z.optional(IsoTime),
  createdAt: IsoTime,
});
export type Alert = z.infer<typeof Alert>;

/** What staff send to show a message. */
export const AlertInput = z.object({
  text: AlertText,
  startsAt: z.optional(IsoTime),
  expiresAt: z.optional(IsoTime),
});
export type AlertInput = z.infer<typeof AlertInput>;

/** The message set now (null when none), when it starts and how long it still shows. */
export const AlertState = z.object({
  alert: z.nullable(Alert),
  /**
   * Milliseconds until it starts showing: 0 when it shows now, null when none is set. Relative,
   * like `expiresInMs`; the player shows nothing until then.
   */
  startsInMs: z.nullable(z.number()),
  /**
   * Milliseconds until it expires (null when it does not expire or none shows). Relative, so a
   * player whose clock differs from the host's still hides it on time.
   */
  expiresInMs: z.nullable(z.number()),
});
export type AlertState = z.infer<typeof AlertState>;

/** The message unless it expired by `now` (then it counts as cleared); it may not have started. */
export function activeAlert(alert: Alert | null | undefined, now: number): Alert | null {
  if (!alert) return null;
  if (alert.expiresAt !== undefined && Date.parse(alert.expiresAt) <= now) return null;
  return alert;
}

/** Whether the message shows at `now`: started and not expired. */
export function alertShowsAt(alert: Alert | null | undefined, now: number): boolean {
  const set = activeAlert(alert, now);
  return set !== null && (set.startsAt === undefined || Date.parse(set.startsAt) <= now);
}

/** The state the player and the admin see at `now`. */
export function alertState(alert: Alert | null | undefined, now: number): AlertState {
  const set = activeAlert(alert, now);
  return {
    alert: set,
    startsInMs:
      set === null ? null : set.startsAt ? Math.max(0, Date.parse(set.startsAt) - now) : 0,
    expiresInMs: set?.expiresAt !== undefined ? Math.max(0, Date.parse(set.expiresAt) - now) : null,
  };
}

/**
 * Check a new message against the kiosk's languages: the default language must be filled, and
 * an expiry must lie in the future. Untranslated languages are allowed (they show the default).
 */
export function alertInputProblems(
  input: AlertInput,
  defaultLanguage: string,
  now: number,
  source = 'alert',
): Problem[] {
  const problems: Problem[] = [];
  if ((input.text[defaultLanguage] ?? '').trim() === '') {
    problems.push({
      source,
      path: `$.text.${defaultLanguage}`,
      message: `write the message in the default language (${defaultLanguage}); other languages fall back to it`,
    });
  }
  if (input.expiresAt !== undefined && Date.parse(input.expiresAt) <= now) {
    problems.push({
      source,
      path: '$.expiresAt',
      message: `the expiry ${input.expiresAt} is already past`,
    });
  }
  if (
    input.startsAt !== undefined &&
    input.expiresAt !== undefined &&
    Date.parse(input.startsAt) >= Date.parse(input.expiresAt)
  ) {
    problems.push({
      source,
      path: '$.startsAt',
      message: `the start ${input.startsAt} must be before the expiry ${input.expiresAt}`,
    });
  }
  return problems;
}

/** Drop blank translations and trim each text, so the player falls back to the default. */
export function cleanAlertText(text: AlertText): AlertText {
  const clean: AlertText = {};
  for (const [lang, value] of Object.entries(text)) {
    if (value.trim() !== '') clean[lang] = value.trim();
  }
  return clean;
}

/** A message staff keep to show again, under a name they chose. */
export const AlertTemplate = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'give the template a name'),
      z.maxLength(ALERT_TEMPLATE_NAME_MAX, `at most ${ALERT_TEMPLATE_NAME_MAX} characters`),
    ),
  text: AlertText,
});
export type AlertTemplate = z.infer<typeof AlertTemplate>;

/** The kept templates, by name (names are unique, compared without case). */
export const AlertTemplates = z.array(AlertTemplate).check(
  z.maxLength(MAX_ALERT_TEMPLATES, `at most ${MAX_ALERT_TEMPLATES} templates`),
  z.refine(
    (list) => new Set(list.map((t) => t.name.toLowerCase())).size === list.length,
    'each template needs its own name',
  ),
);
export type AlertTemplates = z.infer<typeof AlertTemplates>;

/** The list with `template` added, replacing one of the same name (compared without case). */
export function withTemplate(list: AlertTemplates, template: AlertTemplate): AlertTemplates {
  const key = template.name.toLowerCase();
  const kept = list.filter((t) => t.name.toLowerCase() !== key);
  const next = [...kept, { name: template.name, text: cleanAlertText(template.text) }];
  return next.sort((a, b) => a.name.localeCompare(b.name));
}

/** The list without the template called `name` (compared without case). */
export function withoutTemplate(list: AlertTemplates, name: string): AlertTemplates {
  return list.filter((t) => t.name.toLowerCase() !== name.trim().toLowerCase());
}
