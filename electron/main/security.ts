/**
 * Lockdown of every web contents: no new windows, no navigation away, no webviews, no permissions.
 *
 * The player is served from `kiosk://app` (see protocol.ts); anything else is refused.
 */
import { app, session, type Session, type WebContents } from 'electron';

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

/** Refuse every permission request, permission check and device grant in a session. */
export function denyPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

/** Lock one web contents down: deny window.open, off-origin navigation and webviews. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isOwnOrigin(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isOwnOrigin(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnOrigin(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  denyPermissions(contents.session);
}

/** Harden every web contents the app ever creates, and the default session. Call after ready. */
export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  denyPermissions(session.defaultSession);
}
