/**
 * The seconds left in a PIN lock-out, counting down once a second.
 */
import { useEffect, useRef, useState } from 'react';

function secondsUntil(deadline: number | null): number {
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}

/** A running lock-out, and how to start one. */
export interface LockoutCountdown {
  /** Whole seconds until the next try is allowed; 0 when not locked out. */
  secondsLeft: number;
  /** Start (or restart) the countdown: `retryAfterSec` from now. */
  start(retryAfterSec: number): void;
}

/**
 * Count down from `lockedUntil` (epoch ms, from the host's status); `onEnd` runs when it reaches 0.
 */
export function useLockoutCountdown(
  lockedUntil: number | null,
  onEnd: () => void,
): LockoutCountdown {
  const [deadline, setDeadline] = useState(lockedUntil);
  const [secondsLeft, setSecondsLeft] = useState(() => secondsUntil(lockedUntil));
  const onEndRef = useRef(onEnd);
  useEffect(() => {
    onEndRef.current = onEnd;
  }, [onEnd]);

  useEffect(() => {
    if (deadline === null) return;
    // Ticks more often than once a second so the shown number never lags by a whole second.
    const timer = setInterval(() => {
      const left = secondsUntil(deadline);
      setSecondsLeft(left);
      if (left === 0) {
        setDeadline(null);
        onEndRef.current();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [deadline]);

  return {
    secondsLeft: deadline === null ? 0 : secondsLeft,
    start: (retryAfterSec) => {
      // Relative seconds, not the host's epoch: the two clocks may disagree.
      const seconds = Math.max(1, Math.ceil(retryAfterSec));
      setDeadline(Date.now() + seconds * 1000);
      setSecondsLeft(seconds);
    },
  };
}
