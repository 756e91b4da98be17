import { describe, expect, it, vi } from 'vitest';
import type { KioskBridge } from '#core/contract';
import { ApiError } from './api-error';
import { createBridgeApi } from './bridge-api';

function bridgeAnswering(reply: unknown): KioskBridge {
  return { invoke: vi.fn(async () => reply) as never, onContentChanged: () => () => undefined };
}

describe('the client over the IPC bridge', () => {
  it('throws the Reply’s failure as an ApiError with its typed details', async () => {
    const failure = {
      code: 'in-use',
      message: 'a.png is used by slides: intro',
      problems: [],
      details: { slides: ['intro'] },
    };
    const api = createBridgeApi(bridgeAnswering({ ok: false, error: failure }));
    const error = await api
      .invoke('media:delete', { ref: `media:${'a'.repeat(64)}.png` })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).failure).toEqual(failure);
    expect((error as ApiError).message).toBe(failure.message);
    expect((error as ApiError).details.slides).toEqual(['intro']);
  });

  it('refuses bad input before sending, as the host would', async () => {
    const bridge = bridgeAnswering({ ok: true, value: null });
    const error = await createBridgeApi(bridge)
      .invoke('media:delete', { ref: 42 } as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-input', problems: [{ path: '$.ref' }] });
    expect(bridge.invoke).not.toHaveBeenCalled();
  });

  it('turns a failure that is not a KioskFailure into a plain `failed`', async () => {
    const api = createBridgeApi(bridgeAnswering({ ok: false, error: { code: 'nonsense' } }));
    const error = await api.invoke('health:get', undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'failed', message: 'health:get failed', details: {} });
  });
});
