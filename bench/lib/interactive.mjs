/**
 * One measured run of one page: navigate (time to the first title), then a series of transitions,
 * each started by a touch tap on Next; frames, Long Animation Frames, Event Timing and CDP
 * metrics are recorded while they play. Each tap is also a tap-latency sample. A last pass goes
 * round all slides forwards and backwards, counting frames that show no slide.
 */
import os from 'node:os';
import { FIRST_TITLE } from './config.mjs';
import { openPage, performanceMetrics } from './browser.mjs';
import {
  installTitleProbe,
  readLoadTimings,
  startCoverageProbe,
  startInteractionProbes,
  stopCoverageProbe,
  stopInteractionProbes,
  visibleSlideLabel,
} from './probes.mjs';

/** CDP metrics reported per transition (durations are converted from s to ms). */
const CDP_COUNTS = ['LayoutCount', 'RecalcStyleCount'];
const CDP_DURATIONS = ['LayoutDuration', 'RecalcStyleDuration', 'ScriptDuration', 'TaskDuration'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Load the page and wait until the first title is visible in its web font (the probe times it). */
async function loadUntilTitle(page, url) {
  await page.addInitScript(installTitleProbe, FIRST_TITLE);
  await page.goto(url, { waitUntil: 'commit' });
  await page
    .waitForFunction(() => window.__BENCH_LOAD__?.titleWithFont != null, null, {
      timeout: 30_000,
      polling: 100,
    })
    .catch((error) => {
      throw new Error(`${url}: "${FIRST_TITLE}" not visible in Inter within 30 s`, {
        cause: error,
      });
    });
}

/** Per-transition averages of the CDP metric deltas between two samples. */
function metricDeltas(before, after, transitions) {
  const out = {};
  for (const name of CDP_COUNTS) out[name] = (after[name] - before[name]) / transitions;
  for (const name of CDP_DURATIONS) {
    out[`${name}Ms`] = ((after[name] - before[name]) * 1000) / transitions;
  }
  return out;
}

/** Where to tap: the centre of the Next (or Previous) button. */
async function nextButtonCentre(page, name = 'Next slide') {
  const box = await page.locator(`button[aria-label="${name}"]`).boundingBox();
  if (!box) throw new Error(`no ${name} button`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Round all slides forwards, then backwards, by touch taps, sampling every frame for one
 * showing no slide's content (a separate pass: the sampling reads styles every frame).
 */
async function measureCoverage(page, config) {
  const slides = await page
    .locator('[aria-roledescription="slide"]')
    .evaluateAll((all) =>
      Number(/\d+$/.exec(all[0]?.getAttribute('aria-label') ?? '')?.[0] ?? all.length),
    );
  await page.evaluate(startCoverageProbe);
  const next = await tapNext(page, await nextButtonCentre(page), slides, config.intervalMs);
  const back = await nextButtonCentre(page, 'Previous slide');
  const previous = await tapNext(page, back, slides, config.intervalMs);
  const counts = await page.evaluate(stopCoverageProbe);
  return { transitions: 2 * slides, advanced: next.advanced + previous.advanced, ...counts };
}

/**
 * Tap Next (or the button at `x`, `y`) `count` times, `intervalMs` apart. `marks[i]` is the page time just before tap i (to
 * match Event Timing entries to taps); returns how many taps changed the visible slide.
 */
async function tapNext(page, { x, y }, count, intervalMs) {
  const marks = [];
  let advanced = 0;
  let label = await page.evaluate(visibleSlideLabel);
  for (let i = 0; i < count; i++) {
    marks.push(await page.evaluate(() => performance.now()));
    await page.touchscreen.tap(x, y);
    await sleep(intervalMs);
    const now = await page.evaluate(visibleSlideLabel);
    if (now !== label) advanced++;
    label = now;
  }
  return { marks, advanced };
}

/**
 * Two passes of transitions. First frames, Long Animation Frames and Event Timing, with nothing
 * else attached; then CDP Performance metrics in a separate, shorter pass, because enabling the
 * CDP Performance domain adds 50–100 ms frames of its own (checked on both pages).
 */
async function measureTransitions(page, cdp, config) {
  const target = await nextButtonCentre(page);

  // A first, unmeasured tap stops automatic rotation (any input does, in both pages).
  await page.touchscreen.tap(target.x, target.y);
  await sleep(config.intervalMs);

  await page.evaluate(startInteractionProbes);
  const taps = await tapNext(page, target, config.transitions, config.intervalMs);
  const record = await page.evaluate(stopInteractionProbes);

  let cdpMetrics = null;
  if (config.cdpTransitions > 0) {
    await cdp.send('Performance.enable');
    const before = await performanceMetrics(cdp);
    await tapNext(page, target, config.cdpTransitions, config.intervalMs);
    const after = await performanceMetrics(cdp);
    await cdp.send('Performance.disable');
    cdpMetrics = metricDeltas(before, after, config.cdpTransitions);
  }
  const coverage = await measureCoverage(page, config);
  return { transitions: config.transitions, ...taps, cdp: cdpMetrics, coverage, ...record };
}

/**
 * Run load + transitions on a fresh page.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url the page to measure
 * @param {ReturnType<import('./config.mjs').loadConfig>} config
 * @param {{ loadOnly?: boolean }} options loadOnly: skip the transitions (warm-up runs)
 */
export async function interactiveRun(browser, url, config, { loadOnly = false } = {}) {
  const { context, page, cdp } = await openPage(browser, { touch: true });
  try {
    await loadUntilTitle(page, url);
    if (loadOnly) return {};
    // Read the timings after settling: paint entries arrive a frame or two after the title.
    await sleep(config.settleMs);
    const load = await page.evaluate(readLoadTimings);
    const loadAverage = os.loadavg()[0];
    const transitions = await measureTransitions(page, cdp, config);
    return { load, transitions, loadAverage: [loadAverage, os.loadavg()[0]] };
  } finally {
    await context.close();
  }
}
