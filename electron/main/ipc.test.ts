import type { BrowserWindow as ElectronWindow, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames, type CallContext, type ContentSnapshot, type Handlers } from '#core/contract';
import { HEARTBEAT_CHANNEL } from '../common/heartbeat.js';
import type { Reply } from '#core/errors';
import * as electron from '../test/fake-electron.js';
import { BrowserWindow, FakeWebContents, resetFakeElectron } from '../test/fake-electron.js';
import {
  REFUSED,
  sendContentChanged,
  setupHeartbeat,
  setupIpc,
  trustedSender,
  WindowSession,
} from './ipc.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

const HEALTH = {
  ok: true,
  version: '1.2.3',
  uptimeSec: 5,
  revision: 'r1',
  problems: [],
  memory: { rssBytes: 1, heapUsedBytes: 1 },
  lastSyncAt: null,
  lastError: null,
  sync: {
    state: 'off' as const,
    manifestUrl: null,
    revision: null,
    sequence: null,
    previousRevision: null,
    rolledBackFrom: null,
    lastCheckAt: null,
    lastSyncAt: null,
    lastError: null,
    refused: null,
    nextCheckAt: null,
    progress: null,
  },
  currentSlide: null,
};

const STATUS = {
  pinSet: true,
  unlocked: true,
  lockedUntil: null,
  attemptsLeft: 5,
  canCreatePin: false,
};

function fakeHandlers(): Handlers {
  const all = Object.fromEntries(callNames.map((name) => [name, vi.fn(async () => ({}))]));
  return {
    ...all,
    'content:get': vi.fn(async () => {
      throw new Error('disk on fire');
    }),
    'health:get': vi.fn(async () => HEALTH),
    'auth:unlock': vi.fn(async (_input, context: CallContext) => {
      context.startSession('the-session');
      return STATUS;
    }),
  } as unknown as Handlers;
}

let window: BrowserWindow;
let handlers: Handlers;
let session: WindowSession;

/** An invoke event as Electron builds it: the sending contents and its frame. */
function eventFrom(sender: FakeWebContents, url: string | null): IpcMainInvokeEvent {
  return { sender, senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
}

/** Call a registered handler the way ipcMain would. */
async function call(
  name: string,
  event: IpcMainInvokeEvent,
  input?: unknown,
): Promise<Reply<unknown>> {
  const handler = electron.ipcMain.handlers.get(name) as
    ((event: IpcMainInvokeEvent, input: unknown) => Promise<Reply<unknown>>) | undefined;
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler(event, input);
}

const asWindow = (w: BrowserWindow) => w as unknown as ElectronWindow;

beforeEach(() => {
  resetFakeElectron();
  window = new BrowserWindow({});
  handlers = fakeHandlers();
  session = new WindowSession();
  const auth = { isUnlocked: (id: string | undefined) => id === 'the-session' };
  setupIpc({ handlers, auth, session }, () => asWindow(window));
});

describe('trustedSender', () => {
  it('trusts only the kiosk window, on our own origin', () => {
    expect(
      trustedSender(eventFrom(window.webContents, 'kiosk://app/index.html'), asWindow(window)),
    ).toBe(true);
    expect(
      trustedSender(eventFrom(window.webContents, 'https://evil.example/'), asWindow(window)),
    ).toBe(false);
    expect(
      trustedSender(eventFrom(window.webContents, 'kiosk://evil/index.html'), asWindow(window)),
    ).toBe(false);
    expect(trustedSender(eventFrom(window.webContents, null), asWindow(window))).toBe(false);
    expect(
      trustedSender(eventFrom(new FakeWebContents(), 'kiosk://app/index.html'), asWindow(window)),
    ).toBe(false);
    expect(trustedSender(eventFrom(window.webContents, 'kiosk://app/index.html'), null)).toBe(
      false,
    );
  });

  it('does not trust a frame that throws when read', () => {
    const event = {
      sender: window.webContents,
      get senderFrame() {
        throw new Error('Render frame was disposed');
      },
    } as unknown as IpcMainInvokeEvent;
    expect(trustedSender(event, asWindow(window))).toBe(false);
  });

  it('trusts nobody once the window is destroyed', () => {
    window.destroyed = true;
    expect(
      trustedSender(eventFrom(window.webContents, 'kiosk://app/index.html'), asWindow(window)),
    ).toBe(false);
  });
});

describe('setupIpc', () => {
  it('registers exactly one handler per call in the contract', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...callNames].sort());
  });

  it('runs a good call from the kiosk window and returns its output', async () => {
    const reply = await call('health:get', eventFrom(window.webContents, 'kiosk://app/index.html'));
    expect(reply).toEqual({ ok: true, value: HEALTH });
    expect(handlers['health:get']).toHaveBeenCalledOnce();
  });

  it('refuses a call from another origin without running it', async () => {
    await expect(
      call('health:get', eventFrom(window.webContents, 'https://evil.example/')),
    ).rejects.toThrow(REFUSED);
    expect(handlers['health:get']).not.toHaveBeenCalled();
  });

  it('refuses a call from another web contents, even on our origin', async () => {
    await expect(
      call('health:get', eventFrom(new FakeWebContents(), 'kiosk://app/index.html')),
    ).rejects.toThrow(REFUSED);
    expect(handlers['health:get']).not.toHaveBeenCalled();
  });

  it('rejects a bad payload with its problems listed, without running the handler', async () => {
    const reply = await call(
      'health:get',
      eventFrom(window.webContents, 'kiosk://app/index.html'),
      {
        evil: true,
      },
    );
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('invalid-input');
    expect(reply.error.problems).toEqual([
      expect.objectContaining({ source: 'health:get', path: '$', message: expect.any(String) }),
    ]);
    expect(handlers['health:get']).not.toHaveBeenCalled();
    // The reply must survive Electron's structured clone: plain data only.
    expect(structuredClone(reply)).toEqual(reply);
  });

  it('turns a failing handler into a failure reply, not a crash', async () => {
    const reply = await call(
      'content:get',
      eventFrom(window.webContents, 'kiosk://app/index.html'),
    );
    expect(reply).toEqual({
      ok: false,
      error: { code: 'failed', message: 'disk on fire', problems: [] },
    });
  });
});

