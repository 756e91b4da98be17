/**
 * Atomic file writes: the file on disk is always the old or the new version, never a torn mix.
 */
import { open, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** Write `data` to `file` atomically, then fsync the folder so the rename itself survives power loss. */
export async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  await writeFileAtomic(file, data, { fsync: true });
  await fsyncDir(path.dirname(file));
}

/** Flush a folder's entries to disk (a no-op where folders cannot be opened, as on Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot fsync a directory; its rename is durable enough there.
  } finally {
    await handle?.close();
  }
}

/**
 * Remove temp files that write-file-atomic leaves behind when a process dies mid-write.
 *
 * They are named `<file>.<hash>` next to the target; we only remove those of files we own.
 */
export async function sweepTempFiles(
  dir: string,
  ownedNames: readonly string[],
): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const owner = ownedNames.find((name) => entry.startsWith(`${name}.`) && /\.\d+$/.test(entry));
    if (owner) {
      await rm(path.join(dir, entry), { force: true });
      removed.push(entry);
    }
  }
  return removed;
}
