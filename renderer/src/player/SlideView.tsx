/**
 * One slide as the visitor sees it: a theme with artwork, a full-screen picture or a video.
 */
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { langAttributes, languageName, pickText } from '#core/i18n';
import { mediaUrl } from '#core/media';
import type { ImageAsset, LocalizedText, Slide } from '#core/schema';
import { FramedImage, FramedVideo, type MediaFit } from './FramedMedia';
import { useHyphenate } from './hyphenation';
import { SlideQr } from './qr/SlideQr';
import { captionLanguage } from './useCaptions';
import './carousel.css';
import './captions.css';
import { useFitText } from './useFitText';
import { useVideoWatch, videoFailure } from './useVideoWatch';

// Web page slides are rare: their code loads only when one is about to show.
const WebPageSlide = lazy(() => import('./web/WebPageSlide'));
// Captions load after the first slide (see prefetch.ts).
const VideoCaptions = lazy(() => import('./VideoCaptions'));

/** The languages to show a slide in. */
export interface SlideLanguage {
  lang: string;
  fallback: string;
}

interface SlideViewProps {
  slide: Slide;
  language: SlideLanguage;
  /** Changes when the text size preference changes, so text is fitted again. */
  fitKey: string;
  onVideoEnded(): void;
  onVideoFailed(reason: string): void;
  /** A picture could not be loaded or decoded (the player skips the slide). */
  onImageFailed?(reason: string): void;
}

/** The content of one slide (the carousel supplies the slide's group role and label). */
export function SlideView({
  slide,
  language,
  fitKey,
  onVideoEnded,
  onVideoFailed,
  onImageFailed,
}: SlideViewProps) {
  const text = useSlideText(language);
  const title = text(slide.title);
  if (slide.kind === 'theme') {
    return (
      <div className={`slide slide--theme slide--${slide.id}`}>
        {slide.image && (
          <SlideImage
            image={slide.image}
            language={language}
            className="slide__art"
            onFailed={onImageFailed}
          >
            {/* On a landscape screen the code sits on the artwork, leaving the text its room. */}
            {slide.link && <SlideQr link={slide.link} lang={language.lang} place="art" />}
          </SlideImage>
        )}
        <ThemeText slide={slide} language={language} fitKey={fitKey} />
      </div>
    );
  }
  if (slide.kind === 'image') {
    const caption = text(slide.caption);
    return (
      <div className="slide slide--image">
        <FramedImage
          image={slide.image}
          framing={slide.framing}
          language={language}
          onFailed={onImageFailed}
        />
        <div className="slide__caption">
          <h2 className="slide__title" {...langAttributes(title.lang)}>
            {title.text}
          </h2>
          {caption.text && <p {...langAttributes(caption.lang)}>{caption.text}</p>}
          {slide.link && <SlideQr link={slide.link} lang={language.lang} />}
        </div>
      </div>
    );
  }
  if (slide.kind === 'web') {
    return (
      <div className="slide slide--web">
        <h2 className="visually-hidden" {...langAttributes(title.lang)}>
          {title.text}
        </h2>
        <Suspense fallback={null}>
          <WebPageSlide
            slide={slide}
            // The frame's name as written: soft hyphens are for the eye, not for its title.
            title={pickText(slide.title, language.lang, language.fallback).text}
            onFailed={onImageFailed}
          />
        </Suspense>
      </div>
    );
  }
  const description = text(slide.description);
  return (
    <div className="slide slide--video">
      <FramedVideo framing={slide.framing}>
        {(fit) => (
          <SlideVideo
            slide={slide}
            fit={fit}
            language={language}
            onEnded={onVideoEnded}
            onFailed={onVideoFailed}
          >
            <h2 className="slide__title" {...langAttributes(title.lang)}>
              {title.text}
            </h2>
            {description.text && <p {...langAttributes(description.lang)}>{description.text}</p>}
            {slide.link && <SlideQr link={slide.link} lang={language.lang} />}
          </SlideVideo>
        )}
      </FramedVideo>
    </div>
  );
}

