/**
 * Functions that run inside the page (Playwright serialises them, so each one is self-contained
 * and uses browser globals only). The same probes measure the player and the baseline.
 */

/**
 * Init script: from the first frame, watch for the first slide's title and record (in ms since
 * navigation start) the frame where it is rendered and visible, and the frame where it is also
 * drawn in Inter rather than a fallback font.
 * @param {string} title the heading text to wait for
 */
export function installTitleProbe(title) {
  const state = { titleVisible: null, titleWithFont: null };
  window.__BENCH_LOAD__ = state;
  const visible = () => {
    for (const heading of document.getElementsByTagName('h2')) {
      if (heading.textContent.trim() !== title) continue;
      const box = heading.getBoundingClientRect();
      const shown = heading.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      if (box.width > 0 && box.height > 0 && shown) return true;
    }
    return false;
  };
  // `check` is true for families nothing declares, so also require a declared Inter face.
  const interReady = () =>
    [...document.fonts].some((face) => face.family.replace(/["']/g, '') === 'Inter Variable') &&
    document.fonts.check('800 40px "Inter Variable"', title);
  const frame = () => {
    if (state.titleVisible === null && visible()) state.titleVisible = performance.now();
    if (state.titleVisible !== null && state.titleWithFont === null && interReady()) {
      state.titleWithFont = performance.now();
    }
    if (state.titleWithFont === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** After load: paint and navigation timings plus what the page fetched. */
export function readLoadTimings() {
  const navigation = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    ...window.__BENCH_LOAD__,
    firstContentfulPaint: fcp ? fcp.startTime : null,
    domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null,
    resources: performance.getEntriesByType('resource').map((entry) => ({
      url: entry.name,
      initiator: entry.initiatorType,
      bytes: entry.encodedBodySize,
      startMs: Math.round(entry.startTime),
      endMs: Math.round(entry.responseEnd),
    })),
  };
}

/**
 * Start recording frames (rAF deltas), Long Animation Frames, long tasks, Event Timing entries,
 * when each tap arrived and the frames where a new slide started to show.
 * Returns the start time; entries from before it (delivered by `buffered`) are dropped later.
 */
export function startInteractionProbes() {
  const record = {
    start: performance.now(),
    deltas: [],
    loaf: [],
    events: [],
    longTasks: [],
    taps: [],
    moves: [],
    running: true,
  };
  // When each tap reached the page: the start of the transition it asks for.
  record.onTap = (event) => record.taps.push(event.timeStamp);
  window.addEventListener('pointerdown', record.onTap, { capture: true });
  let last = null;
  let shown = null;
  const frame = (time) => {
    if (!record.running) return;
    if (last !== null) record.deltas.push(time - last);
    last = time;
    // The frame where a new slide shows: its motion starts there (the player prepares it first).
    const label = document
      .querySelector('[aria-roledescription="slide"]:not([aria-hidden="true"])')
      ?.getAttribute('aria-label');
    if (label !== shown) record.moves.push(time);
    shown = label;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const observe = (type, options, keep) => {
    const observer = new PerformanceObserver((list) => list.getEntries().forEach(keep));
    observer.observe({ type, buffered: true, ...options });
    return observer;
  };
  record.observers = [
    // Keep where each long frame's time went: before rendering, style/layout, and the scripts.
    observe('long-animation-frame', {}, (entry) =>
      record.loaf.push({
        startTime: entry.startTime,
        duration: entry.duration,
        blockingDuration: entry.blockingDuration,
        renderStart: entry.renderStart ? entry.renderStart - entry.startTime : null,
        styleAndLayoutStart: entry.styleAndLayoutStart
          ? entry.styleAndLayoutStart - entry.startTime
          : null,
        scripts: entry.scripts.map((script) => ({
          invoker: `${script.invokerType}:${script.invoker}`,
          source: `${script.sourceURL.split('/').pop()}:${script.sourceFunctionName}`,
          duration: script.duration,
          forcedStyleAndLayout: script.forcedStyleAndLayoutDuration,
        })),
      }),
    ),
    observe('longtask', {}, (entry) =>
      record.longTasks.push({ startTime: entry.startTime, duration: entry.duration }),
    ),
    observe('event', { durationThreshold: 16 }, (entry) =>
      record.events.push({
        name: entry.name,
        startTime: entry.startTime,
        duration: entry.duration,
        interactionId: entry.interactionId,
      }),
    ),
  ];
  window.__BENCH_RUN__ = record;
  return record.start;
}

/** Stop the recorders and hand back what they saw since they started. */
export function stopInteractionProbes() {
  const record = window.__BENCH_RUN__;
  record.running = false;
  window.removeEventListener('pointerdown', record.onTap, { capture: true });
  for (const observer of record.observers) {
    observer.takeRecords();
    observer.disconnect();
  }
  const since = (entry) => entry.startTime >= record.start;
  return {
    start: record.start,
    end: performance.now(),
    deltas: record.deltas,
    loaf: record.loaf.filter(since),
    events: record.events.filter(since),
    longTasks: record.longTasks.filter(since),
    taps: record.taps,
    moves: record.moves,
  };
}

/** The aria-label of the slide a visitor sees (the one not hidden as it leaves). */
export function visibleSlideLabel() {
  return (
    document
      .querySelector('[aria-roledescription="slide"]:not([aria-hidden="true"])')
      ?.getAttribute('aria-label') ?? null
  );
}

/**
 * Press Next `count` times as fast as the page commits: a synthetic pointerdown/pointerup (which
 * the session and rotation logic listen for) and a click, then wait for the visible slide to
 * change (two frames usually; up to 30). Returns how many presses changed the slide.
 */
export async function pressNext(count) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const label = () =>
    document
      .querySelector('[aria-roledescription="slide"]:not([aria-hidden="true"])')
      ?.getAttribute('aria-label') ?? null;
  const next = document.querySelector('button[aria-label="Next slide"]');
  const pointer = { bubbles: true, composed: true, isPrimary: true, pointerId: 1 };
  let changed = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const before = label();
    next.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, pointerType: 'touch' }));
    next.dispatchEvent(new PointerEvent('pointerup', { ...pointer, pointerType: 'touch' }));
    next.click();
    // One frame renders the (skipped) transition; wait longer (up to the player's 1.5 s decode
    // timeout) only while pictures decode or a busy machine stalls.
    await frame();
    for (let waited = 0; label() === before && waited < 90; waited++) await frame();
    if (label() !== before) changed++;
  }
  return { changed, ms: performance.now() - started };
}

/**
 * Start sampling, every frame, whether a slide's content is on screen: a slide rendered inside
 * the viewport with its title and an effective opacity above 0.05 (else the frame shows only
 * the background), and whether one slide covers its frame fully opaque (else the background
 * shows through, e.g. halfway through a crossfade).
 */
export function startCoverageProbe() {
  const record = { frames: 0, backgroundOnly: 0, backgroundShowing: 0, running: true };
  const opacity = (element) => {
    let value = 1;
    for (let e = element; e; e = e.parentElement) value *= Number(getComputedStyle(e).opacity);
    return value;
  };
  const sample = () => {
    let content = false;
    let covered = false;
    for (const slide of document.querySelectorAll('[aria-roledescription="slide"]')) {
      if (!slide.checkVisibility({ visibilityProperty: true })) continue;
      const box = slide.getBoundingClientRect();
      const width = Math.min(box.right, innerWidth) - Math.max(box.left, 0);
      const height = Math.min(box.bottom, innerHeight) - Math.max(box.top, 0);
      const seen = opacity(slide);
      const titled = slide.querySelector('h2')?.textContent.trim();
      if (titled && seen > 0.05 && width > innerWidth / 2 && height > innerHeight / 2) {
        content = true;
      }
      // Against its own frame, which may follow a dragging finger.
      const holder = slide.parentElement.getBoundingClientRect();
      const fills = ['left', 'top', 'right', 'bottom'].every(
        (side) => Math.abs(box[side] - holder[side]) <= 2,
      );
      if (fills && seen >= 0.99) covered = true;
    }
    record.frames++;
    if (!content) record.backgroundOnly++;
    if (!covered) record.backgroundShowing++;
    if (record.running) requestAnimationFrame(frame);
  };
  // After each frame's animation callbacks: what was painted.
  const frame = () => setTimeout(sample, 0);
  requestAnimationFrame(frame);
  window.__BENCH_COVERAGE__ = record;
}

/** Stop the coverage probe and hand back its counts. */
export function stopCoverageProbe() {
  const record = window.__BENCH_COVERAGE__;
  record.running = false;
  const { frames, backgroundOnly, backgroundShowing } = record;
  return { frames, backgroundOnly, backgroundShowing };
}
