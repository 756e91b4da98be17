import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, type ContentSnapshot } from '#core/contract';
import { HEARTBEAT_CHANNEL, HEARTBEAT_TIMEOUT_MS } from '../common/heartbeat.js';
import type * as Fake from '../test/fake-electron.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const store = vi.hoisted(() => ({
  listeners: [] as ((snapshot: unknown) => void)[],
  open: vi.fn(),
  watch: vi.fn(),
  close: vi.fn(),
}));
// How each other service is closed (or stopped), in the order the calls were made.
const closed = vi.hoisted(() => ({ media: vi.fn(), fleet: vi.fn() }));

vi.mock('../../host/content-store.js', () => ({
  ContentStore: {
    open: store.open.mockImplementation(async () => ({
      watch: store.watch,
      close: store.close,
      snapshot: () => ({
        settings: { staffIdleLockSec: 300, autostart: false, lanAdmin: false },
        problems: [],
      }),
      onChange: (listener: (snapshot: unknown) => void) => {
        store.listeners.push(listener);
        return () => undefined;
      },
    })),
  },
}));

// The auth and media services would create folders in the (fake) data folder on disk.
vi.mock('../../host/auth/auth-service.js', () => ({
  AuthService: { open: async () => ({ setStaffIdleMs: vi.fn(), staffIdleMs: 300_000 }) },
}));
vi.mock('../../host/media/media-library.js', () => ({
  MediaLibrary: { open: async () => ({ close: closed.media }) },
}));
vi.mock('../../host/alert-store.js', () => ({
  AlertStore: { open: async () => ({}) },
}));
vi.mock('../../host/analytics/play-log.js', () => ({
  PlayLog: { open: async () => ({ prune: async () => undefined }) },
}));
vi.mock('../../host/fleet/fleet-service.js', () => ({
  openFleet: async () => ({ service: {}, sync: { stop: closed.fleet } }),
}));

/** A content snapshot, as far as the shell and the services read it. */
const snapshotOf = (revision: string) =>
  ({
    revision,
    changedBy: 'staff',
    problems: [],
    settings: { staffIdleLockSec: 300, autostart: false, lanAdmin: false },
  }) as unknown as ContentSnapshot;

type FakeElectron = typeof Fake;
let electron: FakeElectron;
let BrowserWindow: FakeElectron['BrowserWindow'];

/** Load the main entry afresh, as Electron would at launch, and wait for its window. */
async function launch(): Promise<Fake.BrowserWindow> {
  await launchWith([]);
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
  return BrowserWindow.created[0]!;
}

// The fake's logs folder (see fake-electron.ts), where a launch writes kiosk.log.
afterAll(() =>
  rm(path.join(os.tmpdir(), `fake-electron-${process.pid}`), { recursive: true, force: true }),
);

beforeEach(async () => {
  vi.resetModules();
  // The instance the freshly loaded index.ts will get, whatever the module registry did.
  electron = (await import('electron')) as unknown as FakeElectron;
  electron.resetFakeElectron();
  BrowserWindow = electron.BrowserWindow;
  store.listeners = [];
  vi.clearAllMocks();
});

/** Run the main entry with these arguments after `electron .`, as a launch would. */
async function launchWith(args: string[]): Promise<void> {
  const saved = process.argv;
  process.argv = ['electron', '.', ...args];
  try {
    await import('./index.js');
  } finally {
    process.argv = saved;
  }
}

/** Capture writes to a stream, calling their callbacks as a flushed stream would. */
function capture(stream: NodeJS.WriteStream) {
  return vi.spyOn(stream, 'write').mockImplementation((...args: unknown[]) => {
    const done = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    done?.();
    return true;
  });
}

