/**
 * Proof of play from the player: each slide shown and each visitor session, sent to the host
 * when it ends.
 *
 * A play runs from the moment a slide shows until the next one does; its trigger is `visitor`
 * when the latest thing that could move the carousel was a visitor's input (swipe, tap, key),
 * and `automatic` when it was rotation, a reset or the player itself. A session runs from a
 * visitor's first input to the idle reset (`walk-away`), or to the player being left while
 * someone is there (`reset`). Nothing about the visitor is recorded. Sending never blocks the
 * screen and failures stay quiet: records wait for the next send, a bounded number of them.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { AnalyticsRecord, NowShowing, PlayRecord } from '#core/analytics';
import { MAX_RECORDS_PER_CALL } from '#core/limits';
import type { ContentSnapshot, KioskApi } from '#core/contract';
import { resolvePlaylist } from '#core/schedule';
import type { SessionPhase } from '#core/session';
import type { Slide } from '#core/schema';
import { kioskTimeZone } from './usePlaylistNow';

/** Records kept while the host cannot be reached; older ones are dropped first. */
const MAX_PENDING = 200;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** Send records to the host in the background, retrying what failed with the next record. */
export function playSender(api: KioskApi): (record: AnalyticsRecord) => void {
  const pending: AnalyticsRecord[] = [];
  let sending = false;
  const flush = () => {
    if (sending || pending.length === 0) return;
    const batch = pending.slice(0, MAX_RECORDS_PER_CALL);
    sending = true;
    api.invoke('plays:record', { records: batch }).then(
      () => {
        pending.splice(0, batch.length);
        sending = false;
        flush();
      },
      () => {
        // The host may be restarting: keep the records for the next try, quietly.
        sending = false;
      },
    );
  };
  return (record) => {
    pending.push(record);
    if (!sending && pending.length > MAX_PENDING) pending.splice(0, pending.length - MAX_PENDING);
    flush();
  };
}

interface PlayLogOptions {
  snapshot: ContentSnapshot;
  slide: Slide | undefined;
  lang: string;
  phase: SessionPhase;
  /** Rotation's move to the next slide. */
  next(): void;
  onRecord: ((record: AnalyticsRecord) => void) | undefined;
  /** The slide now on screen, as it comes on (and when its language changes), for health. */
  onShowing?: ((now: NowShowing) => void) | undefined;
}

type OpenPlay = Omit<PlayRecord, 'end' | 'lang'>;
interface OpenSession {
  start: string;
  seen: Set<string>;
}

/** Record plays and sessions; returns the move rotation must use, so its moves count as automatic. */
export function usePlayLog({
  snapshot,
  slide,
  lang,
  phase,
  next,
  onRecord,
  onShowing,
}: PlayLogOptions) {
  const cause = useRef<PlayRecord['trigger']>('automatic');
  const latest = useRef({ snapshot, onRecord, onShowing });
  // What the previous render showed: a play or session ends with the language it was seen in.
  const shown = useRef<{ slideId?: string; lang: string; phase: SessionPhase }>({
    lang,
    phase: 'attract',
  });
  const play = useRef<OpenPlay | undefined>(undefined);
  const session = useRef<OpenSession | undefined>(undefined);

  useEffect(() => {
    const onInput = () => {
      cause.current = 'visitor';
    };
    for (const type of INPUT_EVENTS) {
      window.addEventListener(type, onInput, { capture: true, passive: true });
    }
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    };
  }, []);

  useEffect(() => {
    latest.current = { snapshot, onRecord, onShowing };
    const now = new Date().toISOString();
    const before = shown.current;
    const send = (record: AnalyticsRecord) => latest.current.onRecord?.(record);
    const moved = slide?.id !== before.slideId;
    if (moved && play.current) send({ ...play.current, end: now, lang: before.lang });
    if (before.phase !== 'attract' && phase === 'attract' && session.current) {
      // The countdown ran out: the player reset for the next visitor.
      send(endSession(session.current, now, before.lang, 'walk-away'));
      session.current = undefined;
      cause.current = 'automatic';
    }
    if (before.phase === 'attract' && phase !== 'attract') {
      // The slide the visitor first touched counts as seen, as does the one it led to.
      const seen = [before.slideId, slide?.id].filter((id): id is string => Boolean(id));
      session.current = { start: now, seen: new Set(seen) };
    }
    if (moved) {
      play.current = slide && {
        type: 'play',
        start: now,
        playlistId: playlistOf(snapshot, slide.id),
        slideId: slide.id,
        trigger: cause.current,
      };
      if (slide) session.current?.seen.add(slide.id);
    }
    if (play.current && (moved || lang !== before.lang)) {
      const { playlistId, slideId } = play.current;
      latest.current.onShowing?.({ playlistId, slideId, lang, since: play.current.start });
    }
    shown.current = { slideId: slide?.id, lang, phase };
  });

  // Leaving the player ends what is open; a visit cut short this way counts as a reset.
  useEffect(
    () => () => {
      const now = new Date().toISOString();
      const { lang: lastLang } = shown.current;
      const send = latest.current.onRecord;
      if (play.current) send?.({ ...play.current, end: now, lang: lastLang });
      if (session.current) send?.(endSession(session.current, now, lastLang, 'reset'));
      play.current = undefined;
      session.current = undefined;
      // Mounted again (React's development checks do that): start afresh.
      shown.current = { lang: lastLang, phase: 'attract' };
    },
    [],
  );

  return useCallback(() => {
    cause.current = 'automatic';
    next();
  }, [next]);
}

function endSession(
  open: OpenSession,
  end: string,
  lang: string,
  ended: 'walk-away' | 'reset',
): AnalyticsRecord {
  return { type: 'session', start: open.start, end, slidesSeen: open.seen.size, lang, ended };
}

// The playlist playing now (scheduled or default), for the record.
function playlistOf(snapshot: ContentSnapshot, slideId: string): string {
  const { playlist } = resolvePlaylist(
    snapshot.content,
    Date.now(),
    kioskTimeZone(snapshot.settings.timeZone),
  );
  if (playlist.slides.some((slide) => slide.id === slideId)) return playlist.id;
  return (
    snapshot.content.playlists.find((list) => list.slides.some((s) => s.id === slideId))?.id ??
    playlist.id
  );
}
