import type { Settings } from './schema.js';
import { connectSrc, frameSrc, type WebOriginEntry } from './web-page.js';

/**
 * The Content Security Policy the player runs under, in the browser host and in Electron alike.
 *
 * Nothing inline, nothing from elsewhere: every script, style, font and picture comes from the
 * kiosk itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  // The admin's PDF import draws pages in a PDF.js worker, a file of the kiosk's own build.
  "worker-src 'self'",
].join('; ');

/**
 * The policy with `frame-src` and `connect-src` built from the web page allowlist (settings), so
 * web page slides can frame those sites (and check that they answer) and no other; with an empty
 * list it is CONTENT_SECURITY_POLICY.
 */
export function contentSecurityPolicy(allowlist: readonly WebOriginEntry[]): string {
  return CONTENT_SECURITY_POLICY.replace("frame-src 'none'", frameSrc(allowlist)).replace(
    "connect-src 'self'",
    connectSrc(allowlist),
  );
}

/** SECURITY_HEADERS with the CSP's `frame-src` built from the web page allowlist. */
export function securityHeaders(
  allowlist: readonly WebOriginEntry[],
): Readonly<Record<string, string>> {
  return { ...SECURITY_HEADERS, 'Content-Security-Policy': contentSecurityPolicy(allowlist) };
}

/** Response headers every page and file of the kiosk carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};

/** Event streams (`/api/events`) one address may hold open at once; more get 429. */
export const EVENT_STREAMS_PER_SOURCE = 8;

/**
 * Event streams all other machines together may hold open at once; more get 503. The kiosk's own
 * screen is not counted here (it has an allowance of its own, this large), so a flood from the
 * network never cuts off its player.
 */
export const EVENT_STREAMS_TOTAL = 64;

/**
 * Settings that reach beyond the kiosk's screen: changing any of them needs the staff PIN again
 * within the session, so a stolen session cookie alone cannot re-key a kiosk, point it at another
 * sync server or open it to the network. Each names the setting in staff words.
 */
export const PIN_CONFIRMED_SETTINGS = {
  syncManifestUrl: 'the sync server address',
  syncPublicKey: 'the bundle public key',
  lanAdmin: 'remote admin over the network',
  allowedHostNames: 'the other names of this kiosk',
} as const satisfies Partial<Record<keyof Settings, string>>;

/** A setting whose change needs the PIN again. */
export type PinConfirmedSetting = keyof typeof PIN_CONFIRMED_SETTINGS;

/** The settings whose change needs the PIN again, in the order of `PIN_CONFIRMED_SETTINGS`. */
export function pinConfirmedChanges(before: Settings, after: Settings): PinConfirmedSetting[] {
  const keys = Object.keys(PIN_CONFIRMED_SETTINGS) as PinConfirmedSetting[];
  // Settings are plain JSON data; a missing value and `undefined` are the same setting.
  const same = (key: PinConfirmedSetting) =>
    JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null);
  return keys.filter((key) => !same(key));
}

/** What staff are asked before a change or publish: "Enter the PIN again to change …". */
export function pinRequiredMessage(changes: readonly PinConfirmedSetting[] | 'publish'): string {
  if (changes === 'publish') return 'Enter the PIN again to publish.';
  const names = changes.map((key) => PIN_CONFIRMED_SETTINGS[key]);
  const list =
    names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Enter the PIN again to change ${list}.`;
}

/**
 * Where the admin may publish: a folder of this name inside the data folder; each bundle is a
 * folder in it. (The `openness-kiosk publish` command, run at the kiosk, writes anywhere.)
 */
export const PUBLISH_FOLDER = 'published';

/** Where the admin may read a bundle signing key from: this folder inside the data folder. */
export const KEYS_FOLDER = 'keys';
