/**
 * Fleet sync trusts media on disk by their sha256, not their size.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashFile } from './manifest-io.js';
import { serveBundle } from './test-server.js';
import { closeAfter, closeOpened, headquarters, kiosk } from './test-fleet.js';

afterEach(closeOpened);

describe('fleet sync trusts files on disk by their sha256, not their size', () => {
  it('downloads again a file damaged on disk, and refuses to roll back to a damaged one', async () => {
    const hq = await headquarters();
    const one = await hq.picture(1, 51);
    await hq.publish();
    const server = await serveBundle(hq.bundleDir);
    closeAfter(server);
    const a = await kiosk(server.manifestUrl);
    await a.sync.syncNow();
    const onKiosk = (ref: string) => path.join(a.dataDir, 'media', ref.slice('media:'.length));
    const damage = async (ref: string) => {
      const bytes = await readFile(onKiosk(ref));
      bytes[bytes.length - 1]! ^= 0xff;
      await writeFile(onKiosk(ref), bytes);
    };

    // Same size, other bytes: fetched again rather than reused.
    await damage(one);
    await hq.title(2, 'Same picture, new title');
    await hq.publish();
    await server.clearRequests();
    await a.sync.syncNow();
    expect(a.sync.status().lastError).toBeNull();
    const fetched = (await server.requests()).filter((r) => r.path.startsWith('/media/'));
    expect(fetched).toEqual([
      { method: 'GET', path: `/media/${one.slice('media:'.length)}`, status: 200 },
    ]);
    const { sha256 } = await hashFile(onKiosk(one));
    expect(one).toContain(sha256);

    await hq.picture(1, 52);
    await hq.publish();
    await a.sync.syncNow();
    const playing = a.sync.status().revision;
    await damage(one);
    await expect(a.sync.rollBack()).rejects.toThrow(
      /file media\/[0-9a-f]{64}\.png is no longer on this kiosk, or is damaged/,
    );
    expect(a.sync.status().revision).toBe(playing);
  });
});
