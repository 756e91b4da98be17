/**
 * Watch a slide's video for the failures that raise no `error` event: a video whose picture this
 * browser cannot decode (HEVC/H.265 from a phone plays its sound over a blank area), and a video
 * that stops making progress.
 */
import { useEffect, useRef, type RefObject } from 'react';

/** How long a playing video may go without a decoded frame before it counts as undecodable. */
export const FIRST_FRAME_MS = 3000;
/** How long a playing video may show the same frame before it counts as stalled. */
export const STALL_MS = 8000;

/** Why a video slide was skipped, as health reports it. */
export const videoFailure = {
  unreadable: (src: string) => `the video ${src} could not be loaded or decoded`,
  noPicture: (src: string) => `the video ${src} shows no picture: this player cannot decode it`,
  stalled: (src: string) => `the video ${src} stopped playing`,
};

/** Call `onFailed` (once) when the video at `src` in `ref` shows no picture or stalls. */
export function useVideoWatch(
  ref: RefObject<HTMLVideoElement | null>,
  src: string,
  onFailed: (reason: string) => void,
): void {
  const failed = useRef(onFailed);
  useEffect(() => {
    failed.current = onFailed;
  });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let done = false;
    const fail = (reason: string) => {
      if (done) return;
      done = true;
      failed.current(reason);
    };

    // A frame presented on screen, or one decoded (a hidden page presents none), is a picture.
    let presented = false;
    const frameRequest = element.requestVideoFrameCallback?.(() => (presented = true));
    const hasPicture = () =>
      element.videoWidth > 0 &&
      (presented || (element.getVideoPlaybackQuality?.().totalVideoFrames ?? 0) > 0);

    // Chromium drops a video track it has no decoder for: the metadata then has no size at all.
    const onMetadata = () => {
      if (element.videoWidth === 0) fail(videoFailure.noPicture(src));
    };
    let firstFrame: ReturnType<typeof setTimeout> | undefined;
    const checkFirstFrame = () => {
      if (hasPicture() || element.paused || element.ended) return;
      // A page out of sight decodes nothing; judge once it is seen again.
      if (document.visibilityState !== 'visible') return armFirstFrame();
      fail(videoFailure.noPicture(src));
    };
    const armFirstFrame = () => {
      clearTimeout(firstFrame);
      firstFrame = setTimeout(checkFirstFrame, FIRST_FRAME_MS);
    };
    element.addEventListener('loadedmetadata', onMetadata);
    element.addEventListener('playing', armFirstFrame);
    if (element.readyState >= HTMLMediaElement.HAVE_METADATA) onMetadata();
    if (!element.paused) armFirstFrame();

    // A video that stops making progress must never stall the loop.
    let last = -1;
    const watchdog = setInterval(() => {
      if (element.ended || element.paused) return;
      if (element.currentTime === last) fail(videoFailure.stalled(src));
      last = element.currentTime;
    }, STALL_MS);

    return () => {
      clearInterval(watchdog);
      clearTimeout(firstFrame);
      if (frameRequest !== undefined) element.cancelVideoFrameCallback?.(frameRequest);
      element.removeEventListener('loadedmetadata', onMetadata);
      element.removeEventListener('playing', armFirstFrame);
    };
  }, [ref, src]);
}
