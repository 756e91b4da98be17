/**
 * What the preload does to the page itself: notice visitors' input, and refuse dropped files.
 *
 * The listeners go on the page's window (the preload shares its DOM, not its JavaScript world),
 * in the capture phase, so the page cannot hide input from them.
 */

/** Input that means a person is at the screen. */
export const INPUT_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

/** The part of a window the guards use. */
export type GuardTarget = Pick<EventTarget, 'addEventListener'>;

/** Watch for input on `target`; the returned function says how long ago the last one was. */
export function trackInput(target: GuardTarget, now: () => number = Date.now): () => number {
  let last = now();
  const seen = () => {
    last = now();
  };
  for (const type of INPUT_EVENTS) {
    target.addEventListener(type, seen, { capture: true, passive: true });
  }
  return () => Math.max(0, now() - last);
}

/**
 * Refuse files dragged onto the kiosk: Chromium would otherwise open (navigate to) a dropped file.
 *
 * Runs first (capture phase) and says "no drop here"; a drop zone of the page's own (the staff
 * media upload) says "copy" after it and still gets its files, since nothing stops propagation.
 * main/security.ts also blocks the navigation; this stops it before it starts.
 */
export function refuseFileDrops(target: GuardTarget): void {
  for (const type of ['dragover', 'drop'] as const) {
    target.addEventListener(
      type,
      (event) => {
        event.preventDefault();
        const transfer = (event as Event & { dataTransfer?: { dropEffect: string } | null })
          .dataTransfer;
        if (transfer) transfer.dropEffect = 'none';
      },
      { capture: true },
    );
  }
}
