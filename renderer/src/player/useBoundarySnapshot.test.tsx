// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentSnapshot } from '../../../core/contract';
import { MAX_WAIT_MS, useBoundarySnapshot } from './useBoundarySnapshot';

const snap = (revision: string, changedBy: 'staff' | 'fleet'): ContentSnapshot =>
  ({ revision, changedBy }) as ContentSnapshot;

afterEach(() => {
  vi.useRealTimers();
});

describe('useBoundarySnapshot', () => {
  it('shows the first snapshot and staff changes at once', () => {
    const { result, rerender } = renderHook(({ latest }) => useBoundarySnapshot(latest), {
      initialProps: { latest: undefined as ContentSnapshot | undefined },
    });
    expect(result.current.shown).toBeUndefined();
    const first = snap('a', 'fleet');
    rerender({ latest: first });
    expect(result.current.shown).toBe(first);
    const staff = snap('b', 'staff');
    rerender({ latest: staff });
    expect(result.current.shown).toBe(staff);
  });

  it('holds a fleet change until the next slide boundary', () => {
    const first = snap('a', 'staff');
    const { result, rerender } = renderHook(({ latest }) => useBoundarySnapshot(latest), {
      initialProps: { latest: first },
    });
    const synced = snap('b', 'fleet');
    rerender({ latest: synced });
    expect(result.current.shown).toBe(first);
    act(() => result.current.atBoundary());
    expect(result.current.shown).toBe(synced);
  });

  it('takes a waiting fleet change after the longest wait when no slide ever starts', () => {
    vi.useFakeTimers();
    const first = snap('a', 'staff');
    const { result, rerender } = renderHook(({ latest }) => useBoundarySnapshot(latest), {
      initialProps: { latest: first },
    });
    const synced = snap('b', 'fleet');
    rerender({ latest: synced });
    act(() => vi.advanceTimersByTime(MAX_WAIT_MS - 1));
    expect(result.current.shown).toBe(first);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.shown).toBe(synced);
  });
});
