/**
 * One slide as the visitor sees it: a theme with artwork, a full-screen picture or a video.
 */
import { useEffect, useRef } from 'react';
import { langAttributes, languageName, pickText } from '../../../core/i18n';
import { mediaUrl } from '../../../core/media';
import type { ImageAsset, LocalizedText, Slide } from '../../../core/schema';
import { FramedImage, FramedVideo, type MediaFit } from './FramedMedia';
import { useFitText } from './useFitText';

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
  const text = (value: LocalizedText | undefined) =>
    pickText(value, language.lang, language.fallback);
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
          />
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
        </div>
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
            lang={language.lang}
            onEnded={onVideoEnded}
            onFailed={onVideoFailed}
          />
        )}
      </FramedVideo>
      <div className="slide__caption">
        <h2 className="slide__title" {...langAttributes(title.lang)}>
          {title.text}
        </h2>
        {description.text && <p {...langAttributes(description.lang)}>{description.text}</p>}
      </div>
    </div>
  );
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
  const title = pickText(slide.title, language.lang, language.fallback);
  const lead = pickText(slide.lead, language.lang, language.fallback);
  const body = pickText(slide.body, language.lang, language.fallback);
  useFitText(box, `${language.lang}|${fitKey}|${title.text}|${body.text}`, fitKey !== 'large');
  return (
    <div className="slide__text" ref={box}>
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
  );
}

function SlideImage({
  image,
  language,
  className,
  onFailed,
}: {
  image: ImageAsset;
  language: SlideLanguage;
  className: string;
  onFailed?(reason: string): void;
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
    </div>
  );
}

/** How long a playing video may show the same frame before it counts as stalled. */
const STALL_MS = 8000;

function SlideVideo({
  slide,
  fit,
  lang,
  onEnded,
  onFailed,
}: {
  slide: Extract<Slide, { kind: 'video' }>;
  /** How the video meets the screen (FramedVideo). */
  fit: MediaFit;
  lang: string;
  onEnded(): void;
  onFailed(reason: string): void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const failed = useRef(onFailed);
  useEffect(() => {
    failed.current = onFailed;
  });

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    // A video that stops making progress must never stall the loop.
    let last = -1;
    const watchdog = setInterval(() => {
      if (element.ended || element.paused) return;
      if (element.currentTime === last) failed.current('the video stopped playing');
      last = element.currentTime;
    }, STALL_MS);
    return () => {
      clearInterval(watchdog);
      // Release the decoder: a player that runs for weeks must not keep old videos alive.
      element.pause();
      element.removeAttribute('src');
      element.load();
    };
  }, []);

  // Captions follow the visitor's language.
  useEffect(() => {
    const tracks = video.current?.textTracks;
    if (!tracks) return;
    for (const track of Array.from(tracks)) {
      track.mode = track.language === lang ? 'showing' : 'disabled';
    }
  }, [lang]);

  const captions = Object.entries(slide.video.captions ?? {});
  return (
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
      onError={() => onFailed('the video could not be loaded or decoded')}
    >
      {captions.map(([code, ref]) => (
        <track
          key={code}
          kind="captions"
          srcLang={code}
          label={languageName(code)}
          src={mediaUrl(ref)}
          default={code === lang}
        />
      ))}
    </video>
  );
}
