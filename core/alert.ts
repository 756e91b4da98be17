/**
 * Emergency messages: a full-screen message staff put over the player until cleared or expired.
 *
 * Stored as `alert.json` in the data folder; the same schemas check the file, the KioskApi calls
 * and the command line. Functions take `now` (epoch ms), so expiry is testable.
 */
import * as z from 'zod/mini';
import type { Problem } from './problems.js';
import { LanguageCode } from './schema.js';

/** Longest message, per language. */
export const ALERT_MAX_LENGTH = 1000;

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
  /** When it stops showing on its own (ISO time); absent means until cleared. */
  expiresAt: z.optional(IsoTime),
  createdAt: IsoTime,
});
export type Alert = z.infer<typeof Alert>;

/** What staff send to show a message. */
export const AlertInput = z.object({
  text: AlertText,
  expiresAt: z.optional(IsoTime),
});
export type AlertInput = z.infer<typeof AlertInput>;

/** The message showing now (null when none), and how long it still shows. */
export const AlertState = z.object({
  alert: z.nullable(Alert),
  /**
   * Milliseconds until it expires (null when it does not expire or none shows). Relative, so a
   * player whose clock differs from the host's still hides it on time.
   */
  expiresInMs: z.nullable(z.number()),
});
export type AlertState = z.infer<typeof AlertState>;

/** The message when it is still active at `now`, else null (an expired message counts as cleared). */
export function activeAlert(alert: Alert | null | undefined, now: number): Alert | null {
  if (!alert) return null;
  if (alert.expiresAt !== undefined && Date.parse(alert.expiresAt) <= now) return null;
  return alert;
}

/** The state the player sees at `now`. */
export function alertState(alert: Alert | null | undefined, now: number): AlertState {
  const active = activeAlert(alert, now);
  return {
    alert: active,
    expiresInMs:
      active?.expiresAt !== undefined ? Math.max(0, Date.parse(active.expiresAt) - now) : null,
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
