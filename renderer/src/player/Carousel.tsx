/**
 * The carousel (WAI-ARIA APG pattern): slides with transitions, previous/next, rotation and tabs.
 *
 * A new slide is prepared off screen first (useStagedSlide), then moves in above the old one.
 */
import { AnimatePresence, m } from 'framer-motion';
import { useRef, type ReactNode } from 'react';
import type { Slide } from '../../../core/schema';
import type { UiStrings } from '../i18n/strings';
import {
  enterFrom,
  fadeTransition,
  fadeVariants,
  reducedTransition,
  slideTransition,
  slideVariants,
  type Direction,
} from '../motion/transitions';
import { ChevronLeft, ChevronRight, Pause, Play } from './Icons';
import { SlideTabs } from './SlideTabs';
import { SlideView, type SlideLanguage } from './SlideView';
import {
  CoveredContext,
  useLeaveWhenCovered,
  useReadyWhenStaged,
  useStagedSlide,
} from './useStagedSlide';
import { useSwipe } from './useSwipe';

interface CarouselProps {
  slides: readonly Slide[];
  /** The slide on screen (it may have just left `slides`; then `index` is -1). */
  current: Slide;
  index: number;
  direction: Direction;
  rotating: boolean;
  reducedMotion: boolean;
  rtl: boolean;
  language: SlideLanguage;
  strings: UiStrings;
  fitKey: string;
  onPrevious(): void;
  onNext(): void;
  onSelect(index: number): void;
  onToggleRotation(): void;
  /** A slide's picture or video could not play: skip it and tell the host. */
  onSlideFailed(slide: Slide, reason: string): void;
  /** The hint and other overlays drawn above the slides. */
  children?: ReactNode;
}

/** The carousel region with its slides and controls. */
export function Carousel(props: CarouselProps) {
  const { slides, index, direction, rotating, strings, rtl } = props;
  const area = useRef<HTMLElement>(null);
  const follower = useRef<HTMLDivElement>(null);
  useSwipe(area, follower, (swipe) => {
    // A swipe to the left shows the next slide; mirrored in right-to-left languages.
    if ((swipe === -1) !== rtl) props.onNext();
    else props.onPrevious();
  });
  const { shown, staged, ready, entered, covered } = useStagedSlide(props.current);
  return (
    <section
      className="carousel"
      aria-roledescription="carousel"
      aria-label={strings.carousel}
      ref={area}
    >
      <div className="carousel__viewport" ref={follower} aria-live={rotating ? 'off' : 'polite'}>
        <CoveredContext value={covered}>
          <AnimatePresence initial={false} custom={direction}>
            <SlideFrame key={shown.id} {...props} slide={shown} onEntered={entered} />
            {staged && <SlideFrame key={staged.id} {...props} slide={staged} onReady={ready} />}
          </AnimatePresence>
        </CoveredContext>
      </div>
      {props.children}
      <div className="controls">
        <button
          type="button"
          className="round"
          aria-label={rotating ? strings.stopRotation : strings.startRotation}
          data-rotation-control=""
          onClick={props.onToggleRotation}
        >
          {rotating ? <Pause /> : <Play />}
        </button>
        <button
          type="button"
          className="round"
          aria-label={strings.previous}
          onClick={props.onPrevious}
        >
          {rtl ? <ChevronRight /> : <ChevronLeft />}
        </button>
        <SlideTabs
          slides={slides}
          index={index}
          rotating={rotating}
          language={props.language}
          strings={strings}
          onSelect={props.onSelect}
        />
        <button type="button" className="round" aria-label={strings.next} onClick={props.onNext}>
          {rtl ? <ChevronLeft /> : <ChevronRight />}
        </button>
      </div>
    </section>
  );
}

interface SlideFrameProps extends CarouselProps {
  slide: Slide;
  /** Given while the slide is staged: call when it is ready to move in. */
  onReady?(id: string): void;
  /** Given once it is the slide on screen: it has fully moved in. */
  onEntered?(id: string): void;
}

function SlideFrame(props: SlideFrameProps) {
  const { slide, slides, strings, reducedMotion, onReady, onEntered } = props;
  const element = useRef<HTMLDivElement>(null);
  // Staged: in the page, invisible and inert, until its text is fitted and pictures decoded.
  const staged = onReady !== undefined;
  const present = useLeaveWhenCovered(staged);
  useReadyWhenStaged(element, staged && present, () => onReady?.(slide.id));
  const fade = slide.transition === 'fade';
  // Its own place: the slide still on screen while the next is prepared keeps its number.
  const found = slides.findIndex((s) => s.id === slide.id);
  const position = found >= 0 ? found : props.index;
  const hidden = staged || !present;
  return (
    <m.div
      ref={element}
      className="carousel__slide"
      role="group"
      aria-roledescription="slide"
      id={`slide-${slide.id}`}
      aria-label={strings.slideOf(Math.max(position, 0) + 1, slides.length)}
      aria-hidden={hidden ? true : undefined}
      inert={hidden}
      // The slide coming in is drawn above the one leaving, which stays until it is covered.
      style={{ zIndex: present ? 1 : 0 }}
      custom={props.direction}
      variants={reducedMotion || fade ? fadeVariants : slideVariants}
      transition={reducedMotion ? reducedTransition : fade ? fadeTransition : slideTransition}
      initial={enterFrom('enter')}
      animate={staged ? 'enter' : 'center'}
      onAnimationComplete={(done) => done === 'center' && present && onEntered?.(slide.id)}
    >
      <SlideView
        slide={slide}
        language={props.language}
        fitKey={props.fitKey}
        onVideoEnded={() => props.rotating && props.onNext()}
        onVideoFailed={(reason) => props.onSlideFailed(slide, reason)}
        onImageFailed={(reason) => props.onSlideFailed(slide, reason)}
      />
    </m.div>
  );
}
