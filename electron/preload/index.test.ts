import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentSnapshot, KioskBridge } from '#core/contract';
import type { KioskFailure, Reply } from '#core/errors';
import { HEARTBEAT_CHANNEL, HEARTBEAT_INTERVAL_MS } from '../common/heartbeat.js';
import * as electron from '../test/fake-electron.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

let api: KioskBridge;

/** The failure a call answered with (it must resolve: the bridge never rejects). */
async function failureOf(promise: Promise<Reply<unknown>>): Promise<KioskFailure> {
  const reply = await promise;
  if (reply.ok) return expect.fail('the call should have failed');
  return reply.error;
}

// The page's window, as the preload sees it: node has no window, so an EventTarget stands in.
const page = new EventTarget();
const scope = globalThis as unknown as Record<string, unknown>;

beforeAll(async () => {
  scope.addEventListener = page.addEventListener.bind(page);
  // Only timers are faked: the heartbeat's setInterval starts as the preload loads.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  await import('./index.js');
  api = electron.contextBridge.exposed.get('kiosk') as KioskBridge;
});

afterAll(() => {
  vi.useRealTimers();
  delete scope.addEventListener;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
  electron.ipcRenderer.removeAllListeners();
});

describe('preload', () => {
  it('exposes only invoke and onContentChanged, as window.kiosk', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['kiosk']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'onContentChanged']);
  });

  it("invokes a contract call and resolves with the main process's reply as is", async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { ok: true } });
    await expect(api.invoke('health:get', undefined)).resolves.toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('health:get', undefined);
  });

  it('refuses names that are not in the contract without sending anything', async () => {
    for (const name of ['shell:exec', 'constructor', '__proto__', 42]) {
      const failure = await failureOf(api.invoke(name as never, undefined as never));
      expect(failure).toMatchObject({ code: 'unknown-call', problems: [] });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('answers with the failure and problems the main process listed, not a JSON message', async () => {
    const problems = [{ source: 'health:get', path: '$', message: 'expected undefined' }];
    electron.ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'invalid-input', message: 'health:get: $: expected undefined', problems },
    });
    const failure = await failureOf(api.invoke('health:get', undefined));
    expect(failure).toEqual({
      code: 'invalid-input',
      message: 'health:get: $: expected undefined',
      problems,
    });
  });

  it("turns Electron's own errors (a refused sender) into the same failure form", async () => {
    electron.ipcRenderer.invoke.mockRejectedValue(
      new Error(
        "Error invoking remote method 'health:get': Error: refused: call from a foreign sender",
      ),
    );
    const failure = await failureOf(api.invoke('health:get', undefined));
    expect(failure).toMatchObject({ code: 'failed', problems: [] });
    expect(failure.message).toContain('refused');
  });

  it('hands listeners the snapshot only, never the IPC event, and unsubscribes', () => {
    const listener = vi.fn();
    const stop = api.onContentChanged(listener);
    const snapshot = { revision: 'r2' } as unknown as ContentSnapshot;
    const event = { sender: electron.ipcRenderer, ports: [] };
    electron.ipcRenderer.emit('content:changed', event, snapshot);
    expect(listener).toHaveBeenCalledExactlyOnceWith(snapshot);

    stop();
    electron.ipcRenderer.emit('content:changed', event, snapshot);
    expect(listener).toHaveBeenCalledOnce();
    expect(electron.ipcRenderer.listenerCount('content:changed')).toBe(0);
  });
});

describe('preload heartbeat and page guards', () => {
  it('beats every interval with how long the page has gone without input', () => {
    electron.ipcRenderer.send.mockClear();
    page.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS);
    expect(electron.ipcRenderer.send).toHaveBeenCalledExactlyOnceWith(HEARTBEAT_CHANNEL, {
      idleMs: HEARTBEAT_INTERVAL_MS,
    });
    vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS);
    expect(electron.ipcRenderer.send).toHaveBeenLastCalledWith(HEARTBEAT_CHANNEL, {
      idleMs: 2 * HEARTBEAT_INTERVAL_MS,
    });
  });

  it('counts a key, a touch or a wheel as input too', () => {
    for (const type of ['keydown', 'touchstart', 'wheel']) {
      vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS - 1000);
      page.dispatchEvent(new Event(type));
      vi.advanceTimersByTime(1000);
      expect(electron.ipcRenderer.send, type).toHaveBeenLastCalledWith(HEARTBEAT_CHANNEL, {
        idleMs: 1000,
      });
    }
  });

  it('refuses dropped files: no default action, no drop effect', () => {
    for (const type of ['dragover', 'drop']) {
      const event = Object.assign(new Event(type, { cancelable: true }), {
        dataTransfer: { dropEffect: 'copy' },
      });
      page.dispatchEvent(event);
      expect(event.defaultPrevented, type).toBe(true);
      expect(event.dataTransfer.dropEffect, type).toBe('none');
    }
  });
});
