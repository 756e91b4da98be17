// @vitest-environment jsdom
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { domMin, LazyMotion, MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AlertState } from '#core/alert';
import type { KioskApi } from '#core/contract';
import { Settings, Slide } from '#core/schema';
import { EmergencyOverlay } from './EmergencyOverlay';
import { FallbackScreen } from './FallbackScreen';
import { usePlayableSlides } from './usePlayableSlides';

beforeAll(() => {
  MotionGlobalConfig.skipAnimations = true;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const settings = Settings.parse({ enabledLanguages: ['en', 'fr', 'nl'], defaultLanguage: 'en' });

/** A KioskApi whose `alert:get` answers with `state()`. */
function fakeApi(state: () => AlertState): KioskApi & { calls: number } {
  const api = {
    calls: 0,
    invoke: async () => {
      api.calls++;
      return state();
    },
    onContentChanged: () => () => undefined,
  };
  return api as unknown as KioskApi & { calls: number };
}

const message = (expiresInMs: number | null): AlertState => ({
  alert: {
    text: { en: 'Closed today', fr: 'Fermé aujourd’hui' },
    createdAt: '2026-05-01T10:00:00Z',
    ...(expiresInMs !== null && { expiresAt: '2026-05-01T12:00:00Z' }),
  },
  startsInMs: 0,
  expiresInMs,
});

async function flush() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
}

describe('EmergencyOverlay', () => {
  it('shows the message in the page language, falls back to the default, and makes the rest inert', async () => {
    vi.useFakeTimers();
    document.documentElement.lang = 'fr';
    const api = fakeApi(() => message(null));
    render(
      <LazyMotion features={domMin}>
        <main data-testid="player" />
        <EmergencyOverlay api={api} settings={settings} />
      </LazyMotion>,
    );
    await flush();
    const dialog = screen.getByRole('alertdialog', { name: 'Message important' });
    expect(dialog.textContent).toContain('Fermé aujourd’hui');
    expect(screen.getByTestId('player').hasAttribute('inert')).toBe(true);

    act(() => {
      document.documentElement.lang = 'nl';
    });
    await flush();
    const dutch = screen.getByRole('alertdialog', { name: 'Belangrijk bericht' });
    expect(dutch.textContent).toContain('Closed today');
  });

  it('hides the message at its expiry even when the host cannot be reached', async () => {
    vi.useFakeTimers();
    let reachable = true;
    const api = fakeApi(() => {
      if (!reachable) throw new Error('host restarting');
      return message(5000);
    });
    render(
      <LazyMotion features={domMin}>
        <EmergencyOverlay api={api} settings={settings} />
      </LazyMotion>,
    );
    await flush();
    expect(screen.queryByRole('alertdialog')).not.toBeNull();
    reachable = false;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(4000);
    });
    expect(screen.queryByRole('alertdialog')).not.toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1500);
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('EmergencyOverlay with a start time', () => {
  it('shows nothing until the start, by its own clock, though each poll says the same wait', async () => {
    vi.useFakeTimers();
    // The host's clock stands still: every poll answers "starts in 60 s".
    const api = fakeApi(() => ({
      ...message(null),
      alert: { ...message(null).alert!, startsAt: '2026-05-01T10:01:00Z' },
      startsInMs: 60_000,
    }));
    render(
      <LazyMotion features={domMin}>
        <EmergencyOverlay api={api} settings={settings} />
      </LazyMotion>,
    );
    await flush();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(59_000);
    });
    expect(api.calls).toBeGreaterThan(10);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_500);
    });
    expect(screen.queryByRole('alertdialog')).not.toBeNull();
  });
});

describe('FallbackScreen', () => {
  it('names the kiosk and says it will be back, in the visitor language', () => {
    render(<FallbackScreen lang="de" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Belgien, offen von Natur aus',
    );
    expect(screen.getByRole('main').textContent).toContain('gleich wieder da');
  });
});

describe('usePlayableSlides', () => {
  const slides = ['a', 'b'].map((id) =>
    Slide.parse({ id, kind: 'theme', title: { en: id }, body: { en: 'x' } }),
  );

  it('leaves failed slides out until the list changes, and says when all failed', () => {
    const { result, rerender } = renderHook(({ list }) => usePlayableSlides(list), {
      initialProps: { list: slides },
    });
    act(() => result.current.markFailed('a'));
    expect(result.current.slides.map((s) => s.id)).toEqual(['b']);
    expect(result.current.allFailed).toBe(false);
    act(() => result.current.markFailed('b'));
    expect(result.current.slides).toEqual([]);
    expect(result.current.allFailed).toBe(true);
    rerender({ list: [...slides] });
    expect(result.current.slides).toHaveLength(2);
  });
});
