/**
 * Reading the media index at start, checked against the files actually in the media folder.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '#core/problems';
import { writeAtomic } from '../atomic-write.js';
import { detectFile } from './detect.js';
import {
  fileOfRef,
  INDEX_FILE,
  parseIndex,
  problem,
  refOfFile,
  type MediaItem,
} from './media-index.js';

/** What was loaded, what was wrong, and whether the index must be written again. */
export interface LoadedIndex {
  items: MediaItem[];
  problems: Problem[];
  changed: boolean;
}

/** Where a damaged index is kept for inspection before it is rebuilt. */
export const CORRUPT_COPY = `${INDEX_FILE}.corrupt`;

/**
 * Load the index; records whose file is gone are dropped, files without a record are added back.
 *
 * A damaged index is copied aside and rebuilt from the files: their type is judged again by
 * their bytes, and their name becomes the file name.
 */
export async function loadIndex(mediaDir: string, captionsLimit: number): Promise<LoadedIndex> {
  const indexFile = path.join(mediaDir, INDEX_FILE);
  let text: string | undefined;
  const problems: Problem[] = [];
  try {
    text = await readFile(indexFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      problems.push(problem('$', `could not be read (${describe(error)})`));
    }
  }
  const parsed = text === undefined ? { items: [], problems: [] } : parseIndex(text);
  problems.push(...parsed.problems);
  const damaged = problems.length > 0;
  if (damaged && text !== undefined) {
    await writeAtomic(path.join(mediaDir, CORRUPT_COPY), text);
  }

  const files = (await readdir(mediaDir)).filter((file) => refOfFile(file) !== undefined);
  const present = new Set(files);
  const items: MediaItem[] = [];
  let changed = damaged;
  for (const item of parsed.items) {
    if (present.has(fileOfRef(item.ref))) {
      items.push(item);
      present.delete(fileOfRef(item.ref));
    } else {
      changed = true;
      problems.push(
        problem(
          '$',
          `"${item.name}" was listed but its file is missing; it was taken out of the library`,
        ),
      );
    }
  }
  for (const file of present) {
    const adopted = await adopt(mediaDir, file, captionsLimit);
    if ('item' in adopted) {
      items.push(adopted.item);
      changed = true;
    } else {
      problems.push(adopted.problem);
    }
  }
  if (damaged) {
    problems.push(problem('$', 'the media list was damaged and has been rebuilt from the files'));
  }
  return { items, problems, changed };
}

// A file in media/ with no record: left by a crash between storing it and writing the index.
async function adopt(
  mediaDir: string,
  file: string,
  captionsLimit: number,
): Promise<{ item: MediaItem } | { problem: Problem }> {
  const full = path.join(mediaDir, file);
  const ref = refOfFile(file)!;
  const info = await stat(full);
  const verdict = info.isFile()
    ? await detectFile(full, info.size, captionsLimit)
    : { ok: false as const, error: new Error('it is not a file') };
  const ext = file.slice(file.lastIndexOf('.') + 1);
  if (verdict.ok && verdict.type.ext === ext) {
    const { kind, mime } = verdict.type;
    const uploadedAt = info.mtime.toISOString();
    return { item: { ref, kind, mime, size: info.size, name: file, uploadedAt } };
  }
  const why = verdict.ok ? `its bytes are ${verdict.type.mime}` : verdict.error.message;
  return {
    problem: {
      source: `media/${file}`,
      path: '$',
      message: `was left out of the library: ${why}`,
    },
  };
}

/** Remove entries of `dir` not modified for `olderThanMs`; returns their names. */
export async function sweepOld(dir: string, olderThanMs: number, now: number): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(dir)) {
    const full = path.join(dir, entry);
    const info = await stat(full).catch(() => undefined);
    if (info && now - info.mtimeMs > olderThanMs) {
      await rm(full, { recursive: true, force: true });
      removed.push(entry);
    }
  }
  return removed;
}

/** A short reason from a thrown value. */
export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
