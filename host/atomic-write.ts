/**
 * Atomic file writes: the file on disk is always the old or the new version, never a torn mix.
 */
import { randomInt } from 'node:crypto';
import {
  chmod,
  open,
  readdir,
  realpath,
  rename,
  rm,
  stat,
  type FileHandle,
} from 'node:fs/promises';
import path from 'node:path';

/** How a file is written. */
export interface WriteAtomicOptions {
  /** Permission bits of the file (default: those of the file it replaces, else 0o666 less umask). */
  mode?: number;
}

// Writes to the same file run one after another, so the last one started is the one that stays.
const queues = new Map<string, Promise<void>>();

/**
 * Write `data` to `file` atomically: into a temp file beside it (`<file>.<digits>`), flushed, then
 * renamed over it; then fsync the folder so the rename itself survives power loss.
 *
 * Every byte is checked down before the rename: on a nearly full disk a write can store only part
 * of the data without an error, and that part must never replace the file. On any failure the
 * temp file is removed, the old file is left as it was, and the error (ENOSPC, EACCES...) is
 * passed on.
 */
export async function writeAtomic(
  file: string,
  data: string | Uint8Array,
  options: WriteAtomicOptions = {},
): Promise<void> {
  const key = path.resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(() => writeNow(key, data, options));
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  try {
    await run;
  } finally {
    if (queues.get(key) === tail) queues.delete(key);
  }
}

async function writeNow(
  file: string,
  data: string | Uint8Array,
  options: WriteAtomicOptions,
): Promise<void> {
  // Through a symbolic link, the file it points to is replaced, not the link.
  const target = await realpath(file).catch(() => file);
  const mode =
    options.mode ??
    (await stat(target).then(
      (s) => s.mode & 0o7777,
      () => undefined,
    ));
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const temp = `${target}.${randomInt(0, 2 ** 32 - 1)}`;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', mode ?? 0o666);
    await writeAll(handle, bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // open() applies the umask; the mode asked for (or kept from the old file) is set exactly.
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDir(path.dirname(target));
}

/** Write every byte, continuing after short writes; a disk that takes no more throws ENOSPC. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, written);
    if (bytesWritten <= 0) {
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), {
        code: 'ENOSPC',
        syscall: 'write',
      });
    }
    written += bytesWritten;
  }
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
 * Remove temp files that a process killed mid-write leaves behind.
 *
 * They are named `<file>.<digits>` next to the target; we only remove those of files we own.
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
