/**
 * Chromium for the benchmarks: one browser per run of `npm run bench`, a fresh context (cold
 * cache, own storage) for every measured page, and a CDP session for metrics.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, VIEWPORT } from './config.mjs';

/** Launch headless Chromium from the configured path. */
export function launchBrowser(config) {
  return chromium.launch({ executablePath: config.chromiumPath, args: CHROMIUM_ARGS });
}

/**
 * A new page at the kiosk's resolution in its own context, with its CDP session.
 * @param {import('@playwright/test').Browser} browser
 * @param {{ touch?: boolean }} options touch: emulate a touchscreen (for taps)
 */
export async function openPage(browser, { touch = false } = {}) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    hasTouch: touch,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

/** CDP Performance metrics as a name → value object. */
export async function performanceMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** Force garbage collection (a few passes), then read heap size and DOM counters. */
export async function memorySample(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return {
    heapUsed: heap.usedSize,
    documents: dom.documents,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
  };
}
