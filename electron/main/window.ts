/**
 * The kiosk window: full screen, frameless, locked down, serving the player from `kiosk://app`.
 *
 * `--windowed` makes it an ordinary resizable window for staff trying the kiosk on a laptop; the
 * lockdown of its contents (security.ts) stays the same, but the keyboard shortcuts are not
 * filtered there.
 */
import {
  BrowserWindow,
  Menu,
  type BrowserWindowConstructorOptions,
  type Rectangle,
} from 'electron';
import { log } from './logger.js';
import { filterShortcuts, KIOSK_ORIGIN } from './security.js';

/** The page the kiosk window opens. */
export const KIOSK_START_URL = `${KIOSK_ORIGIN}/index.html`;
/** The staff screens, for `--admin`. */
export const KIOSK_ADMIN_URL = `${KIOSK_START_URL}#/admin`;

/** What the kiosk window needs from its caller. */
export interface KioskWindowOptions {
  /** Absolute path of the built CommonJS preload (`out/preload/index.cjs`). */
  preload: string;
  /** Whether DevTools may open (development only). */
  devTools: boolean;
  /** An ordinary resizable window instead of the full-screen kiosk. */
  windowed?: boolean;
  /** Where the window goes: the chosen display's bounds (see displays.ts). */
  bounds?: Rectangle;
  /** The page to open; the player by default. */
  startUrl?: string;
}

/** The BrowserWindow options of the kiosk window; pure, so tests can check every flag. */
export function kioskWindowOptions(options: KioskWindowOptions): BrowserWindowConstructorOptions {
  const mode: BrowserWindowConstructorOptions = options.windowed
    ? { fullscreen: false, kiosk: false, frame: true, resizable: true }
    : { fullscreen: true, kiosk: true, frame: false };
  return {
    ...mode,
    // Created on the chosen display, so full screen happens there and not on the primary one.
    ...options.bounds,
    backgroundColor: '#000000',
    // Shown on 'ready-to-show' so the screen never flashes white or half-drawn.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click opens links in a new window; that is denied anyway (security.ts).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      // An attract loop must keep animating even when the OS thinks nobody is looking.
      backgroundThrottling: false,
      // Signage plays video with sound on its own; nobody is there to tap "play".
      autoplayPolicy: 'no-user-gesture-required',
      devTools: options.devTools,
    },
  };
}

/** Keep the page at 100 %: no pinch zoom, no Ctrl+wheel zoom. */
export function lockZoom(window: BrowserWindow): void {
  const contents = window.webContents;
  const limit = () => void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  limit();
  // Chromium forgets the limits when a page loads, so set them again after every load.
  contents.on('did-finish-load', limit);
  contents.on('zoom-changed', () => contents.setZoomLevel(0));
}

/**
 * Put the kiosk window over its whole display if it is not there already.
 *
 * Full screen is a request to the window manager; on a bare X server (xinit and the kiosk, no
 * window manager) nobody acts on it and the window keeps whatever size it was given, which left
 * Chromium's own kiosk half the screen wide. Where a window manager did make it full screen, its
 * bounds are the display's already and nothing changes.
 */
export function coverDisplay(window: BrowserWindow, display: Rectangle): void {
  const now = window.getBounds();
  const covers = (['x', 'y', 'width', 'height'] as const).every((k) => now[k] === display[k]);
  if (!covers) window.setBounds(display);
}

/** Create the kiosk window and load the player; it shows itself once ready to paint. */
export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  Menu.setApplicationMenu(null);
  const window = new BrowserWindow(kioskWindowOptions(options));
  lockZoom(window);
  // A laptop trying the kiosk out keeps its shortcuts; the kiosk itself swallows them.
  if (!options.windowed) filterShortcuts(window.webContents);
  window.once('ready-to-show', () => {
    window.show();
    if (!options.windowed && options.bounds) coverDisplay(window, options.bounds);
  });
  const url = options.startUrl ?? KIOSK_START_URL;
  window.loadURL(url).catch((error: unknown) => {
    log().error(`cannot load ${url}: ${String(error)}`);
  });
  return window;
}
