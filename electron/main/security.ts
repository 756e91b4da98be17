/**
 * Lockdown of every web contents: no new windows, no navigation away, no webviews, no permissions,
 * no context menu, no DevTools in production, no requests to the network.
 *
 * The player is served from `kiosk://app` (see protocol.ts); anything else is refused, except the
 * frames of web page slides: a subframe may load a page of a site on the allowlist (settings), and
 * that page its own resources, but it can never navigate the top, open a window or get a
 * permission. The kiosk
 * window's keyboard filter ({@link isBlockedShortcut}) is added by window.ts in kiosk mode.
 */
import { app, session, type Input, type Session, type WebContents } from 'electron';
import { allowedEntry, type WebOriginEntry } from '#core/web-page';
import { log } from './logger.js';

/** The scheme the kiosk is served from. */
export const KIOSK_SCHEME = 'kiosk';
/** The only host the kiosk scheme answers for. */
export const KIOSK_HOST = 'app';
/** Our own origin; the player's start page lives under it. */
export const KIOSK_ORIGIN = `${KIOSK_SCHEME}://${KIOSK_HOST}`;

/** Whether a URL belongs to our own origin, `kiosk://app`. */
export function isOwnOrigin(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Compare the parts: Node reports origin "null" for schemes it does not know.
  return (
    parsed.protocol === `${KIOSK_SCHEME}:` &&
    parsed.host === KIOSK_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The network schemes no page of the kiosk may reach; kiosk:// is all it needs. */
export const NETWORK_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * Refuse every permission request, permission check and device grant in a session, and cancel
 * every request to the network (the CSP already forbids them; this holds even if it slipped).
 */
export function denyPermissions(target: Session, options: HardenOptions = {}): void {
  const allowlist = options.webOrigins ?? (() => []);
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    log().info(`refused a permission request: ${permission}`);
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.webRequest.onBeforeRequest({ urls: NETWORK_URLS }, (details, callback) => {
    if (isWebPageRequest(details, allowlist())) return callback({});
    log().info(`refused a network request: ${details.url}`);
    callback({ cancel: true });
  });
}

/** What {@link hardenWebContents} allows. */
export interface HardenOptions {
  /** DevTools may stay open (development only); in production they are closed at once. */
  devTools?: boolean;
  /** The web page allowlist as it is now (settings); none when not given. */
  webOrigins?: () => readonly WebOriginEntry[];
}

/** What a request or navigation says about where it comes from. */
interface FrameDetails {
  url: string;
  method?: string;
  resourceType?: string;
  isMainFrame?: boolean;
  frame?: { url: string; parent: unknown } | null;
}

/**
 * Whether a network request belongs to a web page slide: the frame's own page on an allowed site,
 * or anything that page loads from inside its (sub)frame. The top frame reaches the network only to
 * ask an allowed site whether it answers (a HEAD request, read by nobody) before framing a page.
 */
export function isWebPageRequest(
  details: FrameDetails,
  allowlist: readonly WebOriginEntry[],
): boolean {
  if (allowlist.length === 0) return false;
  if (details.method === 'HEAD') return allowedEntry(details.url, allowlist) !== undefined;
  if (details.resourceType === 'subFrame')
    return allowedEntry(details.url, allowlist) !== undefined;
  try {
    const frame = details.frame;
    return !!frame && frame.parent !== null && allowedEntry(frame.url, allowlist) !== undefined;
  } catch {
    // A frame already gone: nothing to allow.
    return false;
  }
}

/** Whether a navigation is a web page slide's frame loading a page of an allowed site. */
export function isAllowedFrameNavigation(
  details: FrameDetails,
  allowlist: readonly WebOriginEntry[],
): boolean {
  return details.isMainFrame === false && allowedEntry(details.url, allowlist) !== undefined;
}

/** Lock one web contents down: deny window.open, off-origin navigation and webviews. */
export function hardenWebContents(contents: WebContents, options: HardenOptions = {}): void {
  contents.setWindowOpenHandler(({ url }) => {
    log().info(`refused to open a window: ${url}`);
    return { action: 'deny' };
  });
  const allowlist = options.webOrigins ?? (() => []);
  const stayHome = (kind: string) => (event: FrameDetails & { preventDefault(): void }) => {
    if (isOwnOrigin(event.url)) return;
    // Only a subframe, never the top, may go to an allowed site (will-navigate is the top's).
    if (kind !== 'navigation' && isAllowedFrameNavigation(event, allowlist())) return;
    log().info(`refused ${kind} to ${event.url}`);
    event.preventDefault();
  };
  contents.on('will-navigate', stayHome('navigation'));
  contents.on('will-frame-navigate', stayHome('frame navigation'));
  contents.on('will-redirect', stayHome('a redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Electron shows no menu of its own; this keeps a long press from ever offering one.
  contents.on('context-menu', (event) => event.preventDefault());
  if (!options.devTools) {
    contents.on('devtools-opened', () => {
      log().warn('DevTools opened in production; closing them');
      contents.closeDevTools();
    });
  }
  denyPermissions(contents.session, options);
}

/** Harden every web contents the app ever creates, and the default session. Call after ready. */
export function setupSecurity(options: HardenOptions = {}): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
  denyPermissions(session.defaultSession, options);
}

const CLOSE_RELOAD_PRINT_TOOLS = new Set([
  'q', // quit
  'w', // close the window
  'f4', // close the tab (Ctrl+F4)
  'r', // reload
  'p', // print
  'n', // new window
  't', // new tab
  'o', // open a file
  's', // save the page
  'u', // view source
  'h', // hide (macOS)
  'm', // minimise (macOS)
  '+', // zoom in
  '=', // zoom in (unshifted)
  '-', // zoom out
  '0', // reset zoom
]);

const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);

const BARE_KEYS = new Set([
  'f5', // reload
  'f11', // leave full screen
  'f12', // DevTools
  'browserback',
  'browserforward',
  'browserrefresh',
  'browserhome',
  'browsersearch',
]);

/**
 * Whether the kiosk swallows this key: shortcuts that close, reload, print, zoom, navigate or
 * open tools. Editing keys (Ctrl+C, V, X, A, Z, Y) still work in staff forms.
 *
 * Alt+F4 and Ctrl+Alt+Delete belong to the operating system, which acts before the app sees them;
 * a kiosk account or shell lockdown (Windows Assigned Access, a Linux kiosk session) covers those.
 */
export function isBlockedShortcut(
  input: Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>,
): boolean {
  const key = input.key.toLowerCase();
  if (BARE_KEYS.has(key)) return true;
  const command = input.control || input.meta;
  if (input.alt && ['arrowleft', 'arrowright', 'home', 'f4'].includes(key)) return true;
  if (!command) return false;
  if (CLOSE_RELOAD_PRINT_TOOLS.has(key)) return true;
  return (input.shift || input.alt) && DEVTOOLS_LETTERS.has(key);
}

/** Swallow {@link isBlockedShortcut} keys before the page or Chromium sees them (kiosk mode). */
export function filterShortcuts(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (!isBlockedShortcut(input)) return;
    if (input.type === 'keyDown') log().info(`refused the shortcut ${describeKey(input)}`);
    event.preventDefault();
  });
}

function describeKey(input: Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>): string {
  const parts = [
    input.control && 'Ctrl',
    input.meta && 'Meta',
    input.alt && 'Alt',
    input.shift && 'Shift',
    input.key,
  ];
  return parts.filter(Boolean).join('+');
}
