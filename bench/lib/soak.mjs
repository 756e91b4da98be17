/**
 * Soak: 10,000 transitions (BENCH_SOAK) with animations skipped, checking that memory comes back.
 * Memory is sampled after forced GC (CDP HeapProfiler.collectGarbage) once the page has warmed
 * up and again after the soak; a player that runs for weeks must end where it started: heap
 * growth at most 64 KiB per 1,000 transitions, DOM nodes and listeners unchanged. Resident memory
 * of the host and browser processes (from /proc) is read when the page has loaded and at the end.
 */
import { memorySample, openPage } from './browser.mjs';
import { pressNext, visibleSlideLabel } from './probes.mjs';
import { residentMemory } from './rss.mjs';

const CHUNK = 200;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Press Next `count` times in chunks (so a stuck page shows up early); returns totals. */
async function advance(page, count, log) {
  let changed = 0;
  let ms = 0;
  for (let done = 0; done < count; done += CHUNK) {
    const step = await page.evaluate(pressNext, Math.min(CHUNK, count - done));
    changed += step.changed;
    ms += step.ms;
    log(`${Math.min(done + CHUNK, count)}/${count}`);
  }
  return { pressed: count, changed, msPerTransition: ms / Math.max(1, count) };
}

/**
 * Run the soak on a fresh page.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {ReturnType<import('./config.mjs').loadConfig>} config
 * @param {(line: string) => void} log progress lines
 * @param {number} [hostPid] the kiosk host's process, counted with the browser's memory
 */
export async function soakRun(browser, url, config, log, hostPid = -1) {
  const { context, page, cdp } = await openPage(browser);
  try {
    // Every transition completes at once: the player and the baseline both read this flag.
    await page.addInitScript(() => {
      window.__SKIP_ANIMATIONS__ = true;
    });
    await page.goto(url);
    await page.waitForFunction(visibleSlideLabel, null, { timeout: 30_000 });
    const startLabel = await page.evaluate(visibleSlideLabel);
    const rssStart = await residentMemory(hostPid);

    const warmup = await advance(page, config.soakWarmup, (p) => log(`warm-up ${p}`));
    await sleep(500);
    const before = { label: await page.evaluate(visibleSlideLabel), ...(await memorySample(cdp)) };

    const soak = await advance(page, config.soak, (p) => log(`soak ${p}`));
    await sleep(500);
    const after = { label: await page.evaluate(visibleSlideLabel), ...(await memorySample(cdp)) };
    const rssEnd = await residentMemory(hostPid);

    return {
      startLabel,
      warmup,
      soak,
      before,
      after,
      rss: { start: rssStart, end: rssEnd },
      growth: {
        heapUsed: after.heapUsed - before.heapUsed,
        nodes: after.nodes - before.nodes,
        listeners: after.listeners - before.listeners,
        documents: after.documents - before.documents,
      },
    };
  } finally {
    await context.close();
  }
}
