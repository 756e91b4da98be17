/**
 * Report rows for what the player loads (startup JS by package or folder, lazy chunks) and for
 * the soak's resident memory; the main table is in report.mjs.
 */

const KIB = 1024;
const kib = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;
const mib = (bytes) => `${(bytes / KIB / KIB).toFixed(0)} MiB`;

/** Startup JS gzip by package or folder (estimated shares of each chunk), largest first. */
export function moduleRows(bundle) {
  const groups = bundle.player.modules ?? [];
  const lazy = (bundle.player.excludedLazy ?? []).filter((f) => /\.m?js$/.test(f.file));
  const lazyGzip = lazy.reduce((n, f) => n + f.gzip, 0);
  return [
    ...groups.map(({ group, gzip }) => ({
      metric: `  startup JS: ${group}`,
      player: kib(gzip),
      baseline: '',
      target: '',
      result: 'info',
    })),
    {
      metric: `JS gzip, lazy chunks (${lazy.length}, after first slide / admin)`,
      player: kib(lazyGzip),
      baseline: '',
      target: '',
      result: 'info',
    },
  ];
}

/** Resident memory of the host and browser processes at the soak's start and end. */
export function residentRows(soak) {
  const rss = soak?.player?.rss;
  if (!rss?.start || !rss?.end) return [];
  const line = (r) =>
    `${mib(r.hostBytes + r.browserBytes)} (host ${mib(r.hostBytes)}, browser ${mib(r.browserBytes)})`;
  const baseline = soak.baseline?.rss;
  const browserOnly = (r) => (r ? `${mib(r.browserBytes)} (browser)` : '–');
  return [
    {
      metric: 'Resident memory (RSS summed) at soak start',
      player: line(rss.start),
      baseline: browserOnly(baseline?.start),
      target: '',
      result: 'info',
    },
    {
      metric: 'Resident memory (RSS summed) at soak end',
      player: line(rss.end),
      baseline: browserOnly(baseline?.end),
      // Summed RSS counts pages the processes share once per process: an upper bound.
      target: '',
      result: 'info',
    },
  ];
}
