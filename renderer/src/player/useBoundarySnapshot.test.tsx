// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlayerMoment } from '#core/content-swap';
import type { ContentSnapshot } from '#core/contract';
import { CONTENT_SCHEMA_VERSION, ContentFile, DEFAULT_SETTINGS } from '#core/schema';
import { MAX_WAIT_MS, useBoundarySnapshot, type Arrival } from './useBoundarySnapshot';

const content = (...ids: string[]) =>
  ContentFile.parse({
    schemaVersion: CONTENT_SCHEMA_VERSION,
    defaultPlaylistId: 'main',
    playlists: [
      {
        id: 'main',
        name: 'Main',
        slides: ids.map((id) => ({ id, kind: 'theme', title: { en: id }, body: { en: 'Text.' } })),
      },
    ],
  });

const snap = (
  revision: string,
  changedBy: 'staff' | 'fleet',
  slides = ['a', 'b', 'c'],
): Arrival => ({
  snapshot: {
    revision,
    changedBy,
    content: content(...slides),
    settings: { ...DEFAULT_SETTINGS, timeZone: 'UTC' },
  } as ContentSnapshot,
  at: Date.parse('2026-06-01T12:00:00Z'),
});

type Props = { latest: Arrival | undefined; moment?: PlayerMoment };
const render = (initialProps: Props) =>
  renderHook(({ latest, moment }: Props) => useBoundarySnapshot(latest, moment), {
    initialProps,
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('useBoundarySnapshot', () => {
  it('shows the first snapshot and staff changes at once', () => {
    const { result, rerender } = render({ latest: undefined });
    expect(result.current.shown).toBeUndefined();
    const first = snap('a', 'fleet');
    rerender({ latest: first });
    expect(result.current.shown).toBe(first.snapshot);
    const staff = snap('b', 'staff');
    rerender({ latest: staff });
    expect(result.current.shown).toBe(staff.snapshot);
  });

  it('holds a fleet change until the next slide boundary', () => {
    const first = snap('a', 'staff');
    const { result, rerender } = render({ latest: first });
    const synced = snap('b', 'fleet');
    rerender({ latest: synced });
    expect(result.current.shown).toBe(first.snapshot);
    act(() => result.current.atBoundary());
    expect(result.current.shown).toBe(synced.snapshot);
  });

  it('takes a waiting fleet change after the longest wait when no slide ever starts', () => {
    vi.useFakeTimers();
    const first = snap('a', 'staff');
    const { result, rerender } = render({ latest: first });
    const synced = snap('b', 'fleet');
    rerender({ latest: synced });
    act(() => vi.advanceTimersByTime(MAX_WAIT_MS - 1));
    expect(result.current.shown).toBe(first.snapshot);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.shown).toBe(synced.snapshot);
  });

  it('holds a staff change during a visitor session, even past slide boundaries, until it ends', () => {
    const first = snap('a', 'staff');
    const visitor = { inSession: true, slideId: 'b' };
    const { result, rerender } = render({ latest: first, moment: visitor });
    const edited = snap('b', 'staff');
    rerender({ latest: edited, moment: visitor });
    expect(result.current.shown).toBe(first.snapshot);
    act(() => result.current.atBoundary());
    rerender({ latest: edited, moment: { inSession: true, slideId: 'c' } });
    expect(result.current.shown).toBe(first.snapshot);
    rerender({ latest: edited, moment: { inSession: false } });
    expect(result.current.shown).toBe(edited.snapshot);
  });

  it('shows a change that deleted the slide on screen at once, during a session', () => {
    const first = snap('a', 'staff');
    const visitor = { inSession: true, slideId: 'b' };
    const { result, rerender } = render({ latest: first, moment: visitor });
    const deleted = snap('b', 'staff', ['a', 'c']);
    rerender({ latest: deleted, moment: visitor });
    expect(result.current.shown).toBe(deleted.snapshot);
  });
});
