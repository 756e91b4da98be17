/**
 * Keep the player's text clear of its controls: measure the bars and publish the room they take.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** The player's own controls, whose boxes the slide text must stay clear of. */
const CHROME = '.topbar, .controls, .hint, .band';

/**
 * Set `--chrome-top` and `--chrome-bottom` on the player (px from each screen edge that its
 * controls cover), so slide text and captions lay out in the room that is left.
 *
 * The controls wrap and grow with the visitor's language, text size and "within reach" option,
 * so their room is measured (ResizeObserver) rather than guessed; `key` names such a change.
 */
export function useChromeInsets(ref: RefObject<HTMLElement | null>, key: string): void {
  useLayoutEffect(() => {
    const player = ref.current;
    if (!player) return;
    const measure = () => {
      const height = player.clientHeight;
      let top = 0;
      let bottom = 0;
      for (const element of player.querySelectorAll<HTMLElement>(CHROME)) {
        const box = element.getBoundingClientRect();
        if (box.height === 0 || box.width === 0) continue;
        // A bar belongs to the edge it is nearer to.
        if (box.top + box.height / 2 < height / 2) top = Math.max(top, box.bottom);
        else bottom = Math.max(bottom, height - box.top);
      }
      player.style.setProperty('--chrome-top', `${Math.ceil(top)}px`);
      player.style.setProperty('--chrome-bottom', `${Math.ceil(bottom)}px`);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(player);
    for (const element of player.querySelectorAll(CHROME)) observer.observe(element);
    return () => observer.disconnect();
  }, [ref, key]);
}
