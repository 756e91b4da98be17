/**
 * Fleet sync against a real web server: first sync, updates, an unreachable server, bad files, a
 * manifest replaced mid-sync, signed bundles, and roll back.
 */
import { readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '#core/bundle';
import { tempDir } from '../test-helpers.js';
import { generateKeys, parsePrivateKey } from './keys.js';
import { revisionOf } from './manifest-io.js';
import { FLEET_DIR } from './sync.js';
import { serveBundle } from './test-server.js';
import { closeAfter, closeOpened, headquarters, kiosk, later, titleOf } from './test-fleet.js';

afterEach(closeOpened);

describe('fleet sync against a real web server', () => {
  it('first sync, then an update that changes one slide fetches only that file', async () => {
    const hq = await headquarters();
    const first = await hq.picture(1, 1);
    await hq.picture(2, 2);
    await hq.publish();
    const server = await serveBundle(hq.bundleDir);
    closeAfter(server);
    const seen: unknown[] = [];
    const a = await kiosk(server.manifestUrl, {
      beforeSwitch: () => void seen.push(a.sync.status()),
    });

    await a.sync.syncNow();
    expect(a.sync.status().lastError).toBeNull();
    // Progress is visible while the sync runs, and gone once it is done.
    expect(seen[0]).toMatchObject({
      state: 'downloading',
      progress: { filesDone: 2, filesTotal: 2, bytesDone: expect.any(Number) },
    });
    expect(a.sync.status().progress).toBeNull();
    expect(a.store.snapshot().content).toEqual(hq.store.snapshot().content);
    expect(a.store.snapshot().changedBy).toBe('fleet');
    expect(a.media.has(first)).toBe(true);
    const firstRequests = await server.requests();
    expect(firstRequests.filter((r) => r.path.startsWith('/media/'))).toHaveLength(2);

    // Nothing changed: one conditional request, answered 304.
    await server.clearRequests();
    await a.sync.syncNow();
    expect(await server.requests()).toEqual([
      { method: 'GET', path: '/manifest.json', status: 304 },
    ]);

    const changed = await hq.picture(1, 3);
    await hq.title(2, 'Open for partners everywhere');
    await hq.publish();
    await server.clearRequests();
    await a.sync.syncNow();
    const media = (await server.requests()).filter((r) => r.path.startsWith('/media/'));
    expect(media).toEqual([
      { method: 'GET', path: `/media/${changed.slice('media:'.length)}`, status: 200 },
    ]);
    expect(titleOf(a.store, 2)).toBe('Open for partners everywhere');
    const status = a.sync.status();
    expect(status.revision).not.toBeNull();
    expect(status.previousRevision).not.toBeNull();
  });

  it('keeps playing and backs off while the server is down; a restart offline plays the last good content', async () => {
    const hq = await headquarters();
    await hq.title(1, 'Synced title');
    await hq.publish();
    const server = await serveBundle(hq.bundleDir);
    closeAfter(server);
    const a = await kiosk(server.manifestUrl, { random: () => 0.5 });
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Synced title');

    await server.stop();
    await a.sync.syncNow();
    const failed = a.sync.status();
    expect(failed.state).toBe('error');
    expect(failed.lastError?.message).toMatch(
      /cannot reach http:\/\/127\.0\.0\.1:\d+\/manifest\.json/,
    );
    expect(titleOf(a.store)).toBe('Synced title');
    // First retry after 5 s, then 10 s: back-off, not the hour-long interval.
    const wait1 = Date.parse(failed.nextCheckAt!) - Date.parse(failed.lastCheckAt!);
    expect(wait1).toBeGreaterThanOrEqual(4900);
    expect(wait1).toBeLessThan(6000);
    await a.sync.syncNow();
    const again = a.sync.status();
    expect(Date.parse(again.nextCheckAt!) - Date.parse(again.lastCheckAt!)).toBeGreaterThan(9000);

    // Restart while offline, after a crash in the middle of two writes (their temp files stay).
    await a.sync.stop();
    a.store.close();
    await a.media.close();
    const fleetDir = path.join(a.dataDir, FLEET_DIR);
    const manifests = await readdir(path.join(fleetDir, 'manifests'));
    await writeFile(path.join(fleetDir, 'state.json.123456'), '{"cut sh');
    await writeFile(path.join(fleetDir, 'manifests', `${manifests[0]}.98765`), '{');
    // Downloads the crash cut short, however recent (and one where older versions kept them).
    await writeFile(path.join(fleetDir, 'downloads', 'cut-short.part'), 'partial');
    await writeFile(path.join(a.media.tempDir, 'older-version.sync'), 'partial');
    const b = await kiosk(server.manifestUrl, {}, a.dataDir);
    expect(await readdir(path.join(fleetDir, 'downloads'))).toEqual([]);
    expect(await readdir(b.media.tempDir)).toEqual([]);
    expect((await readdir(fleetDir)).filter((name) => name.startsWith('state.json'))).toEqual([
      'state.json',
    ]);
    expect(await readdir(path.join(fleetDir, 'manifests'))).toEqual(manifests);
    await b.sync.syncNow();
    expect(titleOf(b.store)).toBe('Synced title');
    expect(b.store.snapshot().problems).toEqual([]);
    expect(b.sync.status().lastError?.message).toMatch(/cannot reach/);
    expect(b.sync.status().revision).toBe(a.sync.status().revision);

    // The server is back: the next check succeeds and clears the error.
    await server.start();
    await b.sync.syncNow();
    expect(b.sync.status()).toMatchObject({ state: 'idle', lastError: null });
  });

  it('refuses a truncated file, a wrong hash and a 404, and keeps the current content', async () => {
    const hq = await headquarters();
    await hq.publish();
    const server = await serveBundle(hq.bundleDir);
    closeAfter(server);
    const a = await kiosk(server.manifestUrl);
    await a.sync.syncNow();
    const before = a.store.snapshot().revision;

    const ref = await hq.picture(1, 7);
    const { manifest } = await hq.publish();
    const blob = path.join(hq.bundleDir, `media/${ref.slice('media:'.length)}`);
    const good = await readFile(blob);

    await truncate(blob, 10);
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(/got 10 of \d+ bytes/);
    expect(a.store.snapshot().revision).toBe(before);
    expect(a.media.has(ref)).toBe(false);

    const wrong = Buffer.from(good);
    wrong[wrong.length - 1]! ^= 0xff;
    await writeFile(blob, wrong);
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(/sha256 does not match/);
    expect(a.store.snapshot().revision).toBe(before);

    await writeFile(path.join(hq.bundleDir, 'manifest.json'), '{"format": "something else"');
    await later(path.join(hq.bundleDir, 'manifest.json'));
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(
      /manifest at .* was refused: manifest\.json: \$: not valid JSON/,
    );

    await writeFile(
      path.join(hq.bundleDir, 'manifest.json'),
      JSON.stringify({ ...manifest, files: [{ ...manifest.files[0], size: -1 }] }),
    );
    await later(path.join(hq.bundleDir, 'manifest.json'));
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(/\$\.files\[0\]\.size/);

    await writeFile(blob, good);
    await hq.publish();
    await rm(blob);
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(/answered 404/);
    expect(a.store.snapshot().revision).toBe(before);
    // Nothing half-downloaded is left behind.
    expect(await readdir(path.join(a.dataDir, FLEET_DIR, 'downloads'))).toEqual([]);

    await writeFile(blob, good);
    await a.sync.syncNow();
    expect(a.sync.status().lastError).toBeNull();
    expect(a.media.has(ref)).toBe(true);
  });

  it('follows a manifest replaced in the middle of a sync and switches only to the newest', async () => {
    const hq = await headquarters();
    await hq.title(1, 'Version one');
    await hq.picture(1, 11);
    await hq.publish();
    const server = await serveBundle(hq.bundleDir);
    closeAfter(server);
    let replaced = false;
    const a = await kiosk(server.manifestUrl, {
      beforeSwitch: async () => {
        if (replaced) return;
        replaced = true;
        await hq.title(1, 'Version two');
        await hq.picture(2, 12);
        await hq.publish();
      },
    });
    await a.sync.syncNow();
    expect(replaced).toBe(true);
    expect(titleOf(a.store)).toBe('Version two');
    expect(a.sync.status().revision).toBe(
      JSON.parse(await readFile(path.join(hq.bundleDir, 'manifest.json'), 'utf8')).revision,
    );
    // Only one switch happened: the first revision was never kept for rollback.
    expect(a.sync.status().previousRevision).toBeNull();
  });

  it('a kiosk with a public key refuses unsigned and tampered bundles and takes signed ones', async () => {
    const hq = await headquarters();
    const keysDir = await tempDir('kiosk-keys-');
    const keys = await generateKeys(keysDir);
    const privateKey = parsePrivateKey(await readFile(keys.privateFile, 'utf8'), keys.privateFile);
    const publicPem = await readFile(keys.publicFile, 'utf8');
    await hq.publish();
    const server = await serveBundle(hq.bundleDir);
    closeAfter(server);
    const a = await kiosk(server.manifestUrl, {}, undefined, publicPem);
    const before = a.store.snapshot().revision;

    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(
      /not signed, but this kiosk only accepts bundles signed with key [0-9a-f]{16}/,
    );

    await hq.title(1, 'Signed title');
    const { manifest } = await hq.publish(privateKey);
    // Tampered: a title changed and the revision recomputed, the signature kept.
    const tampered: Manifest = structuredClone(manifest);
    tampered.content.playlists[0]!.slides[1]!.title.en = 'Tampered title';
    tampered.revision = revisionOf(tampered);
    await writeFile(path.join(hq.bundleDir, 'manifest.json'), JSON.stringify(tampered));
    await later(path.join(hq.bundleDir, 'manifest.json'));
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(
      /\$\.signature: the signature does not match/,
    );
    expect(a.store.snapshot().revision).toBe(before);

    // Signed with another key.
    const other = await generateKeys(await tempDir('kiosk-keys-'));
    await hq.publish(parsePrivateKey(await readFile(other.privateFile, 'utf8'), 'other'));
    await a.sync.syncNow();
    expect(a.sync.status().lastError?.message).toMatch(
      /signed with key [0-9a-f]{16}, but this kiosk only accepts key/,
    );

    await hq.publish(privateKey);
    await a.sync.syncNow();
    expect(a.sync.status().lastError).toBeNull();
    expect(titleOf(a.store)).toBe('Signed title');
  });

  it('rolls back to the previous revision, stays there, and cleans up media no revision uses', async () => {
    const hq = await headquarters();
    const one = await hq.picture(1, 21);
    await hq.title(1, 'One');
    await hq.publish();
    const server = await serveBundle(hq.bundleDir);
    closeAfter(server);
    const a = await kiosk(server.manifestUrl);
    await a.sync.syncNow();

    const two = await hq.picture(1, 22);
    await hq.title(1, 'Two');
    await hq.publish();
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Two');
    expect(a.media.has(one)).toBe(true);

    await a.sync.rollBack();
    expect(titleOf(a.store)).toBe('One');
    expect(a.sync.status().rolledBackFrom).not.toBeNull();
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('One');
    await expect(a.sync.rollBack()).rejects.toThrow(/no previous revision/);

    // A new revision is taken; media used by neither it nor the previous one are removed.
    const three = await hq.picture(1, 23);
    await hq.title(1, 'Three');
    await hq.publish();
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Three');
    expect(a.media.has(three)).toBe(true);
    expect(a.media.has(one)).toBe(true);
    expect(a.media.has(two)).toBe(false);
    const files = await readdir(path.join(a.dataDir, 'media'));
    expect(files).not.toContain(two.slice('media:'.length));
    expect(await readdir(path.join(a.dataDir, 'fleet', 'manifests'))).toHaveLength(2);
  });
});
