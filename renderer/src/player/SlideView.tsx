/**
 * One slide as the visitor sees it: a theme with artwork, a full-screen picture or a video.
 */
import { useEffect, useRef } from 'react';
import { pickText } from '../../../core/i18n';
import { mediaUrl } from '../../../core/media';
import type { ImageAsset, LocalizedText, Slide } from '../../../core/schema';
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
  onVideoFailed(): void;
}

/** The content of one slide (the carousel supplies the slide's group role and label). */
export function SlideView({
  slide,
  language,
  fitKey,
  onVideoEnded,
  onVideoFailed,
}: SlideViewProps) {
  const text = (value: LocalizedText | undefined) =>
    pickText(value, language.lang, language.fallback);
  const title = text(slide.title);
  if (slide.kind === 'theme') {
    return (
      <div className={`slide slide--theme slide--${slide.id}`}>
        {slide.image && (
          <SlideImage image={slide.image} language={language} className="slide__art" />
        )}
        <ThemeText slide={slide} language={language} fitKey={fitKey} />
      </div>
    );
  }
  if (slide.kind === 'image') {
    const caption = text(slide.caption);
    return (
      <div className="slide slide--image">
        <SlideImage image={slide.image} language={language} className="slide__full" />
        <div className="slide__caption">
          <h2 className="slide__title" lang={title.lang}>
            {title.text}
          </h2>
          {caption.text && <p lang={caption.lang}>{caption.text}</p>}
        </div>
      </div>
    );
  }
  const description = text(slide.description);
  return (
    <div className="slide slide--video">
      <SlideVideo
        slide={slide}
        lang={language.lang}
        onEnded={onVideoEnded}
        onFailed={onVideoFailed}
      />
      <div className="slide__caption">
        <h2 className="slide__title" lang={title.lang}>
          {title.text}
        </h2>
        {description.text && <p lang={description.lang}>{description.text}</p>}
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
      <h2 className="slide__title" lang={title.lang}>
        {title.text}
      </h2>
      {lead.text && (
        <p className="slide__lead" lang={lead.lang}>
          {lead.text}
        </p>
      )}
      <div className="slide__body" lang={body.lang}>
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
}: {
  image: ImageAsset;
  language: SlideLanguage;
  className: string;
}) {
  const alt = pickText(image.alt, language.lang, language.fallback);
  return (
    <div className={className}>
      <img
        src={mediaUrl(image.src)}
        alt={alt.text}
        lang={alt.lang}
        draggable={false}
        decoding="async"
      />
    </div>
  );
}

function SlideVideo({
  slide,
  lang,
  onEnded,
  onFailed,
}: {
  slide: Extract<Slide, { kind: 'video' }>;
  lang: string;
  onEnded(): void;
  onFailed(): void;
}) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    return () => {
      // Release the decoder: a player that runs for weeks must not keep old videos alive.
      if (!element) return;
      element.pause();
      element.removeAttribute('src');
      element.load();
    };
  }, []);
  const captions = Object.entries(slide.video.captions ?? {});
  return (
    <video
      ref={video}
      className="slide__full"
      src={mediaUrl(slide.video.src)}
      poster={slide.video.poster ? mediaUrl(slide.video.poster) : undefined}
      muted={slide.video.muted}
      loop={slide.video.loop}
      autoPlay
      playsInline
      preload="auto"
      onEnded={onEnded}
      onError={onFailed}
    >
      {captions.map(([code, ref]) => (
        <track
          key={code}
          kind="captions"
          srcLang={code}
          src={mediaUrl(ref)}
          default={code === lang}
        />
      ))}
    </video>
  );
}
