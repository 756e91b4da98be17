// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KioskApi } from '#core/contract';
import { useUpload } from './useUpload';

/** A KioskApi that records each call; the second chunk fails as a dropped connection would. */
function fakeApi() {
  const calls: [string, unknown][] = [];
  let chunks = 0;
  const api = {
    invoke: async (name: string, input: unknown) => {
      calls.push([name, input]);
      if (name === 'media:upload-begin') return { uploadId: 'u1', chunkSize: 4 };
      if (name === 'media:upload-chunk') {
        if (++chunks === 2) throw new Error('The kiosk could not be reached.');
        return { received: chunks * 4 };
      }
      return {};
    },
    onContentChanged: () => () => undefined,
  };
  return { api: api as unknown as KioskApi, calls };
}

describe('useUpload', () => {
  it('cancels an upload that fails half-way, so its slot on the host is free at once', async () => {
    const { api, calls } = fakeApi();
    const { result } = renderHook(() => useUpload(api, () => undefined));
    await act(() => result.current.add([new File(['0123456789'], 'lobby.png')]));
    expect(calls.map(([name]) => name)).toEqual([
      'media:upload-begin',
      'media:upload-chunk',
      'media:upload-chunk',
      'media:upload-cancel',
    ]);
    expect(calls.at(-1)![1]).toEqual({ uploadId: 'u1' });
    expect(result.current.entries[0]).toMatchObject({
      state: 'failed',
      sent: 4,
      message: 'The kiosk could not be reached.',
    });
    expect(result.current.busy).toBe(false);
  });
});
