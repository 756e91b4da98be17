/**
 * Shrink a text block's type until it fits its box, so no language overflows its slide.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** The smallest scale text may be shrunk to (1 = the designed size for the chosen text size). */
const MIN_FIT = 0.5;
/** Fitting stops once the search interval is this narrow. */
const PRECISION = 0.01;

/**
 * Set `--fit` on the element (1 = designed size) to the largest scale at which its first child
 * (the text at its natural height) fits the element's content box.
 *
 * It fits again whenever the box changes size (screen turned, controls grown with larger text
 * or moved within reach) and once webfonts are in. Only text that cannot fit even at the
 * smallest scale makes the block a focusable scrolling region, instead of clipping it.
 */
export function useFitText(ref: RefObject<HTMLElement | null>, key: string): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    let fitted = '';
    const fit = () => {
      element.classList.remove('is-scrollable');
      element.removeAttribute('tabindex');
      const fitsAt = (scale: number) => {
        element.style.setProperty('--fit', scale.toFixed(3));
        return fits(element);
      };
      if (!fitsAt(1)) {
        // Binary search: a handful of layouts instead of one per step.
        let low = MIN_FIT;
        let high = 1;
        while (high - low > PRECISION) {
          const middle = (low + high) / 2;
          if (fitsAt(middle)) low = middle;
          else high = middle;
        }
        if (!fitsAt(low)) {
          element.classList.add('is-scrollable');
          element.tabIndex = 0;
        }
      }
      fitted = `${element.clientWidth}x${element.clientHeight}|${contentBox(element).join('x')}`;
    };
    fit();
    // The box changes with the screen and with the room the controls leave (its padding).
    const observer = new ResizeObserver(() => {
      const now = `${element.clientWidth}x${element.clientHeight}|${contentBox(element).join('x')}`;
      if (now !== fitted) fit();
    });
    observer.observe(element);
    // Webfont metrics differ from the fallback's; fit again once fonts are in.
    let alive = true;
    if (document.fonts && document.fonts.status !== 'loaded') {
      void document.fonts.ready.then(() => alive && fit());
    }
    return () => {
      alive = false;
      observer.disconnect();
    };
  }, [ref, key]);
}

// The width and height inside the element's padding.
function contentBox(element: HTMLElement): [number, number] {
  const style = getComputedStyle(element);
  const width =
    element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const height =
    element.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  return [width, height];
}

function fits(element: HTMLElement): boolean {
  const copy = element.firstElementChild as HTMLElement | null;
  if (!copy) return true;
  const [, height] = contentBox(element);
  // Layout sizes (offset*), not boxes: a slide moving in is transformed.
  return copy.offsetHeight <= height + 0.5 && copy.scrollWidth <= copy.clientWidth + 1;
}
