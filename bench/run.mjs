/**
 * `npm run bench`: measure the player against a plain-HTML baseline of the same slideshow, in
 * the same headless Chromium run (interleaved A/B, medians over runs), and the scheduler's worst
 * case (lib/schedule.mjs), then print a table and write bench/results/latest.json. Exits 0 even
 * when a target fails: benchmarks inform.
 *
 * Tune with BENCH_RUNS, BENCH_WARMUP_RUNS, BENCH_TRANSITIONS, BENCH_CDP_TRANSITIONS,
 * BENCH_INTERVAL_MS, BENCH_SETTLE_MS, BENCH_SOAK_WARMUP, BENCH_SOAK (0 skips the soak) and
 * CHROMIUM_PATH.
 */
import os from 'node:os';
import path from 'node:path';
import { summariseRuns } from './lib/analyze.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { measureBaselineBundle, measurePlayerBundle } from './lib/bundle-size.mjs';
import { loadConfig, ROOT } from './lib/config.mjs';
import { interactiveRun } from './lib/interactive.mjs';
import { buildRows, printTable, writeResults } from './lib/report.mjs';
import { scheduleRows } from './lib/schedule.mjs';
import { startBaselineServer, startPlayerHost } from './lib/servers.mjs';
import { soakRun } from './lib/soak.mjs';

