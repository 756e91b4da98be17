/**
 * The schemas content and settings share: numbers in ranges, language codes, names, media
 * references, dates, times and schedules. `core/schema.ts` exports them all with the rest.
 */
// zod/mini: the same validation in a tree-shakable form, so the player's bundle stays small.
import * as z from 'zod/mini';
import { calendarDateProblem } from './calendar-date.js';
import { MEDIA_REF_PATTERN } from './media.js';
import { isValidTimeZone } from './schedule.js';
import { rangeMessage, type Range } from './units.js';
/** The schema version written into content and settings files. */
export const CONTENT_SCHEMA_VERSION = 2;

/** The schema version written into settings files. */
export const SETTINGS_SCHEMA_VERSION = 1;

/** Checks for a whole number in a range, with a message that says the range and the unit. */
export function between(range: Range) {
  const message = rangeMessage(range);
  return [z.gte(range.min, message), z.lte(range.max, message)] as const;
}

// The limits live in core/limits.ts; the schemas' readers find them here too.
export { MAX_HOST_NAMES, SETTING_RANGES, SLIDE_DURATION_MS } from './limits.js';

/** A BCP 47 language tag such as `en`, `fr`, `nl-BE` or `ar`. */
export const LanguageCode = z
  .string()
  .check(
    z.regex(
      /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/,
      'must be a BCP 47 language tag such as "en" or "nl-BE"',
    ),
  );
export type LanguageCode = z.infer<typeof LanguageCode>;

/** A DNS name or an IP address as written in a URL, lower case: `kiosk-3.embassy.example`. */
export const HostName = z
  .string()
  .check(
    z.maxLength(253),
    z.regex(
      /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/,
      'must be a host name such as "kiosk-3.embassy.example", in lower case, without a port',
    ),
  );

/** Text in several languages, keyed by language tag. */
export const LocalizedText = z.record(LanguageCode, z.string().check(z.maxLength(4000)));
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Identifier of a slide or playlist: lowercase letters, digits and dashes. */
export const Id = z
  .string()
  .check(
    z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be 1 to 64 lowercase letters, digits or dashes'),
  );

/**
 * Where a picture or video comes from.
 *
 * `builtin:art/x.svg` is shipped default artwork; `media:<sha256>.<ext>` is a file staff uploaded.
 * Nothing else is accepted, so no slide can point outside the kiosk.
 */
export const MediaRef = z
  .string()
  .check(
    z.regex(MEDIA_REF_PATTERN, 'must be "builtin:art/<name>.<ext>" or "media:<sha256>.<ext>"'),
  );
export type MediaRef = z.infer<typeof MediaRef>;

/** A picture with alternative text in every language. */
export const ImageAsset = z.object({
  src: MediaRef,
  alt: LocalizedText,
});
export type ImageAsset = z.infer<typeof ImageAsset>;

/** A calendar date, `YYYY-MM-DD`, in the schedule's time zone. */
export const LocalDate = z.string().check(
  z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date like 2026-03-29'),
  z.superRefine((date, ctx) => {
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(date) ? calendarDateProblem(date) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: date });
  }),
);

/** A time of day, `HH:MM` (24-hour); `24:00` is the end of the day. */
export const TimeOfDay = z
  .string()
  .check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time like 09:30 (24-hour)'));

/** What is said of a name that is not a time zone. */
export const TIME_ZONE_MESSAGE = 'must be a time zone such as "Europe/Brussels"';

/** An IANA time zone name this runtime knows, such as "Europe/Brussels". */
export const TimeZone = z.string().check(z.refine(isValidTimeZone, TIME_ZONE_MESSAGE));

/**
 * A daily time window, `from` inclusive to `to` exclusive (`24:00` is the end of the day).
 *
 * Equal times mean all day. One whose `to` is before its `from` runs past midnight into the next
 * day; the part after midnight belongs to the day it started on.
 * This is what core/schedule.ts does.
 */
export const TimeWindow = z.object({ from: TimeOfDay, to: TimeOfDay });
export type TimeWindow = z.infer<typeof TimeWindow>;

/**
 * When something plays: every condition given must hold; an empty schedule means always.
 *
 * Dates and times are wall-clock times in `timeZone` (an IANA name such as "Europe/Brussels"),
 * or in the kiosk's time zone when it is not given.
 */
export const Schedule = z
  .object({
    timeZone: z.optional(TimeZone),
    /** First day it plays (inclusive). */
    startDate: z.optional(LocalDate),
    /** Last day it plays (inclusive). */
    endDate: z.optional(LocalDate),
    /** ISO weekdays it plays on: 1 Monday to 7 Sunday. */
    weekdays: z.optional(
      z
        .array(
          z
            .int()
            .check(
              z.gte(1, 'must be a weekday from 1 (Monday) to 7 (Sunday)'),
              z.lte(7, 'must be a weekday from 1 (Monday) to 7 (Sunday)'),
            ),
        )
        .check(z.maxLength(7)),
    ),
    /** Times of day it plays; none means all day. */
    times: z.optional(z.array(TimeWindow).check(z.maxLength(24))),
  })
  .check(
    z.superRefine((schedule, ctx) => {
      const { startDate, endDate } = schedule;
      // Both are YYYY-MM-DD, so comparing the text compares the dates.
      if (startDate !== undefined && endDate !== undefined && endDate < startDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['endDate'],
          message: `must not be before the start date ${startDate}: the schedule would never play`,
          input: endDate,
        });
      }
    }),
  );
export type Schedule = z.infer<typeof Schedule>;
