/**
 * The content snapshot the host writes into the page (a JSON data block, see
 * host/http/index-page.ts), so the first slide needs no round trip and no schema code.
 */
import type { ContentSnapshot } from '#core/contract';

/** The id of the data block in index.html. */
export const SNAPSHOT_BLOCK_ID = 'kiosk-snapshot';

/**
 * The snapshot in the page, unchecked (the host checked it before saving it); undefined when the
 * page carries none (Electron, an old host) or it is not JSON.
 */
export function readInlineSnapshot(): ContentSnapshot | undefined {
  const block = document.getElementById(SNAPSHOT_BLOCK_ID);
  if (!block?.textContent) return undefined;
  try {
    return JSON.parse(block.textContent) as ContentSnapshot;
  } catch {
    return undefined;
  }
}

/** Check a snapshot with the contract's schema, in the background (loads the schema chunk). */
export async function isValidSnapshot(snapshot: ContentSnapshot): Promise<boolean> {
  const { ContentSnapshot: schema } = await import('#core/contract');
  return schema.safeParse(snapshot).success;
}
