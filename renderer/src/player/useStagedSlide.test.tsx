// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Slide } from '#core/schema';
import { useStagedSlide } from './useStagedSlide';

const slide = (id: string) => ({ id }) as Slide;
const [one, two, three] = [slide('one'), slide('two'), slide('three')];

describe('useStagedSlide', () => {
  it('keeps the slide on screen until the next one is ready, then until it has moved in', () => {
    const { result, rerender } = renderHook(({ current }) => useStagedSlide(current), {
      initialProps: { current: one },
    });
    expect(result.current).toMatchObject({ shown: one, staged: undefined, leaving: [] });

    rerender({ current: two });
    expect(result.current).toMatchObject({ shown: one, staged: two, leaving: [] });

    act(() => result.current.ready('two'));
    // Two is on screen and moving in; one stays below it until then.
    expect(result.current).toMatchObject({ shown: two, staged: undefined, leaving: [one] });

    act(() => result.current.entered('two'));
    expect(result.current.leaving).toEqual([]);
  });

  it('keeps every replaced slide below until the newest has moved in', () => {
    const { result, rerender } = renderHook(({ current }) => useStagedSlide(current), {
      initialProps: { current: one },
    });
    rerender({ current: two });
    act(() => result.current.ready('two'));
    rerender({ current: three });
    act(() => result.current.ready('three'));
    expect(result.current).toMatchObject({ shown: three, leaving: [one, two] });
    // Two finishing its entry late changes nothing: three is not in yet.
    act(() => result.current.entered('two'));
    expect(result.current.leaving).toEqual([one, two]);

    // Back to one while it is still below: it is prepared again, not drawn twice.
    rerender({ current: one });
    expect(result.current).toMatchObject({ shown: three, staged: one, leaving: [two] });
    act(() => result.current.entered('three'));
    expect(result.current.leaving).toEqual([]);
  });

  it('never shows a slide that was replaced while it was prepared', () => {
    const { result, rerender } = renderHook(({ current }) => useStagedSlide(current), {
      initialProps: { current: one },
    });
    rerender({ current: two });
    rerender({ current: three });
    expect(result.current).toMatchObject({ shown: one, staged: three });

    act(() => result.current.ready('two'));
    expect(result.current).toMatchObject({ shown: one, staged: three });
    act(() => result.current.ready('three'));
    expect(result.current).toMatchObject({ shown: three, staged: undefined });
  });

  it('shows the newest version of the slide on screen (a content or language change)', () => {
    const { result, rerender } = renderHook(({ current }) => useStagedSlide(current), {
      initialProps: { current: one },
    });
    const edited = { ...one } as Slide;
    rerender({ current: edited });
    expect(result.current.shown).toBe(edited);
    expect(result.current.staged).toBeUndefined();
  });
});
