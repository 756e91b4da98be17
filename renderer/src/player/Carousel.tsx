/**
 * The carousel (WAI-ARIA APG pattern): slides with transitions, previous/next, rotation and tabs.
 */
import { AnimatePresence, m, useIsPresent } from 'framer-motion';
import { useRef, type ReactNode } from 'react';
import type { Slide } from '../../../core/schema';
import type { UiStrings } from '../i18n/strings';
import {
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
  const slide = props.current;
  return (
    <section
      className="carousel"
      aria-roledescription="carousel"
      aria-label={strings.carousel}
      ref={area}
    >
      <div className="carousel__viewport" ref={follower} aria-live={rotating ? 'off' : 'polite'}>
        <AnimatePresence initial={false} custom={direction}>
          <SlideFrame key={slide.id} {...props} slide={slide} />
        </AnimatePresence>
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

function SlideFrame(props: CarouselProps & { slide: Slide }) {
  const { slide, slides, strings, reducedMotion } = props;
  const present = useIsPresent();
  const fade = reducedMotion || slide.transition === 'fade';
  return (
    <m.div
      className="carousel__slide"
      role="group"
      aria-roledescription="slide"
      id={`slide-${slide.id}`}
      aria-label={strings.slideOf(Math.max(props.index, 0) + 1, slides.length)}
      aria-hidden={present ? undefined : true}
      inert={!present}
      custom={props.direction}
      variants={fade ? fadeVariants : slideVariants}
      transition={reducedMotion ? reducedTransition : fade ? fadeTransition : slideTransition}
      initial="enter"
      animate="center"
      exit="exit"
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
