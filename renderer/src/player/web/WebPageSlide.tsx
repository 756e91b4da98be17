/**
 * A web page slide: the page in a sandboxed frame (loaded lazily, so the player's first load does
 * not carry it). It is skipped and reported when its site is not allowed, the kiosk is offline, or
 * the page does not load in time.
 */
import { use, useEffect, useRef, useState } from 'react';
import type { WebSlide } from '#core/schema';
import { allowedEntry, frameSandbox, originOf, WEB_PAGE_LOAD_TIMEOUT_MS } from '#core/web-page';
import { FRAME_INPUT_EVENT, WebFrameContext } from './web-frame-context';
import './web-page.css';

interface WebPageSlideProps {
  slide: WebSlide;
  /** The slide's title in the visitor's language: the frame's accessible name. */
  title: string;
  /** The page cannot be shown (the player skips the slide and reports why). */
  onFailed?(reason: string): void;
}

/** The frame of a web page slide. */
export default function WebPageSlide({ slide, title, onFailed }: WebPageSlideProps) {
  const { allowlist, visit } = use(WebFrameContext);
  const { url } = slide.web;
  const entry = allowedEntry(url, allowlist);
  const frame = useRef<HTMLIFrameElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const [loaded, setLoaded] = useState(-1);
  const failed = useRef(onFailed);
  useEffect(() => {
    failed.current = onFailed;
  });

  useEffect(() => {
    if (!entry) {
      failed.current?.(`${originOf(url) ?? url} is not on the list of allowed web sites`);
      return;
    }
    if (!navigator.onLine) {
      failed.current?.(`the kiosk is offline, so the web page ${url} cannot load`);
      return;
    }
    if (loaded === visit) return;
    const timer = setTimeout(
      () =>
        failed.current?.(
          `the web page ${url} did not load within ${WEB_PAGE_LOAD_TIMEOUT_MS / 1000} seconds`,
        ),
      WEB_PAGE_LOAD_TIMEOUT_MS,
    );
    const offline = () => failed.current?.(`the kiosk went offline while ${url} was loading`);
    window.addEventListener('offline', offline);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('offline', offline);
    };
  }, [entry, url, visit, loaded]);

  useEffect(() => {
    if (!entry || !navigator.onLine) return;
    // A frame whose site does not answer shows the browser's error page and still "loads": ask
    // the site too, once per visit (a HEAD request with an opaque answer: nothing is read, no
    // cookie or referrer is sent; the CSP's connect-src lists the allowed sites for it).
    const asking = new AbortController();
    fetch(url, {
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: asking.signal,
    }).catch(() => {
      if (!asking.signal.aborted) failed.current?.(`the web site of ${url} does not answer`);
    });
    return () => asking.abort();
  }, [entry, url, visit]);

  useFrameInput(frame, wrapper);

  // Not allowed, or nothing to load it over: no frame at all (the slide is being skipped).
  if (!entry || !navigator.onLine) return null;
  return (
    <div className="web-page" ref={wrapper} tabIndex={-1}>
      <iframe
        // A new visit is a new frame: nothing one visitor did in the page is left for the next.
        key={visit}
        ref={frame}
        className="web-page__frame"
        src={url}
        title={title}
        sandbox={frameSandbox(entry)}
        allow=""
        referrerPolicy="no-referrer"
        loading="eager"
        onLoad={() => setLoaded(visit)}
      />
    </div>
  );
}

/**
 * Count touches inside the frame as visitor input. A cross-origin frame's events never reach this
 * page, but the first touch moves focus into the frame, which blurs this window: that is counted,
 * and focus comes back to the slide shortly after so that the next touch is seen too.
 */
function useFrameInput(
  frame: React.RefObject<HTMLIFrameElement | null>,
  wrapper: React.RefObject<HTMLDivElement | null>,
) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onBlur = () => {
      // Focus moves into the frame only after the blur event: look on the next task.
      setTimeout(() => {
        if (!frame.current || document.activeElement !== frame.current) return;
        window.dispatchEvent(new Event(FRAME_INPUT_EVENT));
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (document.activeElement === frame.current)
            wrapper.current?.focus({ preventScroll: true });
        }, 500);
      }, 0);
    };
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('blur', onBlur);
      clearTimeout(timer);
    };
  }, [frame, wrapper]);
}
