/**
 * The report: one row per metric (player, baseline, target, result), printed as an aligned table
 * and written with all raw numbers to bench/results/latest.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FIRST_LOAD_JS_GZIP_BYTES, TRANSITION_START_MS } from './budgets.mjs';
import { moduleRows, residentRows } from './report-sizes.mjs';
import { round } from './stats.mjs';

const KIB = 1024;
const kib = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;
const ms = (value, decimals = 0) => (Number.isFinite(value) ? `${round(value, decimals)} ms` : '–');
const num = (value) => (Number.isFinite(value) ? String(round(value, 2)) : '–');
const verdict = (pass) => (pass ? 'PASS' : 'FAIL');

/** Signed size change, e.g. "+12.3 KiB". */
const signedKib = (bytes) => `${bytes >= 0 ? '+' : '−'}${kib(Math.abs(bytes))}`;
const signed = (value) => `${value > 0 ? '+' : ''}${value}`;

/** Size rows: startup JS and CSS (gzip) and fonts fetched. */
function sizeRows({ bundle, player, baseline }) {
  const fontBytes = (fonts) => fonts.reduce((n, f) => n + f.bytes, 0);
  return [
    {
      metric: 'JS gzip, startup (no admin)',
      player: kib(bundle.player.js.gzip),
      baseline: kib(bundle.baseline.js.gzip),
      target: `≤ ${FIRST_LOAD_JS_GZIP_BYTES / 1000} KB (${kib(FIRST_LOAD_JS_GZIP_BYTES)})`,
      result: verdict(bundle.player.js.gzip <= FIRST_LOAD_JS_GZIP_BYTES),
    },
    ...moduleRows(bundle),
    {
      metric: 'CSS gzip, startup',
      player: kib(bundle.player.css.gzip),
      baseline: kib(bundle.baseline.css.gzip),
      target: '',
      result: 'info',
    },
    {
      metric: 'Fonts loaded (count, bytes)',
      player: `${player.fontsLoaded.length}, ${kib(fontBytes(player.fontsLoaded))}`,
      baseline: `${baseline.fontsLoaded.length}, ${kib(fontBytes(baseline.fontsLoaded))}`,
      target: '',
      result: 'info',
    },
  ];
}

/** Load rows: time to the first title, medians across runs. */
function loadRows({ player, baseline }) {
  const ratio = player.titleWithFontMs / baseline.titleWithFontMs;
  return [
    {
      metric: 'Title visible in Inter, median',
      player: `${ms(player.titleWithFontMs)} (${ratio.toFixed(2)}×)`,
      baseline: ms(baseline.titleWithFontMs),
      target: `≤ 1.3× baseline (${ms(1.3 * baseline.titleWithFontMs)})`,
      result: verdict(ratio <= 1.3),
    },
    {
      metric: 'Title visible, any font, median',
      player: ms(player.titleVisibleMs),
      baseline: ms(baseline.titleVisibleMs),
      target: '',
      result: 'info',
    },
    {
      metric: 'First contentful paint, median',
      player: ms(player.firstContentfulPaintMs),
      baseline: ms(baseline.firstContentfulPaintMs),
      target: '',
      result: 'info',
    },
  ];
}

/** Long tasks at transition starts: how many, in how many transitions, and the longest. */
const longTasks = (p) => {
  const max = ms(p.startLongTaskMaxMs);
  return `${p.startLongTasks} in ${p.startLongTaskTransitions}/${p.transitions}, max ${max}`;
};

/** Transition rows: per run of N taps, medians across runs; CDP deltas per transition. */
function transitionRows({ player, baseline, config }) {
  const n = config.transitions;
  const rows = [
    {
      metric: `rAF frames > 50 ms / ${n} transitions`,
      player: num(player.framesOver50),
      baseline: num(baseline.framesOver50),
      target: '≤ baseline',
      result: verdict(player.framesOver50 <= baseline.framesOver50),
    },
    {
      metric: `Long animation frames / ${n} transitions`,
      player: num(player.loafCount),
      baseline: num(baseline.loafCount),
      target: '≤ baseline',
      result: verdict(player.loafCount <= baseline.loafCount),
    },
    {
      metric: `Long tasks, tap to ${TRANSITION_START_MS} ms into the move (all runs)`,
      player: longTasks(player),
      baseline: longTasks(baseline),
      target: '0',
      result: verdict(player.startLongTasks === 0),
    },
    {
      metric: `rAF frames > 33 ms / ${n} transitions`,
      player: num(player.framesOver33),
      baseline: num(baseline.framesOver33),
      target: '',
      result: 'info',
    },
    {
      metric: 'Worst rAF delta (all runs)',
      player: ms(player.worstFrameMs),
      baseline: ms(baseline.worstFrameMs),
      target: '',
      result: 'info',
    },
    {
      metric: 'Taps that changed the slide',
      player: `${player.advanced}/${player.transitions}`,
      baseline: `${baseline.advanced}/${baseline.transitions}`,
      target: 'all',
      result: verdict(player.advanced === player.transitions),
    },
    ...coverageRows({ player, baseline }),
  ];
  for (const name of Object.keys(player.cdpPerTransition)) {
    const isMs = name.endsWith('Ms');
    const show = (v) => (isMs ? ms(v, 2) : num(v));
    rows.push({
      metric: `CDP ${isMs ? name.slice(0, -2) : name} / transition*`,
      player: show(player.cdpPerTransition[name]),
      baseline: show(baseline.cdpPerTransition[name]),
      target: '',
      result: 'info',
    });
  }
  return rows;
}

