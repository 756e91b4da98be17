/**
 * The Electron main process: wires the kiosk's modules together and does nothing else.
 *
 * Order matters: the scheme is registered before ready, every IPC handler before the window.
 */
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { ContentStore } from '../../host/content-store.js';
import { createHandlers } from '../../host/handlers.js';
import { sendContentChanged, setupIpc } from './ipc.js';
import { setupPowerSaveBlocker } from './power.js';
import { registerKioskScheme, setupProtocol } from './protocol.js';
import { setupSecurity } from './security.js';
import { createKioskWindow } from './window.js';

/** The data folder: `--data DIR`, else `KIOSK_DATA_DIR`, else `<userData>/data`. */
export function kioskDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userData: string,
): string {
  let chosen: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--data' && argv[i + 1]) chosen = argv[i + 1];
    else if (arg.startsWith('--data=')) chosen = arg.slice('--data='.length);
  });
  chosen ||= env.KIOSK_DATA_DIR;
  return chosen ? path.resolve(chosen) : path.join(userData, 'data');
}

/** Start the kiosk once Electron is ready. */
export async function start(): Promise<BrowserWindow> {
  await app.whenReady();
  const root = app.getAppPath();
  const dataDir = kioskDataDir(process.argv, process.env, app.getPath('userData'));
  const assetsDir = path.join(root, 'assets');
  const store = await ContentStore.open({ dataDir, assetsDir });
  store.watch();

  let window: BrowserWindow | null = null;
  setupSecurity();
  setupProtocol({ renderer: path.join(root, 'out', 'renderer'), assets: assetsDir, data: dataDir });
  setupIpc(
    createHandlers(store, { version: app.getVersion(), startedAt: Date.now() }),
    () => window,
  );
  const stopBlocking = setupPowerSaveBlocker();
  const kiosk = createKioskWindow({
    preload: path.join(root, 'out', 'preload', 'index.cjs'),
    devTools: !app.isPackaged,
  });
  window = kiosk;

  store.onChange((snapshot) => sendContentChanged(window, snapshot));
  kiosk.on('closed', () => {
    window = null;
  });
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopBlocking();
    store.close();
  });
  return kiosk;
}

registerKioskScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    console.error(`kiosk: cannot start: ${error instanceof Error ? error.stack : String(error)}`);
    app.exit(1);
  });
}
