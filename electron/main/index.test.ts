import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, type ContentSnapshot } from '../../core/contract.js';
import type * as Fake from '../test/fake-electron.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const store = vi.hoisted(() => ({
  listeners: [] as ((snapshot: unknown) => void)[],
  open: vi.fn(),
  watch: vi.fn(),
  close: vi.fn(),
}));

vi.mock('../../host/content-store.js', () => ({
  ContentStore: {
    open: store.open.mockImplementation(async () => ({
      watch: store.watch,
      close: store.close,
      snapshot: () => ({}),
      onChange: (listener: (snapshot: unknown) => void) => store.listeners.push(listener),
    })),
  },
}));

type FakeElectron = typeof Fake;
let electron: FakeElectron;
let BrowserWindow: FakeElectron['BrowserWindow'];

/** Load the main entry afresh, as Electron would at launch, and wait for its window. */
async function launch(): Promise<Fake.BrowserWindow> {
  await import('./index.js');
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
  return BrowserWindow.created[0]!;
}

beforeEach(async () => {
  vi.resetModules();
  // The instance the freshly loaded index.ts will get, whatever the module registry did.
  electron = (await import('electron')) as unknown as FakeElectron;
  electron.resetFakeElectron();
  BrowserWindow = electron.BrowserWindow;
  store.listeners = [];
});

describe('kioskDataDir', () => {
  /** The pure helper, loaded without starting a kiosk (another instance "holds the lock"). */
  async function load() {
    electron.app.requestSingleInstanceLock.mockImplementation(() => false);
    return (await import('./index.js')).kioskDataDir;
  }

  it('defaults to <userData>/data', async () => {
    const kioskDataDir = await load();
    expect(kioskDataDir(['electron', '.'], {}, '/u')).toBe(path.join('/u', 'data'));
  });

  it('takes --data DIR or --data=DIR over KIOSK_DATA_DIR', async () => {
    const kioskDataDir = await load();
    const env = { KIOSK_DATA_DIR: '/env' };
    expect(kioskDataDir(['electron', '.'], env, '/u')).toBe(path.resolve('/env'));
    expect(kioskDataDir(['electron', '.', '--data', '/arg'], env, '/u')).toBe(path.resolve('/arg'));
    expect(kioskDataDir(['electron', '.', '--data=/eq'], env, '/u')).toBe(path.resolve('/eq'));
  });
});

describe('main', () => {
  it('quits without a window when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockImplementation(() => false);
    await import('./index.js');
    expect(electron.app.quit).toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(BrowserWindow.created).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('registers the scheme before ready and every IPC handler before the window', async () => {
    let handlersAtCreation = -1;
    BrowserWindow.onCreate = () => (handlersAtCreation = electron.ipcMain.handlers.size);
    await launch();
    const registered = electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]!;
    expect(registered).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0]!);
    expect(handlersAtCreation).toBe(callNames.length);
    expect(electron.protocol.handlers.has('kiosk')).toBe(true);
    expect(electron.session.defaultSession.permissionCheck).not.toBeNull();
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
  });

  it('opens and watches the store in the data folder with the shipped assets', async () => {
    const window = await launch();
    expect(store.open).toHaveBeenCalledWith({
      dataDir: path.join('/fake/userData', 'data'),
      assetsDir: path.join('/fake/app', 'assets'),
    });
    expect(store.watch).toHaveBeenCalled();
    const preload = (window.options.webPreferences as { preload: string }).preload;
    expect(preload).toBe(path.join('/fake/app', 'out', 'preload', 'index.cjs'));
  });

  it('forwards content changes to the window', async () => {
    const window = await launch();
    const snapshot = { revision: 'r9' } as unknown as ContentSnapshot;
    for (const listener of store.listeners) listener(snapshot);
    expect(window.webContents.send).toHaveBeenCalledWith('content:changed', snapshot);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const window = await launch();
    window.minimized = true;
    electron.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('quits when the window closes, then stops blocking sleep and closes the store', async () => {
    await launch();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalled();
    electron.app.emit('will-quit');
    expect(electron.powerSaveBlocker.stop).toHaveBeenCalled();
    expect(store.close).toHaveBeenCalled();
  });
});
