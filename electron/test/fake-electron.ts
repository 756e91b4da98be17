/**
 * A thin fake of the `electron` module for vitest: records what the shell asks of Electron.
 *
 * Wire it in a test with `vi.mock('electron', () => import('../test/fake-electron.js'))`, and call
 * `resetFakeElectron()` in `beforeEach`. Only what the shell uses is here.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

/** A session that keeps the handlers it is given, so tests can call them. */
export class FakeSession {
  permissionRequest: Handler | null = null;
  permissionCheck: Handler | null = null;
  devicePermission: Handler | null = null;
  setPermissionRequestHandler(handler: Handler | null) {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: Handler | null) {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: Handler | null) {
    this.devicePermission = handler;
  }
  /** webRequest: keeps the one onBeforeRequest handler and its filter. */
  webRequest = {
    beforeRequest: null as { filter: unknown; handler: Handler } | null,
    onBeforeRequest(filter: unknown, handler: Handler) {
      this.beforeRequest = { filter, handler };
    },
  };
}

/** A web contents: an event emitter with the few methods the shell calls. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  session = new FakeSession();
  mainFrame = { url: 'kiosk://app/index.html' };
  send = vi.fn();
  setVisualZoomLevelLimits = vi.fn(async () => undefined);
  setZoomLevel = vi.fn();
  reload = vi.fn();
  forcefullyCrashRenderer = vi.fn();
  closeDevTools = vi.fn();
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler;
  }
}

/** A browser window that records its options and what was loaded. */
export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  /** Called from the constructor, so a test can look at the world as the window is made. */
  static onCreate: ((window: BrowserWindow) => void) | null = null;
  webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  loadURL = vi.fn(async (_url: string) => undefined);
  destroy = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  /** Where the window is: as asked for in its options (Electron's 800×600 by default). */
  bounds: { x: number; y: number; width: number; height: number };
  getBounds = vi.fn(() => ({ ...this.bounds }));
  setBounds = vi.fn((bounds: Partial<BrowserWindow['bounds']>) => {
    this.bounds = { ...this.bounds, ...bounds };
  });
  constructor(readonly options: Record<string, unknown>) {
    super();
    const { x = 0, y = 0, width = 800, height = 600 } = options as Partial<BrowserWindow['bounds']>;
    this.bounds = { x, y, width, height };
    BrowserWindow.created.push(this);
    BrowserWindow.onCreate?.(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
}

/** The app: lifecycle events plus the paths and flags the shell reads. */
export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  exit: vi.fn(),
  relaunch: vi.fn(),
  disableHardwareAcceleration: vi.fn(),
  whenReady: vi.fn(async () => undefined),
  // Logs are really written (logger.ts), so they go to a temporary folder, not /fake.
  getPath: vi.fn((name: string) =>
    name === 'logs'
      ? path.join(os.tmpdir(), `fake-electron-${process.pid}`, 'logs')
      : `/fake/${name}`,
  ),
  setAppLogsPath: vi.fn(),
  getAppPath: vi.fn(() => '/fake/app'),
  getVersion: vi.fn(() => '0.0.0-test'),
  loginItem: { openAtLogin: false },
  getLoginItemSettings: vi.fn(() => ({ ...app.loginItem })),
  setLoginItemSettings: vi.fn((settings: { openAtLogin?: boolean }) => {
    app.loginItem.openAtLogin = settings.openAtLogin ?? false;
  }),
});

/** A display as `screen` reports it. */
export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
}

/** A display of the given size at (x, 0), with a 40 px task bar. */
export function fakeDisplay(id: number, x: number, width = 1920, height = 1080): FakeDisplay {
  return {
    id,
    bounds: { x, y: 0, width, height },
    workArea: { x, y: 0, width, height: height - 40 },
  };
}

/** screen: the displays a test sets up; the first is primary unless `primaryIndex` says. */
export const screen = {
  displays: [fakeDisplay(1, 0)],
  primaryIndex: 0,
  getAllDisplays: vi.fn(() => screen.displays),
  getPrimaryDisplay: vi.fn(() => screen.displays[screen.primaryIndex]!),
};

/** The default session. */
export const session = { defaultSession: new FakeSession() };

/** ipcMain: keeps one handler per channel, as the real one does, and `on` listeners. */
export const ipcMain = Object.assign(new EventEmitter(), {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
});

/** ipcRenderer: an emitter whose `invoke` a test programs. */
export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => undefined),
  send: vi.fn(),
});

/** contextBridge: keeps what was exposed, by key. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

/** protocol: records privileged schemes and handlers. */
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

/** net: `fetch` of file: URLs reads the file, as Electron's does. */
export const net = {
  fetch: vi.fn(
    async (url: string, _init?: { headers: Headers }) =>
      new Response(await readFile(fileURLToPath(url))),
  ),
};

/** powerSaveBlocker: hands out ids and remembers which are started. */
const startedBlockers = new Set<number>();
let nextBlocker = 1;
export const powerSaveBlocker = {
  started: startedBlockers,
  start: vi.fn((_type: string) => {
    const id = nextBlocker++;
    startedBlockers.add(id);
    return id;
  }),
  stop: vi.fn((id: number) => void startedBlockers.delete(id)),
  isStarted: (id: number) => startedBlockers.has(id),
};

/** Menu: records the application menu. */
export const Menu = { setApplicationMenu: vi.fn() };

/** Forget everything the fake recorded, between tests. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  BrowserWindow.created = [];
  BrowserWindow.onCreate = null;
  app.removeAllListeners();
  app.isPackaged = false;
  app.requestSingleInstanceLock.mockImplementation(() => true);
  session.defaultSession = new FakeSession();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
  protocol.handlers.clear();
  powerSaveBlocker.started.clear();
  app.loginItem.openAtLogin = false;
  screen.displays = [fakeDisplay(1, 0)];
  screen.primaryIndex = 0;
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  ipcMain,
  ipcRenderer,
  Menu,
  net,
  powerSaveBlocker,
  protocol,
  screen,
  session,
};
