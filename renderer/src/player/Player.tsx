/**
 * The visitor player: loads content through the KioskApi and keeps it current.
 */
import './shell.css';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { NowShowing } from '#core/analytics';
import type { PlayerMoment } from '#core/content-swap';
import type { ContentSnapshot, KioskApi } from '#core/contract';
import { isValidSnapshot } from '../api/inline-snapshot';
import { PlayerView } from './PlayerView';
import { prefetchAfterFirstSlide } from './prefetch';
import { playSender } from './usePlayLog';
import { useBoundarySnapshot, type Arrival } from './useBoundarySnapshot';

const EmergencyOverlay = lazy(() => import('./EmergencyOverlay'));

/**
 * Load the content, follow changes, and show the player (or a calm screen while loading).
 * `initial` is the snapshot the page carried: shown at once, checked in the background.
 */
export function Player({ api, initial }: { api: KioskApi; initial?: ContentSnapshot }) {
  const [latest, setLatest] = useState<Arrival | undefined>(() =>
    initial ? { snapshot: initial, at: Date.now() } : undefined,
  );
  const [moment, setMoment] = useState<PlayerMoment>({ inSession: false });
  const [failed, setFailed] = useState(false);
  const record = useMemo(() => playSender(api), [api]);
  const report = useCallback(
    (slideId: string, message: string) => {
      // Reporting is best effort: the player moves on whatever the host says.
      api.invoke('player:report', { kind: 'media-error', slideId, message }).catch(() => undefined);
    },
    [api],
  );
  const showing = useCallback(
    (now: NowShowing) => {
      // Best effort too: health says what was last reported.
      api.invoke('player:showing', now).catch(() => undefined);
    },
    [api],
  );

  useEffect(() => {
    // An inline snapshot that fails the schema is dropped; content:get's checked one replaces it.
    if (!initial) return;
    isValidSnapshot(initial).then(
      (valid) => {
        if (!valid) setLatest((current) => (current?.snapshot === initial ? undefined : current));
      },
      () => undefined,
    );
  }, [initial]);

  useEffect(() => {
    let alive = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const arrived = (snapshot: ContentSnapshot) => {
      const at = Date.now();
      setLatest((current) =>
        current?.snapshot.revision === snapshot.revision ? current : { snapshot, at },
      );
    };
    const load = () => {
      api.invoke('content:get', undefined).then(
        (loaded) => alive && arrived(loaded),
        () => {
          // The host may still be starting: keep trying, calmly.
          if (!alive) return;
          setFailed(true);
          retry = setTimeout(load, 3000);
        },
      );
    };
    load();
    const stop = api.onContentChanged(
      (changed) => alive && setLatest({ snapshot: changed, at: Date.now() }),
    );
    return () => {
      alive = false;
      clearTimeout(retry);
      stop();
    };
  }, [api]);

  const { shown, atBoundary } = useBoundarySnapshot(latest, moment);
  const onScreen = shown !== undefined;
  useEffect(() => {
    if (onScreen) prefetchAfterFirstSlide();
  }, [onScreen]);

  if (!shown) {
    return (
      <main className="splash" aria-busy={!failed}>
        <div className="splash__flag" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      </main>
    );
  }
  return (
    <>
      <PlayerView
        snapshot={shown}
        onReport={report}
        onSlideBoundary={atBoundary}
        onMoment={setMoment}
        onRecord={record}
        onShowing={showing}
      />
      <Suspense fallback={null}>
        <EmergencyOverlay api={api} settings={shown.settings} />
      </Suspense>
    </>
  );
}
