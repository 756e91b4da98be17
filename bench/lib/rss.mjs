/**
 * Resident memory of the processes a kiosk runs, read from /proc (Linux): the host's process
 * tree and the browser's (every other process started by this bench), for a 4 GB board's budget.
 */
import { readdir, readFile } from 'node:fs/promises';

/** Every process's parent and resident bytes, from /proc/<pid>/stat and statm. */
async function processTable() {
  const page = 4096;
  const table = new Map();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const statm = (await readFile(`/proc/${name}/statm`, 'utf8')).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), rss: Number(statm[1]) * page });
    } catch {
      // The process ended while we looked.
    }
  }
  return table;
}

/** Pids in the tree under `root` (itself included). */
function treeOf(table, root) {
  const pids = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, { ppid }] of table) {
      if (!pids.has(pid) && pids.has(ppid)) {
        pids.add(pid);
        grew = true;
      }
    }
  }
  return pids;
}

const sum = (table, pids) => [...pids].reduce((n, pid) => n + (table.get(pid)?.rss ?? 0), 0);

/**
 * Resident bytes of the host's tree and of the browser (this process's other children), and
 * how many processes each has; null where /proc cannot be read.
 * @param {number} hostPid the `openness-kiosk serve` process
 */
export async function residentMemory(hostPid) {
  let table;
  try {
    table = await processTable();
  } catch {
    return null;
  }
  const host = treeOf(table, hostPid);
  const mine = treeOf(table, process.pid);
  const browser = new Set([...mine].filter((pid) => pid !== process.pid && !host.has(pid)));
  return {
    hostBytes: sum(table, host),
    hostProcesses: host.size,
    browserBytes: sum(table, browser),
    browserProcesses: browser.size,
  };
}
