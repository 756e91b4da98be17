// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Slide } from '../../../core/schema';
import { useStagedSlide } from './useStagedSlide';

const slide = (id: string) => ({ id }) as Slide;
const [one, two, three] = [slide('one'), slide('two'), slide('three')];

describe('useStagedSlide', () => {
  it('keeps the slide on screen until the next one is ready, then until it has moved in', () => {
    const { result, rerender } = renderHook(({ current }) => useStagedSlide(current), {
      initialProps: { current: one },
    });
    expect(result.current).toMatchObject({ shown: one, staged: undefined, covered: true });

    rerender({ current: two });
    expect(result.current).toMatchObject({ shown: one, staged: two, covered: true });

    act(() => result.current.ready('two'));
    // Two is on screen and moving in; one stays below it until then.
    expect(result.current).toMatchObject({ shown: two, staged: undefined, covered: false });

    act(() => result.current.entered('two'));
    expect(result.current.covered).toBe(true);
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