/** Coverage rows: frames of the round trips (all slides, Next then Previous) that show no slide. */
function coverageRows({ player, baseline }) {
  const p = player.coverage;
  const b = baseline.coverage;
  const of = (c) => `/ ${c.frames} frames, ${c.transitions} transitions`;
  return [
    {
      metric: `Background-only frames (all slides, both ways)`,
      player: `${p.backgroundOnly} ${of(p)}`,
      baseline: `${b.backgroundOnly} ${of(b)}`,
      target: '0',
      result: verdict(p.frames > 0 && p.backgroundOnly === 0 && p.advanced === p.transitions),
    },
    {
      metric: 'Frames with background showing through',
      player: String(p.backgroundShowing),
      baseline: String(b.backgroundShowing),
      target: '',
      result: 'info',
    },
  ];
}

/** Soak rows: heap growth (slope over the samples), DOM and listeners warmed-up vs end. */
function soakRows({ soak, config }) {
  if (!soak) {
    return [{ metric: 'Soak', player: 'skipped', baseline: 'skipped', target: '', result: 'info' }];
  }
  const { player, baseline } = soak;
  const n = config.soak;
  const perThousand = (s) => s.growth.heapPerThousand;
  return [
    {
      metric: `JS heap growth per 1,000 transitions (slope of ${player.samples.length} samples over ${n}, forced GC)`,
      player: signedKib(perThousand(player)),
      baseline: signedKib(perThousand(baseline)),
      target: '≤ 64 KiB',
      result: verdict(perThousand(player) <= 64 * KIB),
    },
    {
      metric: `DOM nodes change over ${n} transitions`,
      player: `${signed(player.growth.nodes)} (${player.after.nodes})`,
      baseline: `${signed(baseline.growth.nodes)} (${baseline.after.nodes})`,
      target: '0',
      result: verdict(player.growth.nodes === 0),
    },
    {
      metric: 'Event listeners change',
      player: `${signed(player.growth.listeners)} (${player.after.listeners})`,
      baseline: `${signed(baseline.growth.listeners)} (${baseline.after.listeners})`,
      target: '0',
      result: verdict(player.growth.listeners === 0),
    },
    {
      metric: 'Soak presses that changed slide',
      player: `${player.warmup.changed + player.soak.changed}/${config.soakWarmup + n}`,
      baseline: `${baseline.warmup.changed + baseline.soak.changed}/${config.soakWarmup + n}`,
      target: 'all',
      result: verdict(player.warmup.changed + player.soak.changed === config.soakWarmup + n),
    },
    ...residentRows(soak),
    {
      metric: 'Soak time per transition (skipped anim.)',
      player: ms(player.soak.msPerTransition, 1),
      baseline: ms(baseline.soak.msPerTransition, 1),
      target: '',
      result: 'info',
    },
  ];
}

/** Tap rows: Event Timing over all taps; taps without an entry count as 16 ms. */
function tapRows({ player, baseline }) {
  const p = player.taps;
  const b = baseline.taps;
  const rows = [
    {
      metric: 'Tap latency median (no entry = 16)',
      player: ms(p.latency.median),
      baseline: ms(b.latency.median),
      target: `≤ baseline (${ms(b.latency.median)})`,
      result: verdict(p.latency.median <= b.latency.median),
    },
    {
      metric: 'Tap latency p95',
      player: ms(p.latency.p95),
      baseline: ms(b.latency.p95),
      target: '',
      result: 'info',
    },
    {
      metric: 'Taps with no entry (all < 16 ms)',
      player: `${p.latency.missing}/${p.latency.count}`,
      baseline: `${b.latency.missing}/${b.latency.count}`,
      target: '',
      result: 'info',
    },
  ];
  for (const type of Object.keys(p.byType)) {
    const pt = p.byType[type];
    const bt = b.byType[type];
    rows.push({
      metric: `  ${type} median / p95 (missing)`,
      player: `${ms(pt.median)} / ${ms(pt.p95)} (${pt.missing})`,
      baseline: `${ms(bt.median)} / ${ms(bt.p95)} (${bt.missing})`,
      target: '',
      result: 'info',
    });
  }
  return rows;
}

/** Every row of the report, in table order. */
export function buildRows(results) {
  return [
    ...sizeRows(results),
    ...loadRows(results),
    ...transitionRows(results),
    ...soakRows(results),
    ...tapRows(results),
  ];
}

/** Print the rows as an aligned text table, then a clear list of failed targets. */
export function printTable(rows, print = console.log) {
  const columns = ['metric', 'player', 'baseline', 'target', 'result'];
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' │ ');
  print(line(columns));
  print(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const row of rows) print(line(columns.map((c) => row[c])));
  const failed = rows.filter((r) => r.result === 'FAIL');
  print('');
  if (failed.length === 0) print('All targets PASS.');
  else {
    print(`FAIL: ${failed.length} target(s) not met:`);
    for (const row of failed) print(`  FAIL  ${row.metric}: ${row.player} (target ${row.target})`);
  }
  return failed.length;
}

/** Write the JSON results (creating the folder) and return the file path. */
export async function writeResults(file, data) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
