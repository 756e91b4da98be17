/**
 * Soak: 10,000 transitions (BENCH_SOAK) with animations skipped, checking that memory comes back.
 * Once the page has warmed up (BENCH_SOAK_WARMUP: its heap still grows for the first ~1,000
 * transitions, then levels off), memory is sampled after forced GC (CDP
 * HeapProfiler.collectGarbage) at SAMPLES even steps of the soak; heap growth is the slope of a
 * least-squares line through those samples, not end minus start, which one GC's timing swings by
 * hundreds of KiB. A player that runs for weeks must end where it started: growth at most 64 KiB
 * per 1,000 transitions, DOM nodes and listeners unchanged. Resident memory of the host and
 * browser processes (from /proc) is read when the page has loaded and at the end.
 */
import { memorySample, openPage } from './browser.mjs';
import { pressNext, visibleSlideLabel } from './probes.mjs';
import { residentMemory } from './rss.mjs';
import { slope } from './stats.mjs';

const CHUNK = 200;
/** Memory samples over the soak (the first right after warm-up). */
const SAMPLES = 11;
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

    // Samples at even steps; the presses between them add up to the soak.
    const samples = [{ transitions: 0, ...before }];
    const soak = { pressed: 0, changed: 0, msPerTransition: 0 };
    let ms = 0;
    for (let i = 1; i < SAMPLES; i++) {
      const count = Math.round((config.soak * i) / (SAMPLES - 1)) - soak.pressed;
      const step = await advance(page, count, (p) => log(`soak part ${i}/${SAMPLES - 1} ${p}`));
      soak.pressed += step.pressed;
      soak.changed += step.changed;
      ms += step.msPerTransition * step.pressed;
      await sleep(500);
      samples.push({ transitions: soak.pressed, ...(await memorySample(cdp)) });
    }
    soak.msPerTransition = ms / Math.max(1, soak.pressed);
    const after = { label: await page.evaluate(visibleSlideLabel), ...samples.at(-1) };
    const heapPerTransition = slope(
      samples.map((sample) => sample.transitions),
      samples.map((sample) => sample.heapUsed),
    );
    const rssEnd = await residentMemory(hostPid);

    return {
      startLabel,
      warmup,
      soak,
      before,
      after,
      samples,
      rss: { start: rssStart, end: rssEnd },
      growth: {
        heapUsed: after.heapUsed - before.heapUsed,
        heapPerThousand: heapPerTransition * 1000,
        nodes: after.nodes - before.nodes,
        listeners: after.listeners - before.listeners,
        documents: after.documents - before.documents,
      },
    };
  } finally {
    await context.close();
  }
}
