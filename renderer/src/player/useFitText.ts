/**
 * Shrink a text block's type until it fits its box, so no language overflows its slide.
 */
import { useLayoutEffect, type RefObject } from 'react';

const STEP = 0.04;
const MIN_FIT = 0.55;

/**
 * Set `--fit` on the element (1 = designed size) to the largest step at which nothing overflows.
 *
 * With `shrink` off (the visitor asked for larger text) the text keeps its size. Whenever text
 * still overflows, the block becomes a focusable scrolling region instead of clipping it.
 */
export function useFitText(ref: RefObject<HTMLElement | null>, key: string, shrink = true): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fit = () => {
      let scale = 1;
      element.classList.remove('is-scrollable');
      element.removeAttribute('tabindex');
      element.style.setProperty('--fit', '1');
      while (shrink && overflows(element) && scale > MIN_FIT) {
        scale = Math.max(MIN_FIT, scale - STEP);
        element.style.setProperty('--fit', scale.toFixed(2));
      }
      if (overflows(element)) {
        element.classList.add('is-scrollable');
        element.tabIndex = 0;
      }
    };
    fit();
    window.addEventListener('resize', fit);
    // Webfont metrics differ from the fallback's; fit again once fonts are in.
    let alive = true;
    void document.fonts?.ready.then(() => alive && fit());
    return () => {
      alive = false;
      window.removeEventListener('resize', fit);
    };
  }, [ref, key, shrink]);
}

function overflows(element: HTMLElement): boolean {
  return (
    element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1
  );
}
