/**
 * The scheduler's speed on its worst case: how long `nextChange` takes to look 8 days ahead over
 * 10 playlists of 50 slides where every minute is some slide's window edge and nothing visible
 * changes (so it must walk the whole horizon). Runs the built core (dist/node, `npm run
 * build:node`) in this Node process.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './config.mjs';
import { median, percentile } from './stats.mjs';

const BRU = 'Europe/Brussels';
/** The target the scheduler is held to (the player asks at every slide change). */
export const SCHEDULE_TARGET_MS = 50;

const hm = (m) =>
  `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const slide = (id, schedule) => ({
  id,
  kind: 'theme',
  title: { en: id },
  body: { en: id },
  schedule,
});

/** The worst case, as the unit test core/schedule-week.test.ts builds it. */
function worstCase(ContentFile) {
  return ContentFile.parse({
    schemaVersion: 2,
    defaultPlaylistId: 'main',
    playlists: [
      ...Array.from({ length: 9 }, (_, p) => ({
        id: `p${p}`,
        name: 'Weekdays',
        schedule: { weekdays: [1, 2, 3, 4, 5] },
        slides: Array.from({ length: 50 }, (_, s) =>
          slide(`s${s}`, {
            weekdays: [6],
            times: [{ from: hm((p * 50 + s) * 3), to: hm((p * 50 + s) * 3 + 1) }],
          }),
        ),
      })),
      {
        id: 'main',
        name: 'Main',
        slides: Array.from({ length: 50 }, (_, s) =>
          slide(`m${s}`, { times: [{ from: hm(s * 29), to: hm(s * 29) }] }),
        ),
      },
    ],
  });
}

/** Time `nextChange` on the worst case `runs` times (after warm-up) and return report rows. */
export async function scheduleRows({ runs = 30, warmup = 5 } = {}) {
  const core = (name) => import(pathToFileURL(path.join(ROOT, 'dist', 'node', 'core', name)).href);
  const { nextChange } = await core('schedule.js');
  const { ContentFile } = await core('schema.js');
  const content = worstCase(ContentFile);
  const start = Date.parse('2026-03-25T10:07:00Z');
  for (let i = 0; i < warmup; i++) nextChange(content, start, BRU);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    const next = nextChange(content, start, BRU);
    times.push(performance.now() - began);
    if (next !== undefined) throw new Error('the worst case changed: nextChange found a change');
  }
  const p95 = percentile(times, 95);
  return [
    {
      metric: `Schedule: next change over 8 days, 500 slides (median, ${runs} runs)`,
      player: `${median(times).toFixed(1)} ms`,
      baseline: '–',
      target: '',
      result: 'info',
    },
    {
      metric: 'Schedule: next change, p95',
      player: `${p95.toFixed(1)} ms`,
      baseline: '–',
      target: `< ${SCHEDULE_TARGET_MS} ms`,
      result: p95 < SCHEDULE_TARGET_MS ? 'PASS' : 'FAIL',
    },
  ];
}
