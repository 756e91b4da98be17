/**
 * Decode a slide's pictures before it is shown, so a transition never reveals a blank frame.
 */
import { mediaUrl } from '#core/media';
import type { Slide } from '#core/schema';

// Decoded Image objects are kept alive (a few) so the browser keeps their pixels ready.
const MAX_KEPT = 12;
const kept = new Map<string, { image: HTMLImageElement; done: Promise<void> }>();
const ready = new Set<string>();

/** The URLs of the pictures a slide shows. */
export function slideImageUrls(slide: Slide): string[] {
  if (slide.kind === 'theme') return slide.image ? [mediaUrl(slide.image.src)] : [];
  if (slide.kind === 'image') return [mediaUrl(slide.image.src)];
  if (slide.kind === 'web') return [];
  return slide.video.poster ? [mediaUrl(slide.video.poster)] : [];
}

function decodeImage(url: string): Promise<void> {
  const existing = kept.get(url);
  if (existing) return existing.done;
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  // A picture that fails still counts as settled: the slide shows its text without it.
  const done = image.decode().then(
    () => void ready.add(url),
    () => void ready.add(url),
  );
  kept.set(url, { image, done });
  if (kept.size > MAX_KEPT) {
    const oldest = kept.keys().next().value as string;
    kept.delete(oldest);
    ready.delete(oldest);
  }
  return done;
}

/** Whether a slide's pictures are decoded already, so it can be shown at once. */
export function slideDecoded(slide: Slide): boolean {
  return slideImageUrls(slide).every((url) => ready.has(url));
}

/** Decode a slide's pictures, waiting at most `timeoutMs`; resolves true when all are ready. */
export function decodeSlide(slide: Slide, timeoutMs = 1500): Promise<boolean> {
  if (slideDecoded(slide)) return Promise.resolve(true);
  const all = Promise.all(slideImageUrls(slide).map(decodeImage)).then(() => true);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  return Promise.race([all, timeout]).finally(() => clearTimeout(timer));
}
