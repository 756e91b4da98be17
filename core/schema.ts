/**
 * Content schemas: slides, playlists, settings and the content file on disk.
 *
 * Every file the host reads and every payload that crosses a boundary is parsed with these
 * schemas, so a bad value gets an error naming its JSON path instead of a crash.
 */
// zod/mini: the same validation in a tree-shakable form, so the player's bundle stays small.
import * as z from 'zod/mini';
import { BACKDROPS, FIT_MODES, FOCUS_MAX, FOCUS_MIN } from './framing.js';
import { isValidTimeZone } from './schedule.js';

/** The schema version written into content and settings files. */
export const CONTENT_SCHEMA_VERSION = 2;

/** The schema version written into settings files. */
export const SETTINGS_SCHEMA_VERSION = 1;

/** Checks for a whole number in a range, with a message that says the range and the unit. */
function between(min: number, max: number, unit: string) {
  const message = `must be between ${min} and ${max} ${unit}`;
  return [z.gte(min, message), z.lte(max, message)] as const;
}

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

/** Most extra host names a kiosk accepts (`allowedHostNames`). */
export const MAX_HOST_NAMES = 20;

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
    z.regex(
      /^(builtin:(art|media)\/[a-z0-9][a-z0-9-]*\.(svg|png|jpg|jpeg|webp|avif|mp4|webm|vtt)|media:[a-f0-9]{64}\.(png|jpg|jpeg|webp|avif|mp4|webm|vtt))$/,
      'must be "builtin:art/<name>.<ext>" or "media:<sha256>.<ext>"',
    ),
  );
export type MediaRef = z.infer<typeof MediaRef>;

/** A picture with alternative text in every language. */
export const ImageAsset = z.object({
  src: MediaRef,
  alt: LocalizedText,
});
export type ImageAsset = z.infer<typeof ImageAsset>;

/** A calendar date, `YYYY-MM-DD`, in the schedule's time zone. */
export const LocalDate = z
  .string()
  .check(
    z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date like 2026-03-29'),
  );

/** A time of day, `HH:MM` (24-hour); `24:00` is the end of the day. */
export const TimeOfDay = z
  .string()
  .check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time like 09:30 (24-hour)'));

/** An IANA time zone name this runtime knows, such as "Europe/Brussels". */
export const TimeZone = z
  .string()
  .check(z.refine(isValidTimeZone, 'must be a time zone such as "Europe/Brussels"'));

/**
 * A daily time window, `from` inclusive to `to` exclusive (`24:00` is the end of the day).
 *
 * One whose `to` is not after its `from`, equal times included, runs past midnight into the next
 * day (equal times make 24 hours); the part after midnight belongs to the day it started on.
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
export const Schedule = z.object({
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
});
export type Schedule = z.infer<typeof Schedule>;

/** How a slide enters and leaves the screen. */
export const TransitionStyle = z.enum(['slide', 'fade']);
export type TransitionStyle = z.infer<typeof TransitionStyle>;

/** Longest web address a slide may link to. */
export const MAX_LINK_LENGTH = 2000;

/** A web page a visitor can take with them (shown as a QR code): http:// or https:// only. */
export const SlideLink = z.string().check(
  z.maxLength(MAX_LINK_LENGTH, `must be at most ${MAX_LINK_LENGTH} characters`),
  z.url({
    protocol: /^https?$/,
    error: 'must be a web address starting with http:// or https://, such as https://example.org',
  }),
);

const slideBase = {
  id: Id,
  enabled: z._default(z.boolean(), true),
  /** How long the slide stays on screen during automatic rotation, in milliseconds. */
  durationMs: z._default(z.int().check(...between(2000, 600_000, 'milliseconds')), 12_000),
  transition: z.optional(TransitionStyle),
  title: LocalizedText,
  schedule: z.optional(Schedule),
  /** A web page about the slide; the player shows it as a QR code. */
  link: z.optional(SlideLink),
};

/** A theme slide: title, lead line, paragraphs and optional artwork. */
export const ThemeSlide = z.object({
  ...slideBase,
  kind: z.literal('theme'),
  lead: z.optional(LocalizedText),
  /** Paragraphs separated by a blank line. */
  body: LocalizedText,
  image: z.optional(ImageAsset),
});