// A slide text in the visitor's language (or the fallback), hyphenated for its own language.
function useSlideText(language: SlideLanguage) {
  const hyphenate = useHyphenate();
  return (value: LocalizedText | undefined) => {
    const picked = pickText(value, language.lang, language.fallback);
    return { ...picked, text: hyphenate(picked.text, picked.lang) };
  };
}

function ThemeText({
  slide,
  language,
  fitKey,
}: {
  slide: Extract<Slide, { kind: 'theme' }>;
  language: SlideLanguage;
  fitKey: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const text = useSlideText(language);
  const title = text(slide.title);
  const lead = text(slide.lead);
  const body = text(slide.body);
  useFitText(
    box,
    `${language.lang}|${fitKey}|${title.text}|${lead.text}|${body.text}|${slide.link ?? ''}`,
  );
  return (
    <div className="slide__text" ref={box}>
      <div className="slide__copy">
        {/* First, so it floats beside the title at the end of the line, clear of every line. */}
        {slide.link && (
          <SlideQr link={slide.link} lang={language.lang} place={slide.image ? 'text' : 'always'} />
        )}
        <div className="slide__flag" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
        <h2 className="slide__title" {...langAttributes(title.lang)}>
          {title.text}
        </h2>
        {lead.text && (
          <p className="slide__lead" {...langAttributes(lead.lang)}>
            {lead.text}
          </p>
        )}
        <div className="slide__body" {...langAttributes(body.lang)}>
          {body.text
            .split(/\n\s*\n/)
            .filter((paragraph) => paragraph.trim() !== '')
            .map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
        </div>
      </div>
    </div>
  );
}

function SlideImage({
  image,
  language,
  className,
  onFailed,
  children,
}: {
  image: ImageAsset;
  language: SlideLanguage;
  className: string;
  onFailed?(reason: string): void;
  children?: ReactNode;
}) {
  const alt = pickText(image.alt, language.lang, language.fallback);
  return (
    <div className={className}>
      <img
        src={mediaUrl(image.src)}
        alt={alt.text}
        {...langAttributes(alt.lang)}
        draggable={false}
        decoding="async"
        onError={() => onFailed?.(`the picture ${image.src} could not be loaded`)}
      />
      {children}
    </div>
  );
}

function SlideVideo({
  slide,
  fit,
  language,
  onEnded,
  onFailed,
  children,
}: {
  slide: Extract<Slide, { kind: 'video' }>;
  /** How the video meets the screen (FramedVideo). */
  fit: MediaFit;
  language: SlideLanguage;
  onEnded(): void;
  onFailed(reason: string): void;
  /** The slide's title and description, shown under the captions. */
  children: ReactNode;
}) {
  const video = useRef<HTMLVideoElement>(null);
  useVideoWatch(video, slide.video.src, onFailed);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    return () => {
      // Release the decoder: a player that runs for weeks must not keep old videos alive.
      element.pause();
      element.removeAttribute('src');
      element.load();
    };
  }, []);

  // Captions follow the visitor's language, falling back to the default language.
  const captionLang = captionLanguage(slide.video.captions, language);
  const captions = Object.entries(slide.video.captions ?? {});
  return (
    <>
      <video
        ref={video}
        className="slide__full"
        style={fit.style}
        src={mediaUrl(slide.video.src)}
        poster={slide.video.poster ? mediaUrl(slide.video.poster) : undefined}
        muted={slide.video.muted}
        loop={slide.video.loop}
        autoPlay
        playsInline
        preload="auto"
        onEnded={onEnded}
        // Its size, then its first frame (for the blurred backdrop), decide how it is framed.
        onLoadedMetadata={(event) => fit.onMedia(event.currentTarget)}
        onLoadedData={(event) => fit.onMedia(event.currentTarget)}
        onError={() => onFailed(videoFailure.unreadable(slide.video.src))}
      >
        {captions.map(([code, ref]) => (
          <track
            key={code}
            kind="captions"
            srcLang={code}
            label={languageName(code)}
            src={mediaUrl(ref)}
            default={code === captionLang}
          />
        ))}
      </video>
      <div className="slide__caption">
        {captions.length > 0 && (
          <Suspense fallback={null}>
            <VideoCaptions video={video} lang={captionLang} />
          </Suspense>
        )}
        {children}
      </div>
    </>
  );
}
