import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../test/fake-electron.js';
import { BrowserWindow, fakeDisplay, resetFakeElectron } from '../test/fake-electron.js';
import { kioskBounds } from './displays.js';
import {
  createKioskWindow,
  KIOSK_ADMIN_URL,
  KIOSK_START_URL,
  kioskWindowOptions,
} from './window.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const PRELOAD = '/app/out/preload/index.cjs';

describe('kioskWindowOptions', () => {
  const options = kioskWindowOptions({ preload: PRELOAD, devTools: false });
  const web = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.disableBlinkFeatures).toBe('Auxclick');
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web).not.toHaveProperty('experimentalFeatures');
  });

  it('is a frameless, black, full-screen kiosk that waits to be shown', () => {
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      backgroundColor: '#000000',
      show: false,
      autoHideMenuBar: true,
    });
  });

  it('keeps animating in the background, plays video unattended, never spellchecks', () => {
    expect(web.backgroundThrottling).toBe(false);
    expect(web.autoplayPolicy).toBe('no-user-gesture-required');
    expect(web.spellcheck).toBe(false);
  });

  it('loads the built CommonJS preload', () => {
    expect(web.preload).toBe(PRELOAD);
  });

  it('is created on the chosen display, so it goes full screen there', () => {
    const bounds = { x: 1920, y: 0, width: 1080, height: 1920 };
    expect(kioskWindowOptions({ preload: PRELOAD, devTools: false, bounds })).toMatchObject({
      ...bounds,
      kiosk: true,
      fullscreen: true,
    });
  });

  it('is an ordinary framed, resizable window in windowed mode, locked down all the same', () => {
    const bounds = { x: 320, y: 120, width: 1280, height: 800 };
    const windowed = kioskWindowOptions({
      preload: PRELOAD,
      devTools: false,
      windowed: true,
      bounds,
    });
    expect(windowed).toMatchObject({
      ...bounds,
      kiosk: false,
      fullscreen: false,
      frame: true,
      resizable: true,
    });
    expect(windowed.webPreferences).toEqual(web);
  });

  it('allows DevTools only when asked to', () => {
    expect(web.devTools).toBe(false);
    expect(kioskWindowOptions({ preload: PRELOAD, devTools: true }).webPreferences?.devTools).toBe(
      true,
    );
  });
});

describe('createKioskWindow', () => {
  beforeEach(() => resetFakeElectron());

  it('loads the player from the custom protocol, never file://', () => {
    const window = createKioskWindow({
      preload: PRELOAD,
      devTools: false,
    }) as unknown as BrowserWindow;
    expect(KIOSK_START_URL).toBe('kiosk://app/index.html');
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(KIOSK_START_URL);
    expect(window.loadURL.mock.calls[0]?.[0]).not.toMatch(/^file:/);
  });

  it('opens the staff screens when asked to', () => {
    const window = createKioskWindow({
      preload: PRELOAD,
      devTools: false,
      startUrl: KIOSK_ADMIN_URL,
    }) as unknown as BrowserWindow;
    expect(KIOSK_ADMIN_URL).toBe('kiosk://app/index.html#/admin');
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(KIOSK_ADMIN_URL);
  });

  it('removes the application menu', () => {
    createKioskWindow({ preload: PRELOAD, devTools: false });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('shows itself only once ready to show', () => {
    const window = createKioskWindow({
      preload: PRELOAD,
      devTools: false,
    }) as unknown as BrowserWindow;
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('filters close, reload, print and tools shortcuts in kiosk mode only', () => {
    const ctrlW = {
      type: 'keyDown',
      key: 'w',
      control: true,
      meta: false,
      alt: false,
      shift: false,
    };
    const kiosk = createKioskWindow({
      preload: PRELOAD,
      devTools: false,
    }) as unknown as BrowserWindow;
    const swallowed = { preventDefault: vi.fn() };
    kiosk.webContents.emit('before-input-event', swallowed, ctrlW);
    expect(swallowed.preventDefault).toHaveBeenCalled();

    const windowed = createKioskWindow({
      preload: PRELOAD,
      devTools: false,
      windowed: true,
    }) as unknown as BrowserWindow;
    expect(windowed.webContents.listenerCount('before-input-event')).toBe(0);
  });

  it('covers the whole display even when no window manager makes it full screen', () => {
    electron.screen.displays = [fakeDisplay(1, 0), fakeDisplay(2, 1920, 1080, 1920)];
    const display = electron.screen.displays[1]!.bounds;
    // A bare X server: the window comes out half as wide as asked, and nothing resizes it.
    BrowserWindow.onCreate = (w) => (w.bounds = { ...w.bounds, width: w.bounds.width / 2 });
    const window = createKioskWindow({
      preload: PRELOAD,
      devTools: false,
      bounds: kioskBounds({ kind: 'index', index: 1 }, false),
    }) as unknown as BrowserWindow;
    expect(window.getBounds()).not.toEqual(display);
    window.emit('ready-to-show');
    expect(window.getBounds()).toEqual(display);
  });

  it("leaves a window that already covers its display, and the windowed mode's window, alone", () => {
    const display = electron.screen.displays[0]!.bounds;
    const kiosk = createKioskWindow({
      preload: PRELOAD,
      devTools: false,
      bounds: kioskBounds({ kind: 'primary' }, false),
    }) as unknown as BrowserWindow;
    kiosk.emit('ready-to-show');
    expect(kiosk.getBounds()).toEqual(display);
    expect(kiosk.setBounds).not.toHaveBeenCalled();

    const windowed = createKioskWindow({
      preload: PRELOAD,
      devTools: false,
      windowed: true,
      bounds: kioskBounds({ kind: 'primary' }, true),
    }) as unknown as BrowserWindow;
    windowed.emit('ready-to-show');
    expect(windowed.getBounds()).toEqual({ x: 320, y: 120, width: 1280, height: 800 });
    expect(windowed.setBounds).not.toHaveBeenCalled();
  });

  it('locks zoom at 100 %, again after each load and after any zoom attempt', () => {
    const window = createKioskWindow({
      preload: PRELOAD,
      devTools: false,
    }) as unknown as BrowserWindow;
    const contents = window.webContents;
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    contents.emit('did-finish-load');
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledTimes(2);
    contents.emit('zoom-changed', {}, 'in');
    expect(contents.setZoomLevel).toHaveBeenCalledWith(0);
  });
});
