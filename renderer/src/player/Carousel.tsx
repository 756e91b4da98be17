/**
 * The carousel (WAI-ARIA APG pattern): slides with transitions, previous/next, rotation and tabs.
 *
 * A new slide is prepared off screen first (useStagedSlide), then moves in above the old one
 * (useSlideEntry, Web Animations: no animation library on the first load).
 */
import './carousel.css';
import './controls.css';
import { useRef, type ReactNode } from 'react';
import type { Slide } from '#core/schema';
import type { UiStrings } from '../i18n/strings';
import { enterStyle, type Direction } from '../motion/slide-motion';
import { ChevronLeft, ChevronRight, Pause, Play } from './Icons';
import { SlideTabs } from './SlideTabs';
import { SlideView, type SlideLanguage } from './SlideView';
import { useSlideEntry } from './useSlideEntry';
import { useReadyWhenStaged, useStagedSlide } from './useStagedSlide';
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
  const { slides, index, rotating, strings, rtl } = props;
  const area = useRef<HTMLElement>(null);
  const follower = useRef<HTMLDivElement>(null);
  useSwipe(area, follower, (swipe) => {
    // A swipe to the left shows the next slide; mirrored in right-to-left languages.
    if ((swipe === -1) !== rtl) props.onNext();
    else props.onPrevious();
  });
  const { shown, staged, leaving, ready, entered } = useStagedSlide(props.current);
  return (
    <section
      className="carousel"
      aria-roledescription="carousel"
      aria-label={strings.carousel}
      ref={area}
    >
      <div className="carousel__viewport" ref={follower} aria-live={rotating ? 'off' : 'polite'}>
        {leaving.map((slide) => (
          <SlideFrame key={slide.id} {...props} slide={slide} role="leaving" />
        ))}
        <SlideFrame key={shown.id} {...props} slide={shown} role="shown" onEntered={entered} />
        {staged && (
          <SlideFrame key={staged.id} {...props} slide={staged} role="staged" onReady={ready} />
        )}
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
  /** Prepared off screen, on screen, or replaced and kept below until covered. */
  role: 'staged' | 'shown' | 'leaving';
  /** Given while the slide is staged: call when it is ready to move in. */
  onReady?(id: string): void;
  /** Given once it is the slide on screen: it has fully moved in. */
  onEntered?(id: string): void;
}

function SlideFrame(props: SlideFrameProps) {
  const { slide, slides, strings, role, onReady, onEntered } = props;
  const element = useRef<HTMLDivElement>(null);
  // Staged: in the page, invisible and inert, until its text is fitted and pictures decoded.
  const staged = role === 'staged';
  useReadyWhenStaged(element, staged, () => onReady?.(slide.id));
  const motion = props.reducedMotion ? 'reduced' : slide.transition === 'fade' ? 'fade' : 'slide';
  const direction = useSlideEntry(element, staged, motion, props.direction, () =>
    onEntered?.(slide.id),
  );
  // Its own place: the slide still on screen while the next is prepared keeps its number.
  const found = slides.findIndex((s) => s.id === slide.id);
  const position = found >= 0 ? found : props.index;
  const hidden = role !== 'shown';
  return (
    <div
      ref={element}
      className="carousel__slide"
      role="group"
      aria-roledescription="slide"
      id={`slide-${slide.id}`}
      aria-label={strings.slideOf(Math.max(position, 0) + 1, slides.length)}
      aria-hidden={hidden ? true : undefined}
      inert={hidden}
      // The slide coming in is drawn above the one leaving, which stays until it is covered.
      style={{ zIndex: role === 'leaving' ? 0 : 1, ...(staged && enterStyle(motion, direction)) }}
    >
      <SlideView
        slide={slide}
        language={props.language}
        fitKey={props.fitKey}
        onVideoEnded={() => props.rotating && props.onNext()}
        onVideoFailed={(reason) => props.onSlideFailed(slide, reason)}
        onImageFailed={(reason) => props.onSlideFailed(slide, reason)}
      />
    </div>
  );
}
