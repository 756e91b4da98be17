/**
 * Load something for a component: again when its inputs change or on `reload()`, keeping only the
 * answer to the latest load and none after the component is gone.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { KioskFailure } from '#core/errors';
import { toFailure } from './error-message';

/** What `useLoad` answers; `setValue` and `setError` let the component's own actions update it. */
export interface Loaded<T> {
  value: T | undefined;
  setValue(value: T): void;
  /** Why the last load (or the component's own action) failed; cleared by a load that works. */
  error: KioskFailure | undefined;
  setError(error: KioskFailure | undefined): void;
  /** Load again now; resolves once the answer is shown. */
  reload(): Promise<void>;
}

/** Run `load` now and whenever `deps` change, like `useEffect`; no `load` keeps what is shown. */
export function useLoad<T>(load: (() => Promise<T>) | undefined, deps: DependencyList): Loaded<T> {
  const [value, setValue] = useState<T | undefined>();
  const [error, setError] = useState<KioskFailure | undefined>();
  const latest = useRef(load);
  // Which load is the latest: an older answer, or one after unmounting, is dropped.
  const loads = useRef({ latest: 0 });
  useEffect(() => {
    latest.current = load;
  });
  const reload = useCallback(async () => {
    const count = loads.current;
    const mine = ++count.latest;
    const run = latest.current;
    if (!run) return;
    try {
      const loaded = await run();
      if (mine !== count.latest) return;
      setValue(() => loaded);
      setError(undefined);
    } catch (failure) {
      if (mine === count.latest) setError(toFailure(failure));
    }
  }, []);
  useEffect(
    () => {
      const count = loads.current;
      void reload();
      return () => {
        count.latest++;
      };
    },
    // The caller's inputs, as with useEffect; `load` itself is read from `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [reload, ...deps],
  );
  return {
    value,
    setValue: useCallback((next: T) => setValue(() => next), []),
    error,
    setError,
    reload,
  };
}