/** A focal point coordinate, in percent of the picture's width or height. */
const FocusPercent = z._default(z.number().check(...between(FOCUS_MIN, FOCUS_MAX, 'percent')), 50);

/**
 * How a full-screen picture or video meets a screen of another shape (rule in core/framing.ts).
 *
 * Optional on a slide, and every field has a default, so content written before it stays valid
 * (no migration): `auto` fills when the shapes are close and shows the whole picture otherwise.
 */
export const Framing = z.object({
  /** `fill` crops to fill the screen, `fit` shows the whole picture, `auto` decides by shape. */
  fit: z._default(z.enum(FIT_MODES), 'auto'),
  /** Behind a whole picture: a blurred copy of it, or the plain background. */
  backdrop: z._default(z.enum(BACKDROPS), 'blur'),
  /** The point kept in view when the picture fills the screen (percent from left and top). */
  focusX: FocusPercent,
  focusY: FocusPercent,
});
export type Framing = z.infer<typeof Framing>;

/** A full-screen picture with an optional caption. */
export const ImageSlide = z.object({
  ...slideBase,
  kind: z.literal('image'),
  image: ImageAsset,
  caption: z.optional(LocalizedText),
  framing: z.optional(Framing),
});

/** A full-screen video; plays muted unless staff turn sound on. */
export const VideoSlide = z.object({
  ...slideBase,
  kind: z.literal('video'),
  video: z.object({
    src: MediaRef,
    poster: z.optional(MediaRef),
    muted: z._default(z.boolean(), true),
    loop: z._default(z.boolean(), false),
    captions: z.optional(z.record(LanguageCode, MediaRef)),
  }),
  description: z.optional(LocalizedText),
  framing: z.optional(Framing),
});

/** Any slide, told apart by `kind`. */
export const Slide = z.discriminatedUnion('kind', [ThemeSlide, ImageSlide, VideoSlide]);
export type Slide = z.infer<typeof Slide>;
export type ThemeSlide = z.infer<typeof ThemeSlide>;
export type ImageSlide = z.infer<typeof ImageSlide>;
export type VideoSlide = z.infer<typeof VideoSlide>;

/** Review state of a language's texts: written by the source, translated by us, or checked by staff. */
export const TranslationStatus = z.enum(['source', 'needs-review', 'reviewed']);
export type TranslationStatus = z.infer<typeof TranslationStatus>;

/** An ordered list of slides that the player loops through. */
export const Playlist = z
  .object({
    id: Id,
    name: z.string().check(z.minLength(1), z.maxLength(120)),
    slides: z
      .array(Slide)
      .check(z.minLength(1, 'a playlist needs at least one slide'), z.maxLength(500)),
    translations: z._default(z.record(LanguageCode, TranslationStatus), {}),
    schedule: z.optional(Schedule),
  })
  .check(
    z.superRefine((playlist, ctx) => {
      const seen = new Set<string>();
      playlist.slides.forEach((slide, index) => {
        if (seen.has(slide.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['slides', index, 'id'],
            message: `duplicate slide id "${slide.id}"`,
          });
        }
        seen.add(slide.id);
      });
    }),
  );
export type Playlist = z.infer<typeof Playlist>;

/** The content file: every playlist, and the one that plays when no scheduled one is on. */
export const ContentFile = z
  .object({
    schemaVersion: z.literal(CONTENT_SCHEMA_VERSION),
    defaultPlaylistId: Id,
    playlists: z.array(Playlist).check(z.minLength(1)),
  })
  .check(
    z.superRefine((content, ctx) => {
      if (!content.playlists.some((p) => p.id === content.defaultPlaylistId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['defaultPlaylistId'],
          message: `no playlist has the id "${content.defaultPlaylistId}"`,
        });
      }
    }),
  );
export type ContentFile = z.infer<typeof ContentFile>;

/** Longest announcement, in characters, in each language: one line a visitor reads at a glance. */
export const MAX_ANNOUNCEMENT_LENGTH = 160;

/** Most announcements the band holds. */
export const MAX_ANNOUNCEMENTS = 20;

/** One short announcement for the band, in several languages, shown while its schedule is on. */
export const Announcement = z.object({
  text: z.record(
    LanguageCode,
    z
      .string()
      .check(
        z.maxLength(
          MAX_ANNOUNCEMENT_LENGTH,
          `must be at most ${MAX_ANNOUNCEMENT_LENGTH} characters`,
        ),
      ),
  ),
  schedule: z.optional(Schedule),
});
export type Announcement = z.infer<typeof Announcement>;

