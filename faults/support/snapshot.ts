/**
 * Directory snapshots for fault tests: what a folder holds before and after, to prove that a
 * refused request left no trace.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Every file and folder under `root`: `path/` for folders, `size mtime` for files. */
export async function tree(root: string, prefix = '', out: Record<string, string> = {}) {
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      out[`${rel}/`] = 'folder';
      await tree(full, `${rel}/`, out);
    } else {
      const info = await stat(full).catch(() => undefined);
      if (info) out[rel] = `${info.size} bytes, mtime ${info.mtimeMs}`;
    }
  }
  return out;
}

/** The sandbox and data folder of a host, file by file (sizes and mtimes). */
export interface Snapshot {
  /** The sandbox around the data folder. */
  outside: Record<string, string>;
  /** The data folder, but for the host's log. */
  data: Record<string, string>;
  /** The text of media/index.json, or null while there is none. */
  index: string | null;
}

/** What is in and around the data folder now. */
export async function snapshot(sandbox: string, dataDir: string): Promise<Snapshot> {
  const dataRel = `${path.relative(sandbox, dataDir).split(path.sep).join('/')}/`;
  const all = await tree(sandbox);
  const outside = Object.fromEntries(
    Object.entries(all).filter(([rel]) => !rel.startsWith(dataRel)),
  );
  const data = Object.fromEntries(
    Object.entries(await tree(dataDir)).filter(([rel]) => !rel.startsWith('logs/')),
  );
  const index = await readFile(path.join(dataDir, 'media', 'index.json'), 'utf8').catch(() => null);
  return { outside, data, index };
}

/** Every file (not folder) under `root`, as full paths; none when `root` is missing. */
export async function filesUnder(root: string): Promise<string[]> {
  const found = await tree(root).catch(() => ({}));
  return Object.keys(found)
    .filter((rel) => !rel.endsWith('/'))
    .map((rel) => path.join(root, rel));
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Every file under `dir` with its sha256, by path relative to `dir` (folders end with `/`). */
export async function snapshotDir(dir: string, skip: (rel: string) => boolean = () => false) {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const rel = path.relative(dir, full).split(path.sep).join('/');
      if (skip(rel)) return;
      if (entry.isDirectory()) files.set(`${rel}/`, 'dir');
      else files.set(rel, sha256(await readFile(full).catch(() => Buffer.from('(gone)'))));
    }),
  );
  return files;
}

/** The paths whose sha256 differs between two snapshotDir results. */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
