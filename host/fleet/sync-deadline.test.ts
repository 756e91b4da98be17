/**
 * Fleet sync against a misbehaving server: stalls, bodies cut short, deadlines.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FLEET_DIR } from './sync.js';
import { startNodeServer, type BundleServer } from './test-server.js';
import { closeAfter, closeOpened, headquarters, kiosk } from './test-fleet.js';

afterEach(closeOpened);

describe('fleet sync against a misbehaving server', () => {
  let server: BundleServer;

  it('gives up on a server that stops sending, and on a body cut short', async () => {
    const hq = await headquarters();
    const ref = await hq.picture(1, 31);
    await hq.publish();
    server = await startNodeServer(hq.bundleDir);
    closeAfter(server);
    const a = await kiosk(server.manifestUrl, { idleTimeoutMs: 300 });
    const before = a.store.snapshot().revision;
    const blobPath = `/media/${ref.slice('media:'.length)}`;

    server.fault('/manifest.json', 'hang');
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(/no answer in time/);

    server.fault('/manifest.json', undefined);
    server.fault(blobPath, 'hang');
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(/broke off: no answer in time/);

    server.fault(blobPath, 'cut-short');
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(/broke off|got \d+ of \d+ bytes/);
    expect(a.store.snapshot().revision).toBe(before);

    server.fault(blobPath, undefined);
    await a.sync.syncNow();
    expect(a.sync.status().lastError).toBeNull();
    expect(a.media.has(ref)).toBe(true);
  });

  it('ends a sync a trickling server holds past its deadline, and Sync now starts afresh', async () => {
    const hq = await headquarters();
    const ref = await hq.picture(1, 41);
    await hq.publish();
    server = await startNodeServer(hq.bundleDir);
    closeAfter(server);
    const blobPath = `/media/${ref.slice('media:'.length)}`;
    const downloads = (dir: string) => readdir(path.join(dir, FLEET_DIR, 'downloads'));

    // A byte every 300 ms never trips the idle timeout; the deadline of the whole sync does.
    server.fault(blobPath, 'trickle');
    const a = await kiosk(server.manifestUrl, { idleTimeoutMs: 5_000, deadlineMs: 2_000 });
    const before = a.store.snapshot().revision;
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(
      /did not finish within its 2 seconds \(the server sends too slowly\)/,
    );
    expect(a.store.snapshot().revision).toBe(before);
    expect(a.media.has(ref)).toBe(false);
    expect(await downloads(a.dataDir)).toEqual([]);

    // With a long deadline, staff press Sync now while the download trickles: a fresh check.
    const b = await kiosk(server.manifestUrl, { idleTimeoutMs: 5_000, deadlineMs: 600_000 });
    const slow = b.sync.syncNow();
    await expect
      .poll(() => b.sync.status().progress?.bytesDone ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await downloads(b.dataDir)).toHaveLength(1);
    server.fault(blobPath, undefined);
    await b.sync.syncNow();
    await slow;
    expect(b.sync.status()).toMatchObject({ state: 'idle', lastError: null });
    expect(b.media.has(ref)).toBe(true);
    expect(await downloads(b.dataDir)).toEqual([]);
  });
});
