/**
 * Turn raw recordings into the numbers the report shows: per-run frame and LoAF counts, medians
 * across runs, and tap latencies matched from Event Timing entries.
 */
import { TRANSITION_START_MS } from './budgets.mjs';
import { median, percentile, round, sum } from './stats.mjs';

/** Event Timing reports only events of at least this many ms. */
export const EVENT_THRESHOLD_MS = 16;
const TAP_TYPES = ['pointerdown', 'pointerup', 'click'];

/** Frame and LoAF numbers of one transitions recording. */
export function summariseTransitions(t) {
  return {
    transitions: t.transitions,
    advanced: t.advanced,
    frames: t.deltas.length,
    framesOver33: t.deltas.filter((d) => d > 33.4).length,
    framesOver50: t.deltas.filter((d) => d > 50).length,
    worstFrameMs: round(Math.max(0, ...t.deltas)),
    loafCount: t.loaf.length,
    loafBlockingMs: round(sum(t.loaf.map((l) => l.blockingDuration ?? 0))),
    cdp: Object.fromEntries(Object.entries(t.cdp ?? {}).map(([k, v]) => [k, round(v, 2)])),
    coverage: t.coverage ?? null,
    ...longTasksAtStart(t),
  };
}

/**
 * Long tasks (over 50 ms, the Long Tasks API) at the start of each transition: from its tap
 * (when the pointerdown reached the page, else the tap's mark) until TRANSITION_START_MS after
 * the frame where the new slide started to show (the player prepares it off screen first, so
 * this covers that work and the first frames of the motion). Returns their count, how many
 * transitions had one, and the longest.
 */
export function longTasksAtStart(t) {
  const tasks = t.longTasks ?? [];
  const windows = (t.marks ?? []).map((mark, i) => {
    const end = t.marks[i + 1] ?? t.end;
    const within = (time) => time >= mark && time < end;
    const tap = (t.taps ?? []).find(within) ?? mark;
    const moved = (t.moves ?? []).find((time) => time >= tap && time < end) ?? tap;
    return { from: tap, to: moved + TRANSITION_START_MS };
  });
  const hits = windows.map(({ from, to }) =>
    tasks.filter((task) => task.startTime < to && task.startTime + task.duration > from),
  );
  const all = hits.flat();
  return {
    startLongTasks: all.length,
    startLongTaskTransitions: hits.filter((h) => h.length > 0).length,
    startLongTaskMaxMs: round(Math.max(0, ...all.map((task) => task.duration))),
  };
}

/** Frames of the coverage passes of all runs, added up. */
function summariseCoverage(transitions) {
  const passes = transitions.map((t) => t.coverage).filter(Boolean);
  const total = (key) => sum(passes.map((p) => p[key]));
  return {
    transitions: total('transitions'),
    advanced: total('advanced'),
    frames: total('frames'),
    backgroundOnly: total('backgroundOnly'),
    backgroundShowing: total('backgroundShowing'),
  };
}

/**
 * One latency sample per tap: the Event Timing entries between this tap's mark and the next are
 * the tap's. `latency` is the longest of them (null: every event under 16 ms); `byType` holds
 * the longest pointerdown, pointerup and click (null when that type had no entry).
 */
export function tapsOf(t) {
  return t.marks.map((mark, i) => {
    const end = t.marks[i + 1] ?? t.end;
    const mine = t.events.filter((e) => e.startTime >= mark && e.startTime < end);
    const longest = (entries) =>
      entries.length ? Math.max(...entries.map((e) => e.duration)) : null;
    return {
      latency: longest(mine),
      byType: Object.fromEntries(
        TAP_TYPES.map((type) => [type, longest(mine.filter((e) => e.name === type))]),
      ),
    };
  });
}

/** Median and p95 of samples where null means "under 16 ms", counted as 16 (an upper bound). */
function ceilingStats(samples) {
  const values = samples.map((v) => v ?? EVENT_THRESHOLD_MS);
  return {
    count: samples.length,
    missing: samples.filter((v) => v === null).length,
    median: median(values),
    p95: percentile(values, 95),
  };
}

/** Tap latency over all taps of all runs of one page. */
export function summariseTaps(taps) {
  return {
    latency: ceilingStats(taps.map((tap) => tap.latency)),
    byType: Object.fromEntries(
      TAP_TYPES.map((type) => [type, ceilingStats(taps.map((tap) => tap.byType[type]))]),
    ),
  };
}

/** Medians across runs of one page's load and transition numbers. */
export function summariseRuns(runs) {
  const pick = (get) => median(runs.map(get).filter((v) => v !== null && v !== undefined));
  const transitions = runs.map((run) => summariseTransitions(run.transitions));
  const cdpNames = Object.keys(transitions[0]?.cdp ?? {});
  const fonts = runs[0]?.load.resources.filter((r) => /\.woff2?$/.test(r.url)) ?? [];
  const scripts = runs[0]?.load.resources.filter((r) => r.initiator === 'script') ?? [];
  return {
    runs: runs.length,
    titleWithFontMs: pick((r) => r.load.titleWithFont),
    titleVisibleMs: pick((r) => r.load.titleVisible),
    firstContentfulPaintMs: pick((r) => r.load.firstContentfulPaint),
    fontsLoaded: fonts.map((f) => ({ file: f.url.split('/').pop(), bytes: f.bytes })),
    scriptsLoaded: scripts.map((s) => s.url.split('/').pop()),
    framesOver50: median(transitions.map((t) => t.framesOver50)),
    framesOver33: median(transitions.map((t) => t.framesOver33)),
    worstFrameMs: Math.max(0, ...transitions.map((t) => t.worstFrameMs)),
    loafCount: median(transitions.map((t) => t.loafCount)),
    loafBlockingMs: median(transitions.map((t) => t.loafBlockingMs)),
    // Over all runs: every long task at a transition's start counts.
    startLongTasks: sum(transitions.map((t) => t.startLongTasks)),
    startLongTaskTransitions: sum(transitions.map((t) => t.startLongTaskTransitions)),
    startLongTaskMaxMs: Math.max(0, ...transitions.map((t) => t.startLongTaskMaxMs)),
    advanced: sum(transitions.map((t) => t.advanced)),
    transitions: sum(transitions.map((t) => t.transitions)),
    cdpPerTransition: Object.fromEntries(
      cdpNames.map((name) => [name, round(median(transitions.map((t) => t.cdp[name])), 2)]),
    ),
    coverage: summariseCoverage(transitions),
    perRun: transitions,
    taps: summariseTaps(runs.flatMap((run) => tapsOf(run.transitions))),
  };
}