describe('operator options', () => {
  it('prints the usage and exits 0 on --help, before any window or scheme', async () => {
    const out = capture(process.stdout);
    try {
      await launchWith(['--help']);
      expect(out.mock.calls.map(([text]) => String(text)).join('')).toContain('--display N');
    } finally {
      out.mockRestore();
    }
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(0));
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('names the bad switch, prints the usage and exits 2', async () => {
    const err = capture(process.stderr);
    try {
      await launchWith(['--log-level', 'loud']);
      const text = err.mock.calls.map(([chunk]) => String(chunk)).join('');
      expect(text).toContain('--log-level: "loud" is not a log level');
      expect(text).toContain('Usage: openness-kiosk');
    } finally {
      err.mockRestore();
    }
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(2));
    expect(electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
  });

  it('opens the data folder, display, window mode and page the operator chose', async () => {
    electron.screen.displays = [electron.fakeDisplay(1, 0), electron.fakeDisplay(2, 1920)];
    await launchWith(['--data', '/kiosk/data', '--display', '1', '--windowed', '--admin']);
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
    const window = BrowserWindow.created[0]!;
    expect(store.open).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: path.resolve('/kiosk/data') }),
    );
    expect(window.options).toMatchObject({ kiosk: false, fullscreen: false, frame: true });
    expect(window.options.x).toBeGreaterThanOrEqual(1920);
    expect(window.loadURL).toHaveBeenCalledWith('kiosk://app/index.html#/admin');
  });
});

describe('main', () => {
  it('quits without a window when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockImplementation(() => false);
    await launchWith([]);
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
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, x: 0, y: 0 });
    expect(window.loadURL).toHaveBeenCalledWith('kiosk://app/index.html');
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
    const snapshot = snapshotOf('r9');
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

  it('quits when the window closes: stops blocking sleep, closes every service, then quits', async () => {
    await launch();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledOnce();
    const quitting = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', quitting);
    expect(electron.powerSaveBlocker.stop).toHaveBeenCalled();
    // The quit waits for the services, then goes on.
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(2));
    const order = [closed.fleet, closed.media, store.close].map((close) => {
      expect(close).toHaveBeenCalledOnce();
      return close.mock.invocationCallOrder[0]!;
    });
    expect(order, 'closed in reverse order of opening').toEqual([...order].sort((a, b) => a - b));
    const again = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});

describe('recovery and lockdown wiring', () => {
  afterEach(() => vi.useRealTimers());

  it('turns hardware acceleration off before ready when relaunched with --disable-gpu', async () => {
    await launchWith(['--disable-gpu']);
    await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
    const off = electron.app.disableHardwareAcceleration.mock.invocationCallOrder[0]!;
    expect(off).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0]!);
  });

  it('keeps hardware acceleration on by default', async () => {
    await launch();
    expect(electron.app.disableHardwareAcceleration).not.toHaveBeenCalled();
  });

  it('reloads a crashed player, and hands content to the fresh window that replaces it', async () => {
    const first = await launch();
    vi.useFakeTimers();
    for (let i = 0; i < 4; i++) {
      first.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      vi.advanceTimersToNextTimer();
    }
    expect(first.webContents.reload).toHaveBeenCalledTimes(4);
    first.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(BrowserWindow.created).toHaveLength(2);
    expect(first.destroy).toHaveBeenCalled();
    const fresh = BrowserWindow.created[1]!;
    expect(fresh.loadURL).toHaveBeenCalledWith('kiosk://app/index.html');
    const snapshot = snapshotOf('r10');
    for (const listener of store.listeners) listener(snapshot);
    expect(fresh.webContents.send).toHaveBeenCalledWith('content:changed', snapshot);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it("reloads the player when the window's heartbeat stops", async () => {
    const window = await launch();
    vi.useFakeTimers();
    window.webContents.emit('did-finish-load');
    const beat = { sender: window.webContents, senderFrame: { url: 'kiosk://app/index.html' } };
    for (let i = 0; i < 12; i++) {
      vi.advanceTimersByTime(5000);
      electron.ipcMain.emit(HEARTBEAT_CHANNEL, beat, { idleMs: 0 });
    }
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(HEARTBEAT_TIMEOUT_MS + 1000);
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(window.webContents.reload).toHaveBeenCalledOnce();
  });

  it('closes DevTools in the packaged app', async () => {
    electron.app.isPackaged = true;
    const window = await launch();
    expect((window.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    const contents = new electron.FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    contents.emit('devtools-opened');
    expect(contents.closeDevTools).toHaveBeenCalled();
  });
});
