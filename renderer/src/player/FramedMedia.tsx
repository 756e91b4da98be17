/**
 * A full-screen picture or video framed as staff chose: filling the screen around a focal point,
 * or whole over a blurred copy of itself (drawn once into a small canvas, so no CSS filter ever
 * runs while slides move).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { focusPosition, framingOf, resolveFit, type Size } from '#core/framing';
import { langAttributes, pickText } from '#core/i18n';
import { mediaUrl } from '#core/media';
import type { Framing, ImageAsset } from '#core/schema';
import type { SlideLanguage } from './SlideView';
import './framing.css';

/** A picture or video element whose size is known once it has loaded. */
export type MediaElement = HTMLImageElement | HTMLVideoElement;

function mediaSize(element: MediaElement): Size {
  return element instanceof HTMLVideoElement
    ? { width: element.videoWidth, height: element.videoHeight }
    : { width: element.naturalWidth, height: element.naturalHeight };
}

/** What the picture or video element itself needs: its style, and a call once it has loaded. */
export interface MediaFit {
  style: CSSProperties;
  /** The picture or video has loaded (its size and pixels are known). */
  onMedia(element: MediaElement): void;
}

/** The media's fit, the frame's callback ref, and what its backdrop is drawn from. */
interface FrameState extends MediaFit {
  /** The callback ref of the box the media fills (the screen, or the admin's preview stage). */
  box(element: HTMLDivElement | null): void;
  mode: 'fill' | 'fit';
  /** The element a blurred backdrop is drawn from, when one shows. */
  backdropSource: MediaElement | undefined;
}

/** Decide fill or fit from the slide's framing, the media's shape and the screen's. */
function useMediaFit(framing: Partial<Framing> | undefined): FrameState {
  const [element, box] = useState<HTMLDivElement | null>(null);
  const [screen, setScreen] = useState<Size>();
  const [media, setMedia] = useState<{ size: Size; element: MediaElement; drawable: boolean }>();
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () =>
      setScreen((old) =>
        old && old.width === element.clientWidth && old.height === element.clientHeight
          ? old
          : { width: element.clientWidth, height: element.clientHeight },
      );
    measure();
    // The screen may turn (or the admin preview change shape) while the slide shows.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  const onMedia = useCallback((element: MediaElement) => {
    const size = mediaSize(element);
    // A video's size comes before its first frame; the backdrop waits for the frame.
    const drawable = !(element instanceof HTMLVideoElement) || element.readyState >= 2;
    if (size.width > 0 && size.height > 0) setMedia({ size, element, drawable });
  }, []);
  const settings = framingOf(framing);
  const mode = resolveFit(settings.fit, media?.size, screen);
  const style: CSSProperties =
    mode === 'fill'
      ? { objectFit: 'cover', objectPosition: focusPosition(settings) }
      : { objectFit: 'contain', objectPosition: '50% 50%' };
  const blurred = mode === 'fit' && settings.backdrop === 'blur';
  const backdropSource = blurred && media?.drawable ? media.element : undefined;
  return { box, mode, style, onMedia, backdropSource };
}

/** The longer side of the backdrop canvas: small, so it is cheap and soft when stretched. */
const BACKDROP_PX = 64;
const BACKDROP_BLUR_PX = 3;

/** A blurred, dimmed copy of the media behind it, drawn once when the media has loaded. */
export function MediaBackdrop({ source }: { source: MediaElement | undefined }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element || !source) return;
    const { width, height } = mediaSize(source);
    const scale = BACKDROP_PX / Math.max(width, height);
    element.width = Math.max(1, Math.round(width * scale));
    element.height = Math.max(1, Math.round(height * scale));
    const context = element.getContext('2d');
    if (!context) return;
    context.filter = `blur(${BACKDROP_BLUR_PX}px)`;
    // Drawn a little larger than the canvas, so the blur does not fade its edges to black.
    const pad = BACKDROP_BLUR_PX * 2;
    try {
      context.drawImage(source, -pad, -pad, element.width + pad * 2, element.height + pad * 2);
    } catch {
      // Not drawable (yet): the plain background shows instead.
    }
  }, [source]);
  if (!source) return null;
  return <canvas ref={canvas} className="slide__backdrop" aria-hidden="true" />;
}

/** A full-screen picture slide's picture, framed. */
export function FramedImage({
  image,
  framing,
  language,
  onFailed,
}: {
  image: ImageAsset;
  framing: Partial<Framing> | undefined;
  language: SlideLanguage;
  onFailed?(reason: string): void;
}) {
  const { box, mode, style, onMedia, backdropSource } = useMediaFit(framing);
  const img = useRef<HTMLImageElement>(null);
  const alt = pickText(image.alt, language.lang, language.fallback);
  // A picture decoded before the slide came (decode-images.ts) is complete at once.
  useLayoutEffect(() => {
    if (img.current?.complete) onMedia(img.current);
  }, [onMedia]);
  return (
    <div className="slide__full slide__frame" ref={box} data-fit={mode}>
      <MediaBackdrop source={backdropSource} />
      <img
        ref={img}
        src={mediaUrl(image.src)}
        alt={alt.text}
        {...langAttributes(alt.lang)}
        style={style}
        draggable={false}
        decoding="async"
        onLoad={(event) => onMedia(event.currentTarget)}
        onError={() => onFailed?.(`the picture ${image.src} could not be loaded`)}
      />
    </div>
  );
}

/** The frame of a full-screen video: its backdrop, and the fit it hands to the video. */
export function FramedVideo({
  framing,
  children,
}: {
  framing: Partial<Framing> | undefined;
  children(fit: MediaFit): ReactNode;
}) {
  const { box, mode, style, onMedia, backdropSource } = useMediaFit(framing);
  return (
    <div className="slide__frame" ref={box} data-fit={mode}>
      <MediaBackdrop source={backdropSource} />
      {children({ style, onMedia })}
    </div>
  );
}
