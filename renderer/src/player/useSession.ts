/**
 * The visitor session in React: listens for input, ticks the core session machine, resets on idle.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  initialSession,
  secondsLeft,
  stepSession,
  type SessionEvent,
  type SessionPhase,
  type SessionTimings,
} from '#core/session';
import { FRAME_INPUT_EVENT } from './web/web-frame-context';

/** What the player needs to know about the session. */
export interface SessionView {
  phase: SessionPhase;
  secondsLeft: number;
  /** The visitor answered "Continue" in the dialog. */
  continueSession(): void;
}

// A touch inside a web page slide's frame arrives as FRAME_INPUT_EVENT (see web/WebPageSlide.tsx).
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', FRAME_INPUT_EVENT] as const;
const TICK_MS = 250;

/**
 * Track the visitor session; `onInput` runs for every input, `onReset` when the countdown runs out.
 */
export function useSession(
  timings: SessionTimings,
  onInput: (event: Event) => void,
  onReset: () => void,
): SessionView {
  const [start] = useState(() => initialSession(Date.now()));
  const state = useRef(start);
  const [view, setView] = useState({ phase: start.phase, secondsLeft: 0 });
  const callbacks = useRef({ onInput, onReset });
  useEffect(() => {
    callbacks.current = { onInput, onReset };
  });

  const apply = useCallback(
    (event: SessionEvent) => {
      const step = stepSession(state.current, event, timings);
      state.current = step.state;
      const next = {
        phase: step.state.phase,
        secondsLeft: secondsLeft(step.state, event.now, timings),
      };
      setView((prev) =>
        prev.phase === next.phase && prev.secondsLeft === next.secondsLeft ? prev : next,
      );
      if (step.reset) callbacks.current.onReset();
    },
    [timings],
  );

  useEffect(() => {
    const onAnyInput = (event: Event) => {
      // A press on "Continue" is its own answer (its click continues the session). Counted as
      // input, its pointerdown would close the dialog under the finger before the click lands.
      if ((event.target as Element | null)?.closest?.('[data-session-continue]')) return;
      apply({ type: 'input', now: Date.now() });
      callbacks.current.onInput(event);
    };
    for (const type of INPUT_EVENTS)
      window.addEventListener(type, onAnyInput, { capture: true, passive: true });
    return () => {
      for (const type of INPUT_EVENTS)
        window.removeEventListener(type, onAnyInput, { capture: true });
    };
  }, [apply]);

  // Ticks are only needed while someone is (or was just) there; the attract loop needs none.
  const ticking = view.phase !== 'attract';
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => apply({ type: 'tick', now: Date.now() }), TICK_MS);
    return () => clearInterval(timer);
  }, [ticking, apply]);

  const continueSession = useCallback(() => apply({ type: 'continue', now: Date.now() }), [apply]);
  return { ...view, continueSession };
}