/** The announcement band and clock: off unless staff turn them on. */
export const BandSettings = z.object({
  /** Show the band (with the announcements that are on now). */
  enabled: z._default(z.boolean(), false),
  /** Show the time and date in the band. */
  clock: z._default(z.boolean(), false),
  position: z._default(z.enum(['top', 'bottom']), 'top'),
  /** One announcement at a time, or all of them scrolling by (static under reduced motion). */
  motion: z._default(z.enum(['rotate', 'scroll']), 'rotate'),
  announcements: z._default(z.array(Announcement).check(z.maxLength(MAX_ANNOUNCEMENTS)), []),
});
export type BandSettings = z.infer<typeof BandSettings>;

/** Kiosk settings that staff can change. */
/** The settings' fields, without the checks across fields (for picking some of them). */
export const SettingsFields = z.object({
  schemaVersion: z._default(z.literal(SETTINGS_SCHEMA_VERSION), SETTINGS_SCHEMA_VERSION),
  /** Seconds without input before the "still there?" dialog. */
  idleTimeoutSec: z._default(z.int().check(...between(10, 3600, 'seconds')), 90),
  /** Seconds the dialog counts down before the player resets. */
  countdownSec: z._default(z.int().check(...between(5, 120, 'seconds')), 20),
  defaultLanguage: z._default(LanguageCode, 'en'),
  enabledLanguages: z._default(z.array(LanguageCode).check(z.minLength(1)), [
    'en',
    'fr',
    'nl',
    'de',
  ]),
  /** `always` uses fades without movement for everyone, `system` follows the device setting. */
  reducedMotion: z._default(z.enum(['system', 'always']), 'system'),
  /** Hide the mouse cursor (touch screens). */
  hideCursor: z._default(z.boolean(), false),
  /** Seconds without staff activity before the admin locks itself. */
  staffIdleLockSec: z._default(z.int().check(...between(30, 3600, 'seconds')), 300),
  /** Serve the admin to other machines on the network (PIN login required). */
  lanAdmin: z._default(z.boolean(), false),
  /**
   * Other names staff use to reach this kiosk over the network (a DNS name, not only its own
   * host name and addresses, which are always accepted); the API refuses any other name.
   */
  allowedHostNames: z._default(z.array(HostName).check(z.maxLength(MAX_HOST_NAMES)), []),
  /** IANA time zone for schedules, such as "Europe/Brussels"; the machine's when not set. */
  timeZone: z.optional(TimeZone),
  /** Start the kiosk app when the computer starts (Electron). */
  autostart: z._default(z.boolean(), false),
  /** Fleet sync: the URL of a published bundle's manifest.json; no sync when not set. */
  syncManifestUrl: z.optional(
    z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }),
  ),
  /** Seconds between two checks of the manifest. */
  syncIntervalSec: z._default(z.int().check(...between(10, 86_400, 'seconds')), 300),
  /** Ed25519 public key (PEM or base64 SPKI); when set, only bundles it signed are accepted. */
  syncPublicKey: z.optional(z.string().check(z.minLength(40), z.maxLength(2000))),
  /** Hour of the day (0 to 23, kiosk time) for a planned soft reload of the player; off when not set. */
  quietReloadHour: z.optional(z.int().check(...between(0, 23, 'hours'))),
  /** Days that proof-of-play and session records are kept. */
  playLogRetentionDays: z._default(z.int().check(...between(1, 3650, 'days')), 90),
  /** The announcement band and clock. */
  band: z._default(BandSettings, {
    enabled: false,
    clock: false,
    position: 'top',
    motion: 'rotate',
    announcements: [],
  }),
});

/** Kiosk settings that staff can change. */
export const Settings = SettingsFields.check(
  z.superRefine((settings, ctx) => {
    if (!settings.enabledLanguages.includes(settings.defaultLanguage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLanguage'],
        message: `default language "${settings.defaultLanguage}" is not among the enabled languages`,
      });
    }
  }),
);
export type Settings = z.infer<typeof Settings>;

/** The settings every kiosk starts with. */
export const DEFAULT_SETTINGS: Settings = Settings.parse({});
