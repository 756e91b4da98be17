import { describe, expect, it } from 'vitest';
import {
  aspectMismatch,
  DEFAULT_FRAMING,
  FIT_ASPECT_THRESHOLD,
  focusPosition,
  framingOf,
  resolveFit,
} from './framing';
import { ImageSlide, VideoSlide } from './schema';

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };
const size = (width: number, height: number) => ({ width, height });

describe('the fit rule', () => {
  it('measures how far two shapes differ, either way round', () => {
    expect(aspectMismatch(LANDSCAPE, LANDSCAPE)).toBe(1);
    expect(aspectMismatch(LANDSCAPE, PORTRAIT)).toBeCloseTo(3.16, 2);
    expect(aspectMismatch(PORTRAIT, LANDSCAPE)).toBeCloseTo(3.16, 2);
    expect(aspectMismatch(size(4, 3), LANDSCAPE)).toBeCloseTo(1.33, 2);
  });

  it('fills when the shapes are close and shows the whole picture when they differ a lot', () => {
    expect(FIT_ASPECT_THRESHOLD).toBe(1.5);
    expect(resolveFit('auto', LANDSCAPE, LANDSCAPE)).toBe('fill');
    expect(resolveFit('auto', size(4000, 3000), LANDSCAPE)).toBe('fill'); // 4:3 photo
    expect(resolveFit('auto', size(3000, 2000), LANDSCAPE)).toBe('fill'); // 3:2 photo
    // A landscape video on a portrait screen would keep under a third of itself.
    expect(resolveFit('auto', LANDSCAPE, PORTRAIT)).toBe('fit');
    expect(resolveFit('auto', size(4000, 3000), PORTRAIT)).toBe('fit');
    expect(resolveFit('auto', size(1000, 1000), LANDSCAPE)).toBe('fit'); // 1.78×
    expect(resolveFit('auto', PORTRAIT, PORTRAIT)).toBe('fill');
  });

  it('puts the threshold itself on the fill side', () => {
    const screen = size(1000, 1000);
    expect(resolveFit('auto', size(1500, 1000), screen)).toBe('fill');
    expect(resolveFit('auto', size(1501, 1000), screen)).toBe('fit');
  });

  it('never crops a picture whose size is not known yet', () => {
    expect(resolveFit('auto', undefined, LANDSCAPE)).toBe('fit');
    expect(resolveFit('auto', size(0, 0), LANDSCAPE)).toBe('fit');
    expect(resolveFit('auto', LANDSCAPE, size(0, 0))).toBe('fit');
  });

  it('does what staff chose, whatever the shapes', () => {
    expect(resolveFit('fill', LANDSCAPE, PORTRAIT)).toBe('fill');
    expect(resolveFit('fit', LANDSCAPE, LANDSCAPE)).toBe('fit');
    expect(resolveFit('fill', undefined, undefined)).toBe('fill');
  });

  it('keeps the focal point in view with object-position', () => {
    expect(focusPosition(DEFAULT_FRAMING)).toBe('50% 50%');
    expect(focusPosition({ focusX: 0, focusY: 100 })).toBe('0% 100%');
    expect(framingOf(undefined)).toEqual(DEFAULT_FRAMING);
    expect(framingOf({ fit: 'fill', focusX: 20 })).toEqual({
      fit: 'fill',
      backdrop: 'blur',
      focusX: 20,
      focusY: 50,
    });
  });
});

describe('framing in the schema', () => {
  const image = {
    id: 'photo',
    kind: 'image',
    title: { en: 'A photo' },
    image: { src: 'builtin:art/intro.svg', alt: { en: 'x' } },
  };

  it('is optional, so slides written before it stay valid', () => {
    const parsed = ImageSlide.parse(image);
    expect(parsed.framing).toBeUndefined();
  });

  it('fills in every default', () => {
    expect(ImageSlide.parse({ ...image, framing: {} }).framing).toEqual(DEFAULT_FRAMING);
    const video = VideoSlide.parse({
      id: 'film',
      kind: 'video',
      title: { en: 'A film' },
      video: { src: 'builtin:media/clip.mp4' },
      framing: { fit: 'fill', focusX: 10, focusY: 90 },
    });
    expect(video.framing).toEqual({ fit: 'fill', backdrop: 'blur', focusX: 10, focusY: 90 });
  });

  it('names the field and the range of a bad value', () => {
    const result = ImageSlide.safeParse({ ...image, framing: { focusX: 120, fit: 'stretch' } });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['framing.focusX', 'must be between 0 and 100 percent']);
    expect(issues.map(([path]) => path)).toContain('framing.fit');
  });
});
