/**
 * Shrink a text block's type until it fits its box, so no language overflows its slide.
 */
import { useLayoutEffect, type RefObject } from 'react';

const STEP = 0.04;
const MIN_FIT = 0.55;
/** Steps below the designed size: 0.96, 0.92, … down to MIN_FIT. */
const STEPS = Math.ceil((1 - MIN_FIT) / STEP);
const stepScale = (step: number) => Math.max(MIN_FIT, 1 - step * STEP);

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
    const setScale = (scale: number) => element.style.setProperty('--fit', scale.toFixed(2));
    const fit = () => {
      element.classList.remove('is-scrollable');
      element.removeAttribute('tabindex');
      setScale(1);
      if (shrink && overflows(element)) {
        // Each overflow check forces a layout: search the steps in halves, not one by one.
        let low = 1;
        let high = STEPS;
        while (low < high) {
          const mid = (low + high) >> 1;
          setScale(stepScale(mid));
          if (overflows(element)) low = mid + 1;
          else high = mid;
        }
        setScale(stepScale(low));
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
    if (document.fonts && document.fonts.status !== 'loaded') {
      void document.fonts.ready.then(() => alive && fit());
    }
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
