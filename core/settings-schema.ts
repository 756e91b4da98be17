/**
 * The settings file: how the player behaves, staff access, remote admin, fleet sync, web page
 * sites and the announcement band. `core/schema.ts` exports it with the rest.
 */
import * as z from 'zod/mini';
import {
  between,
  HostName,
  LanguageCode,
  Schedule,
  SETTINGS_SCHEMA_VERSION,
  TimeZone,
} from './schema-common.js';
import {
  MAX_ANNOUNCEMENT_LENGTH,
  MAX_ANNOUNCEMENTS,
  MAX_HOST_NAMES,
  MAX_WEB_ORIGINS,
  SETTING_RANGES,
} from './limits.js';
import { isOrigin } from './web-page.js';

/** A site whose pages web page slides may show, and whether they may run scripts. */
export const WebOrigin = z.object({
  origin: z.string().check(
    z.refine(isOrigin, {
      message: 'must be an origin such as "https://example.org": scheme, host and port only',
    }),
  ),
  scripts: z._default(z.boolean(), false),
});
export type WebOrigin = z.infer<typeof WebOrigin>;

// The band's limits live in core/limits.ts; readers of the schemas find them here too.
export { MAX_ANNOUNCEMENT_LENGTH, MAX_ANNOUNCEMENTS };

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

/** The settings' fields, without the checks across fields (for picking some of them). */
export const SettingsFields = z.object({
  schemaVersion: z._default(z.literal(SETTINGS_SCHEMA_VERSION), SETTINGS_SCHEMA_VERSION),
  /** Seconds without input before the "still there?" dialog. */
  idleTimeoutSec: z._default(z.int().check(...between(SETTING_RANGES.idleTimeoutSec)), 90),
  /** Seconds the dialog counts down before the player resets. */
  countdownSec: z._default(z.int().check(...between(SETTING_RANGES.countdownSec)), 20),
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
  staffIdleLockSec: z._default(z.int().check(...between(SETTING_RANGES.staffIdleLockSec)), 300),
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
  syncIntervalSec: z._default(z.int().check(...between(SETTING_RANGES.syncIntervalSec)), 300),
  /** Ed25519 public key (PEM or base64 SPKI); when set, only bundles it signed are accepted. */
  syncPublicKey: z.optional(z.string().check(z.minLength(40), z.maxLength(2000))),
  /** Hour of the day (0 to 23, kiosk time) for a planned soft reload of the player; off when not set. */
  quietReloadHour: z.optional(z.int().check(...between(SETTING_RANGES.quietReloadHour))),
  /** Days that proof-of-play and session records are kept. */
  playLogRetentionDays: z._default(
    z.int().check(...between(SETTING_RANGES.playLogRetentionDays)),
    90,
  ),
  /** Sites whose pages web page slides may show (the CSP's frame-src is built from it). */
  webPages: z._default(z.array(WebOrigin).check(z.maxLength(MAX_WEB_ORIGINS)), []),
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