const RESULTS_FILE = path.join(ROOT, 'bench', 'results', 'latest.json');
const started = Date.now();
const log = (line) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${seconds}s] ${line}\n`);
};

/**
 * Run `task` once more if it fails (e.g. the build folder was rewritten mid-load by a concurrent
 * build): one flaky page load should not throw away minutes of measurements.
 */
async function retryOnce(what, task) {
  try {
    return await task();
  } catch (error) {
    log(`${what} failed (${error.message.split('\n')[0]}); retrying once`);
    return task();
  }
}

/** Player first in odd runs, baseline first in even runs, so neither always goes first. */
const orderFor = (run) => (run % 2 === 0 ? ['player', 'baseline'] : ['baseline', 'player']);

async function main() {
  const config = loadConfig();
  log(`config ${JSON.stringify(config)}`);
  const bundle = {
    player: await measurePlayerBundle(path.join(ROOT, 'dist', 'renderer')),
    baseline: await measureBaselineBundle(path.join(ROOT, 'bench', 'baseline')),
  };
  // Before Chromium starts, so the browser does not compete with it for the CPU.
  const schedule = await scheduleRows();

  const host = await startPlayerHost();
  const baselineServer = await startBaselineServer();
  const urls = { player: host.url, baseline: baselineServer.url };
  log(`player ${urls.player}  baseline ${urls.baseline}`);
  const browser = await launchBrowser(config);
  try {
    for (let i = 0; i < config.warmupRuns; i++) {
      for (const target of orderFor(i)) {
        await retryOnce(`warm-up ${target}`, () =>
          interactiveRun(browser, urls[target], config, { loadOnly: true }),
        );
      }
      log(`warm-up load ${i + 1}/${config.warmupRuns} done`);
    }

    const runs = { player: [], baseline: [] };
    for (let i = 0; i < config.runs; i++) {
      for (const target of orderFor(i)) {
        const run = await retryOnce(`run ${i + 1} ${target}`, () =>
          interactiveRun(browser, urls[target], config),
        );
        runs[target].push({ run: i + 1, ...run });
        const { load, transitions, loadAverage } = run;
        log(
          `run ${i + 1}/${config.runs} ${target.padEnd(8)} title ${load.titleWithFont.toFixed(0)} ms,` +
            ` ${transitions.advanced}/${transitions.transitions} advanced,` +
            ` ${transitions.loaf.length} LoAF, load average ${loadAverage[1].toFixed(2)}`,
        );
      }
    }

    let soak = null;
    if (config.soak > 0) {
      soak = {};
      for (const target of ['baseline', 'player']) {
        soak[target] = await retryOnce(`soak ${target}`, () =>
          soakRun(
            browser,
            urls[target],
            config,
            (line) => log(`soak ${target} ${line}`),
            target === 'player' ? host.pid : -1,
          ),
        );
      }
    }

    const player = summariseRuns(runs.player);
    const baseline = summariseRuns(runs.baseline);
    const rows = [...buildRows({ bundle, player, baseline, soak, config }), ...schedule];
    const loads = [...runs.player, ...runs.baseline].flatMap((run) => run.loadAverage);
    const busiest = Math.max(...loads);
    console.log('');
    console.log(
      `openness-kiosk bench: player vs plain-HTML baseline, ${config.runs} interleaved runs,` +
        ` Chromium ${browser.version()}, ${os.cpus().length} cores,` +
        ` ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC,` +
        ` 1-min load average ${Math.min(...loads).toFixed(1)}–${busiest.toFixed(1)} during the runs`,
    );
    if (busiest > os.cpus().length) {
      console.log(
        `WARNING: load average up to ${busiest.toFixed(1)} on ${os.cpus().length} cores: other` +
          ' work shared the CPU, so times, frames and ratios below do not count (see the end).',
      );
    }
    console.log('');
    const failed = printTable(rows);
    console.log('');
    if (config.cdpTransitions > 0) {
      console.log(
        `* CDP metrics come from a separate pass of ${config.cdpTransitions} transitions per run` +
          ' (enabling the CDP Performance domain adds long frames of its own).',
      );
    }
    console.log(
      `Tap latency: ${player.taps.latency.count} taps per page (the transition taps of all runs);` +
        ' a tap is the longest of its Event Timing entries; taps with none count as 16 ms.',
    );
    console.log(
      `Fonts: player ${player.fontsLoaded.map((f) => f.file).join(', ') || 'none'};` +
        ` baseline ${baseline.fontsLoaded.map((f) => f.file).join(', ') || 'none'}.`,
    );
    console.log(
      `Startup JS counted: ${bundle.player.js.files.map((f) => f.file).join(', ')};` +
        ` excluded (lazy): ${bundle.player.excludedLazy.map((f) => f.file).join(', ') || 'none'}.`,
    );
    // The baseline doubles as a noise sentinel: long frames there mean a busy machine.
    const pairs = (get) =>
      player.perRun.map((p, i) => `${get(p)}/${get(baseline.perRun[i])}`).join(', ');
    console.log(`Per run, player/baseline: LoAF ${pairs((t) => t.loafCount)};`);
    console.log(`  frames > 50 ms ${pairs((t) => t.framesOver50)}.`);
    if (busiest > os.cpus().length) {
      console.log(
        `WARNING: the machine was busy (1-min load average up to ${busiest.toFixed(1)} on` +
          ` ${os.cpus().length} cores; this benchmark adds about 1): frame, LoAF and time` +
          ' comparisons are unreliable. Rerun on a quiet machine.',
      );
    }
    const unexpected = player.scriptsLoaded.filter(
      (file) => !bundle.player.js.files.some((f) => f.file === file),
    );
    if (unexpected.length > 0) {
      console.log(
        `Note: the player page also fetched ${unexpected.join(', ')} after its first render` +
          ' (prefetched lazy chunks and hyphenation patterns).',
      );
    }

    const file = await writeResults(RESULTS_FILE, {
      generatedAt: new Date().toISOString(),
      durationSec: Math.round((Date.now() - started) / 1000),
      environment: {
        node: process.version,
        chromium: browser.version(),
        cpus: os.cpus().length,
        platform: `${os.platform()} ${os.release()}`,
      },
      config,
      busiestLoadAverage: busiest,
      failed,
      rows,
      bundle,
      summary: { player, baseline },
      soak,
      runs,
    });
    log(`wrote ${path.relative(ROOT, file)}`);
  } finally {
    await browser.close();
    await host.stop();
    await baselineServer.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
