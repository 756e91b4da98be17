/**
 * The media index, `<dataDir>/media/index.json`: one record per uploaded file, validated on read.
 */
import { MediaItem } from '#core/contract';
import { problemsFromZod, type Problem } from '#core/problems';
import { MediaRef } from '#core/schema';

// One record is the contract's MediaItem; readers of the index find it here too.
export { MediaItem };

/** The index file's name inside the media folder. */
export const INDEX_FILE = 'index.json';
/** How problems in the index are attributed. */
export const INDEX_SOURCE = `media/${INDEX_FILE}`;

/** The records of an index file, and what was wrong with it; bad records are left out. */
export function parseIndex(text: string): { items: MediaItem[]; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { items: [], problems: [problem('$', `is not valid JSON (${reason})`)] };
  }
  if (!Array.isArray(raw)) {
    return { items: [], problems: [problem('$', 'must be a list of media records')] };
  }
  const items: MediaItem[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  raw.forEach((record: unknown, index) => {
    const parsed = MediaItem.safeParse(record);
    if (!parsed.success) {
      const found = problemsFromZod(INDEX_SOURCE, parsed.error);
      problems.push(...found.map((p) => ({ ...p, path: p.path.replace('$', `$[${index}]`) })));
    } else if (!parsed.data.ref.startsWith('media:')) {
      problems.push(problem(`$[${index}].ref`, 'must be an uploaded file ("media:…")'));
    } else if (!seen.has(parsed.data.ref)) {
      seen.add(parsed.data.ref);
      items.push(parsed.data);
    }
  });
  return { items, problems };
}

/** The text written to the index file. */
export function serializeIndex(items: readonly MediaItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/** A problem found in the index. */
export function problem(path: string, message: string): Problem {
  return { source: INDEX_SOURCE, path, message };
}

/** The file name a reference is stored under: `<sha256>.<ext>`. */
export function fileOfRef(ref: string): string {
  return ref.slice('media:'.length);
}

/** The reference of a stored file name, if it is one of ours. */
export function refOfFile(file: string): string | undefined {
  const ref = `media:${file}`;
  return MediaRef.safeParse(ref).success ? ref : undefined;
}

/** Newest first; the same order every time. */
export function byNewest(a: MediaItem, b: MediaItem): number {
  if (a.uploadedAt !== b.uploadedAt) return a.uploadedAt < b.uploadedAt ? 1 : -1;
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}
