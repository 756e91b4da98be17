/**
 * The player screen: carousel, languages, accessibility options, attract hint and idle reset.
 */
// The player's styles in cascade order: each file may override the ones before it.
import './shell.css';
import './carousel.css';
import './controls.css';
import './accessibility.css';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { AnalyticsRecord, NowShowing } from '#core/analytics';
import type { PlayerMoment } from '#core/content-swap';
import type { ContentSnapshot } from '#core/contract';
import type { Slide } from '#core/schema';
import { isRightToLeft, langAttributes } from '#core/i18n';
import { timingsFromSettings } from '#core/session';
import { uiStrings } from '../i18n/strings';
import { useReducedMotion } from '../motion/useReducedMotion';
import { AccessibilityMenu, DEFAULT_PREFS, type AccessibilityPrefs } from './AccessibilityMenu';
import { PlayerBand, useBandRoom } from './band/PlayerBand';
import { Carousel } from './Carousel';
import { loadHyphenation } from './hyphenation';
import { TouchIcon } from './Icons';
import { LanguageSwitcher } from './LanguageSwitcher';
import { preloadQrCode } from './qr/SlideQr';
import { useArrowKeys } from './useArrowKeys';
import { useChromeInsets } from './useChromeInsets';
import { useKioskGuards } from './useKioskGuards';
import { usePlayableSlides } from './usePlayableSlides';
import { usePlayLog } from './usePlayLog';
import { usePlaylistNow } from './usePlaylistNow';
import { useRotation } from './useRotation';
import { useSession } from './useSession';
import { useSlideNavigation, type SlideNavigation } from './useSlideNavigation';
import { useStaffEntry } from './useStaffEntry';
import { WebFrameContext } from './web/web-frame-context';

// Shown only when no slide can play.
const FallbackScreen = lazy(() => import('./FallbackScreen'));
// Shown only after minutes without input: loaded after the first slide (see prefetch.ts).
const IdleLayer = lazy(() => import('./IdleDialog'));

interface PlayerViewProps {
  snapshot: ContentSnapshot;
  /** Tell the host a slide could not play (it is skipped). */
  onReport(slideId: string, message: string): void;
  /** A new slide started (content waiting for a boundary may be shown now). */
  onSlideBoundary?(): void;
  /** Whether a visitor is in session, and on which slide (content changes wait for them). */
  onMoment?(moment: PlayerMoment): void;
  /** Proof of play: a slide play or visitor session that just ended. */
  onRecord?(record: AnalyticsRecord): void;
  /** The slide that just came on screen (or changed language), for health. */
  onShowing?(now: NowShowing): void;
}

