import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentSnapshot, KioskApi } from '../../core/contract.js';
import * as electron from '../test/fake-electron.js';

vi.mock('electron', () => import('../test/fake-electron.js'));

let api: KioskApi;

/** The JSON an invoke rejection carries in its message. */
async function failureOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => expect.fail('the call should have failed'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return JSON.parse((error as Error).message) as Record<string, unknown>;
}

beforeAll(async () => {
  await import('./index.js');
  api = electron.contextBridge.exposed.get('kiosk') as KioskApi;
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

  it('invokes a contract call and resolves with its value', async () => {
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { ok: true } });
    await expect(api.invoke('health:get', undefined)).resolves.toEqual({ ok: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('health:get', undefined);
  });

  it('refuses names that are not in the contract without sending anything', async () => {
    for (const name of ['shell:exec', 'constructor', '__proto__', 42]) {
      const failure = await failureOf(api.invoke(name as never, undefined as never));
      expect(failure).toMatchObject({ code: 'unknown-call', problems: [] });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('rejects with the problems the main process listed', async () => {
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

  it("turns Electron's own errors (a refused sender) into the same format", async () => {
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