describe('staff calls over IPC', () => {
  const own = () => eventFrom(window.webContents, 'kiosk://app/index.html');

  it('are refused while locked, without running the handler', async () => {
    const reply = await call('admin:get', own());
    expect(reply).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(handlers['admin:get']).not.toHaveBeenCalled();
  });

  it('run once the window unlocked, and the session id never reaches the renderer', async () => {
    const unlocked = await call('auth:unlock', own(), { pin: '1234' });
    expect(JSON.stringify(unlocked)).not.toContain('the-session');
    const ref = { ref: `media:${'a'.repeat(64)}.png` };
    expect(await call('media:delete', own(), ref)).toEqual({ ok: true, value: {} });
    session.end();
    expect(await call('media:delete', own(), ref)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it('count as local: the kiosk window may create the first PIN', async () => {
    await call('auth:create-pin', own(), { pin: '1234' });
    const context = (handlers['auth:create-pin'] as ReturnType<typeof vi.fn>).mock.calls[0]![1];
    expect(context.local).toBe(true);
  });
});

describe('sendContentChanged', () => {
  it('pushes the snapshot on content:changed, and nothing once the window is gone', () => {
    const snapshot = { revision: 'r2' } as unknown as ContentSnapshot;
    sendContentChanged(asWindow(window), snapshot);
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('content:changed', snapshot);
    window.destroyed = true;
    sendContentChanged(asWindow(window), snapshot);
    sendContentChanged(null, snapshot);
    expect(window.webContents.send).toHaveBeenCalledOnce();
  });
});

describe('setupHeartbeat', () => {
  it('hands beats from our own window on, and drops foreign or malformed ones', () => {
    const onBeat = vi.fn();
    setupHeartbeat(() => asWindow(window), onBeat);
    const own = eventFrom(window.webContents, 'kiosk://app/index.html');
    electron.ipcMain.emit(HEARTBEAT_CHANNEL, own, { idleMs: 1200 });
    expect(onBeat).toHaveBeenCalledExactlyOnceWith(window, { idleMs: 1200 });

    electron.ipcMain.emit(
      HEARTBEAT_CHANNEL,
      eventFrom(new FakeWebContents(), 'kiosk://app/index.html'),
      { idleMs: 0 },
    );
    electron.ipcMain.emit(
      HEARTBEAT_CHANNEL,
      eventFrom(window.webContents, 'https://evil.example/'),
      { idleMs: 0 },
    );
    for (const bad of [undefined, null, 'beat', { idleMs: -1 }, { idleMs: 'x' }, { idleMs: NaN }]) {
      electron.ipcMain.emit(HEARTBEAT_CHANNEL, own, bad);
    }
    expect(onBeat).toHaveBeenCalledOnce();
  });
});