/** Everything a visitor sees, for one content snapshot. */
export function PlayerView({
  snapshot,
  onReport,
  onSlideBoundary,
  onMoment,
  onRecord,
  onShowing,
}: PlayerViewProps) {
  const { settings } = snapshot;
  // Slides whose media failed are left out; when none is left, a calm fallback shows.
  const { slides, allFailed, markFailed } = usePlayableSlides(usePlaylistNow(snapshot));
  const languages = settings.enabledLanguages;
  const [chosenLang, setLang] = useState(settings.defaultLanguage);
  const lang = languages.includes(chosenLang) ? chosenLang : settings.defaultLanguage;
  const [rotating, setRotating] = useState(true);
  const [prefs, setPrefs] = useState<AccessibilityPrefs>(DEFAULT_PREFS);
  // Bumped on every reset, so menus and panels start closed for the next visitor.
  const [visit, setVisit] = useState(0);
  const systemReduced = useReducedMotion();
  const reducedMotion = systemReduced || settings.reducedMotion === 'always';
  const rtl = isRightToLeft(lang);
  const strings = uiStrings(lang);
  const nav = useSlideNavigation(slides);
  const { restart, next } = nav;

  const reset = useCallback(() => {
    // The first slide of the list as it is after the reset: content held back may change it.
    restart();
    setLang(settings.defaultLanguage);
    setRotating(true);
    setPrefs(DEFAULT_PREFS);
    setVisit((n) => n + 1);
    (document.activeElement as HTMLElement | null)?.blur?.();
  }, [restart, settings.defaultLanguage]);

  const onInput = useCallback((event: Event) => {
    // Any touch, tap or key stops rotation, except on the rotation button itself.
    const target = event.target as Element | null;
    if (target?.closest?.('[data-rotation-control]')) return;
    setRotating(false);
  }, []);

  const timings = useMemo(() => timingsFromSettings(settings), [settings]);
  const session = useSession(timings, onInput, reset);
  // The idle layer mounts at the first countdown and stays, so the dialog can fade out.
  const [idleMounted, setIdleMounted] = useState(false);
  if (session.phase === 'countdown' && !idleMounted) setIdleMounted(true);
  const current = nav.slide;
  // A video that does not loop moves on when it ends, not after a fixed time.
  const timed = current?.kind !== 'video' || current.video.loop;
  const phase = session.phase;
  const rotate = usePlayLog({
    snapshot,
    slide: current,
    lang,
    phase,
    next: nav.next,
    onRecord,
    onShowing,
  });
  useRotation(
    // A slide that left the list (its schedule ended) plays out even when one slide is left.
    rotating && timed && session.phase !== 'countdown' && (slides.length > 1 || nav.index < 0),
    current?.id ?? '',
    current?.durationMs ?? 10_000,
    rotate,
  );
  const shownId = useRef(current?.id);
  useLayoutEffect(() => {
    shownId.current = current?.id;
  });
  const onSlideFailed = useCallback(
    (slide: Slide, reason: string) => {
      onReport(slide.id, reason);
      markFailed(slide.id);
      // A slide still fading out must not skip the one that replaced it.
      if (slide.id === shownId.current) next();
    },
    [onReport, markFailed, next],
  );
  useSlideBoundary(current?.id, onSlideBoundary);
  useVisitorMoment(session.phase !== 'attract', nav, onMoment);
  useArrowKeys(rtl, nav.previous, nav.next);
  useKioskGuards();
  const staffCorner = useStaffEntry();
  const player = useRef<HTMLElement>(null);
  const webFrame = useMemo(
    () => ({ allowlist: settings.webPages, visit }),
    [settings.webPages, visit],
  );
  const band = useBandRoom(settings);
  useChromeInsets(
    player,
    `${Boolean(current)}|${lang}|${prefs.largeText}|${prefs.lowReach}|${band.height}`,
  );
  const linked = slides.some((slide) => slide.link);
  useEffect(() => {
    if (linked) preloadQrCode();
  }, [linked]);

  // Every enabled language's hyphenation patterns, ready before a visitor chooses one.
  useEffect(() => {
    for (const code of languages) loadHyphenation(code);
  }, [languages]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = rtl ? 'rtl' : 'ltr';
  }, [lang, rtl]);

  const classes = [
    'player',
    prefs.largeText && 'is-large-text',
    prefs.highContrast && 'is-high-contrast',
    prefs.lowReach && 'is-low-reach',
    settings.hideCursor && 'is-cursor-hidden',
    reducedMotion && 'is-reduced-motion',
  ]
    .filter(Boolean)
    .join(' ');

  if (allFailed) {
    return (
      <Suspense fallback={<main className="player splash" />}>
        <FallbackScreen lang={lang} />
      </Suspense>
    );
  }
  if (!current) return <main className="player splash" />;
  return (
    <main className={classes} lang={strings.lang} ref={player} style={band.style}>
      <h1 className="visually-hidden">{strings.carousel}</h1>
      <div className="staff-corner" aria-hidden="true" {...staffCorner} />
      <WebFrameContext value={webFrame}>
        <Carousel
          slides={slides}
          current={current}
          index={nav.index}
          direction={nav.direction}
          rotating={rotating}
          reducedMotion={reducedMotion}
          rtl={rtl}
          language={{ lang, fallback: settings.defaultLanguage }}
          strings={strings}
          fitKey={prefs.largeText ? 'large' : 'normal'}
          onPrevious={nav.previous}
          onNext={nav.next}
          onSelect={(i) => nav.goTo(i)}
          onToggleRotation={() => setRotating(!rotating)}
          onSlideFailed={onSlideFailed}
        >
          <p className={session.phase === 'attract' ? 'hint' : 'hint is-hidden'} aria-hidden="true">
            <TouchIcon />
            <span {...langAttributes(strings.lang)}>{strings.touchToExplore}</span>
          </p>
        </Carousel>
      </WebFrameContext>
      <div className="topbar">
        <LanguageSwitcher
          languages={languages}
          current={lang}
          label={strings.language}
          onChoose={setLang}
        />
        <AccessibilityMenu key={visit} prefs={prefs} strings={strings} onChange={setPrefs} />
      </div>
      <PlayerBand
        settings={settings}
        lang={lang}
        reducedMotion={reducedMotion}
        label={strings.announcements}
        onSize={band.onSize}
      />
      {idleMounted && (
        <Suspense fallback={null}>
          <IdleLayer
            open={session.phase === 'countdown'}
            secondsLeft={session.secondsLeft}
            strings={strings}
            reducedMotion={reducedMotion}
            onContinue={session.continueSession}
          />
        </Suspense>
      )}
    </main>
  );
}

// Tell the parent whether a visitor is in session and on which slide; when the slide on screen left
// the list during a session (staff deleted it), show the one that took its place at once.
function useVisitorMoment(
  inSession: boolean,
  nav: SlideNavigation,
  onMoment: ((moment: PlayerMoment) => void) | undefined,
) {
  const slideId = inSession ? nav.slide?.id : undefined;
  useEffect(() => {
    onMoment?.({ inSession, slideId });
  }, [inSession, slideId, onMoment]);
  const { index, leave } = nav;
  useEffect(() => {
    if (inSession && index < 0) leave();
  }, [inSession, index, leave]);
}

// Tell the parent each time a new slide starts, before it is painted.
function useSlideBoundary(slideId: string | undefined, onBoundary: (() => void) | undefined) {
  const latest = useRef(onBoundary);
  useLayoutEffect(() => {
    latest.current = onBoundary;
  });
  useLayoutEffect(() => {
    latest.current?.();
  }, [slideId]);
}
