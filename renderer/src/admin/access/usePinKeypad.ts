/**
 * Which PIN field of a form the on-screen keypad types into, and the key handlers.
 */
import { useCallback, useState, type Dispatch, type SetStateAction } from 'react';
import { PIN_MAX_LENGTH } from '#core/pin';

/** The keypad's target and handlers for a form with the given PIN field setters, in order. */
export function usePinKeypad(setters: readonly Dispatch<SetStateAction<string>>[]) {
  const [active, setActive] = useState(0);
  const onDigit = useCallback(
    (digit: string) =>
      setters[active]?.((value) => (value.length >= PIN_MAX_LENGTH ? value : value + digit)),
    [setters, active],
  );
  const onDelete = useCallback(
    () => setters[active]?.((value) => value.slice(0, -1)),
    [setters, active],
  );
  /** Props for field `index`: focusing it (by touch, mouse or Tab) makes it the target. */
  const target = (index: number) => ({
    keypadTarget: setters.length > 1 && active === index,
    onFocus: () => setActive(index),
  });
  return { active, setActive, onDigit, onDelete, target };
}
