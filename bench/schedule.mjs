/**
 * `node bench/schedule.mjs` (after `npm run build:node`): time the scheduler's worst case and
 * print a table. Exits 0 even when the target fails: benchmarks inform, tests assert results.
 * `npm run bench` prints the same rows in its table.
 */
import { printTable } from './lib/report.mjs';
import { scheduleRows } from './lib/schedule.mjs';

printTable(await scheduleRows({ runs: Number(process.env.BENCH_SCHEDULE_RUNS ?? 30) }));
