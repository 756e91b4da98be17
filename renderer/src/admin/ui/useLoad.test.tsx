// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLoad } from './useLoad';

afterEach(cleanup);

/** A promise the test settles when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLoad', () => {
  it('shows the answer to the latest load only, again when its inputs change', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    const { result, rerender } = renderHook(({ n }) => useLoad(() => answers[n]!.promise, [n]), {
      initialProps: { n: 0 },
    });
    rerender({ n: 1 });
    await act(async () => answers[1]!.resolve('second'));
    await act(async () => answers[0]!.resolve('first, too late'));
    expect(result.current.value).toBe('second');
  });

  it('says why a load failed, and a reload that works clears it', async () => {
    let fail = true;
    const { result } = renderHook(() =>
      useLoad(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(7)), []),
    );
    await waitFor(() => expect(result.current.error?.message).toBe('offline'));
    fail = false;
    await act(() => result.current.reload());
    expect(result.current.value).toBe(7);
    expect(result.current.error).toBeUndefined();
  });

  it('keeps what it shows while there is nothing to load', async () => {
    const { result, rerender } = renderHook(
      ({ on }) => useLoad(on ? () => Promise.resolve('summary') : undefined, [on]),
      { initialProps: { on: true } },
    );
    await waitFor(() => expect(result.current.value).toBe('summary'));
    rerender({ on: false });
    await act(() => result.current.reload());
    expect(result.current.value).toBe('summary');
  });
});
