/**
 * The Electron main process: wires the kiosk's modules together and does nothing else.
 *
 * Order matters: the operator's options are read before anything starts (`--help` and bad values
 * exit there), the scheme is registered (and the GPU turned off, after repeated GPU crashes) before
 * ready, the host's services (services.ts: the same as `serve`'s) before the IPC handlers, and
 * every IPC handler before the window. Recovery (recovery.ts) may later replace the window
 * or relaunch the app.
 */
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { setupAutostart } from './autostart.js';
import { optionsOrExit, type KioskOptions } from './cli-options.js';
import { kioskBounds } from './displays.js';
import { sendContentChanged, setupHeartbeat, setupIpc, WindowSession } from './ipc.js';
import { log, setupLogging } from './logger.js';
import { setupPowerSaveBlocker } from './power.js';
import { registerKioskScheme, setupProtocol } from './protocol.js';
import { setupQuietReload } from './quiet-reload.js';
import {
  GPU_OFF_FILE,
  gpuTurnedOff,
  relaunchApp,
  RendererRecovery,
  setupGpuRecovery,
} from './recovery.js';
import { setupSecurity } from './security.js';
import { setupServices } from './services.js';
import { createKioskWindow, KIOSK_ADMIN_URL, KIOSK_START_URL } from './window.js';

/** Start the kiosk once Electron is ready. */
export async function start(options: KioskOptions): Promise<BrowserWindow> {
  await app.whenReady();
  const root = app.getAppPath();
  const { dataDir } = options;
  log().info(`openness-kiosk ${app.getVersion()}: data folder ${dataDir}`);
  const { store, auth, handlers, assetsDir } = await setupServices({
    dataDir,
    root,
    version: app.getVersion(),
    adminPort: options.adminPort,
  });
  void setupAutostart(store);

  let window: BrowserWindow | null = null;
  // Web page slides may frame the sites on the allowlist, as it is at each request.
  const webOrigins = () => store.snapshot().settings.webPages;
  setupSecurity({ devTools: !app.isPackaged, webOrigins });
  setupProtocol(
    { renderer: path.join(root, 'out', 'renderer'), assets: assetsDir, data: dataDir },
    webOrigins,
  );
  const session = new WindowSession();
  setupIpc({ handlers, auth, session }, () => window);
  const recovery = new RendererRecovery({
    openWindow: () => openWindow(),
    relaunch: () => relaunchApp(),
  });
  setupHeartbeat(
    () => window,
    (from, beat) => recovery.beat(from, beat),
  );
  setupGpuRecovery({
    argv: process.argv,
    userData: app.getPath('userData'),
    relaunch: (args) => relaunchApp(args),
  });
  const stopBlocking = setupPowerSaveBlocker();
  const openWindow = (): BrowserWindow => {
    const kiosk = createKioskWindow({
      preload: path.join(root, 'out', 'preload', 'index.cjs'),
      devTools: !app.isPackaged,
      windowed: options.windowed,
      bounds: kioskBounds(options.display, options.windowed),
      startUrl: options.admin ? KIOSK_ADMIN_URL : KIOSK_START_URL,
    });
    window = kiosk;
    // A reloaded or crashed page starts locked.
    kiosk.webContents.on('did-navigate', () => session.end());
    kiosk.webContents.on('render-process-gone', () => session.end());
    kiosk.on('closed', () => {
      // A fresh window from recovery has taken over by the time the old one closes.
      if (window === kiosk) window = null;
    });
    recovery.watch(kiosk);
    return kiosk;
  };
  const kiosk = openWindow();
  const stopQuietReload = setupQuietReload({
    getWindow: () => window,
    getSettings: () => store.snapshot().settings,
    idleMs: () => recovery.idleMs(),
  });

  store.onChange((snapshot) => sendContentChanged(window, snapshot));
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // The services close in their own will-quit handler (services.ts), which holds the quit for it.
  app.once('will-quit', () => {
    stopQuietReload();
    recovery.dispose();
    stopBlocking();
  });
  return kiosk;
}

const options = optionsOrExit(process.argv, process.env, app.getPath('userData'), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // Exit once both streams are flushed: writes to a pipe are asynchronous on Windows and macOS.
  exit: (code) => process.stdout.write('', () => process.stderr.write('', () => app.exit(code))),
});
if (options) {
  app.setAppLogsPath();
  setupLogging(options.logLevel, app.getPath('logs'));
  if (gpuTurnedOff(process.argv, app.getPath('userData'))) {
    log().warn(
      `hardware acceleration is off (--disable-gpu, or ${GPU_OFF_FILE} after repeated GPU crashes)`,
    );
    app.disableHardwareAcceleration();
  }
  registerKioskScheme();
  if (!app.requestSingleInstanceLock()) {
    log().info('another instance is running; quitting');
    app.quit();
  } else {
    start(options).catch((error: unknown) => {
      log().error(`cannot start: ${error instanceof Error ? error.stack : String(error)}`);
      app.exit(1);
    });
  }
}
