import { readFile, readdir, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '#core/bundle';
import type { ContentFile } from '#core/schema';
import { ContentStore } from '../content-store.js';
import { MediaLibrary } from '../media/media-library.js';
import { makePng, upload } from '../media/test-files.js';
import { paths, tempDir } from '../test-helpers.js';
import { generateKeys, parsePrivateKey } from './keys.js';
import { hashFile, revisionOf } from './manifest-io.js';
import { publishBundle } from './publish.js';
import { FLEET_DIR, FleetSync, type SyncOptions } from './sync.js';
import { serveBundle, startNodeServer, type BundleServer } from './test-server.js';

const open: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

// Web servers make ETags from the modification time in seconds and the size: move the time on,
// as the time between two real publishes would.
let clock = Math.floor(Date.now() / 1000);
async function later(file: string): Promise<void> {
  clock += 10;
  await utimes(file, clock, clock);
}

/** Headquarters: a data folder whose content is published into `bundleDir`. */
async function headquarters() {
  const dataDir = await tempDir('kiosk-hq-');
  const bundleDir = await tempDir('kiosk-bundle-');
  const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
  const media = await MediaLibrary.open({ dataDir });
  open.push(store, media);
  return {
    dataDir,
    bundleDir,
    store,
    media,
    /** Put an uploaded picture on slide `index` of the default playlist and save. */
    async picture(index: number, seed: number): Promise<string> {
      const item = await upload(media, `photo-${seed}.png`, makePng(8, 6, seed));
      const { content, revision } = store.snapshot();
      const next = structuredClone(content);
      const slide = next.playlists[0]!.slides[index]!;
      if (!('image' in slide) || !slide.image) throw new Error('slide without image');
      slide.image.src = item.ref;
      await store.saveContent(revision, next);
      return item.ref;
    },
    async title(index: number, title: string): Promise<void> {
      const { content, revision } = store.snapshot();
      const next: ContentFile = structuredClone(content);
      next.playlists[0]!.slides[index]!.title.en = title;
      await store.saveContent(revision, next);
    },
    async publish(privateKey?: ReturnType<typeof parsePrivateKey>) {
      const published = await publishBundle({ dataDir, outDir: bundleDir, privateKey });
      await later(published.manifestFile);
      return published;
    },
  };
}

/** A kiosk of the fleet, pointed at `manifestUrl`. */
async function kiosk(
  manifestUrl: string,
  extra: Partial<SyncOptions> = {},
  dataDir?: string,
  publicKey?: string,
) {
  const dir = dataDir ?? (await tempDir('kiosk-fleet-'));
  const store = await ContentStore.open({ dataDir: dir, assetsDir: paths.assetsDir });
  const { revision, settings } = store.snapshot();
  await store.saveSettings(revision, {
    ...settings,
    syncManifestUrl: manifestUrl,
    syncIntervalSec: 3600,
    ...(publicKey ? { syncPublicKey: publicKey } : {}),
  });
  const media = await MediaLibrary.open({ dataDir: dir });
  const sync = await FleetSync.open({ dataDir: dir, store, media, idleTimeoutMs: 2000, ...extra });
  open.push(store, media, { close: () => sync.stop() });
  return { dataDir: dir, store, media, sync };
}

const titleOf = (store: ContentStore, index = 1) =>
  store.snapshot().content.playlists[0]!.slides[index]!.title.en;

describe('fleet sync against a real web server', () => {
  it('first sync, then an update that changes one slide fetches only that file', async () => {
    const hq = await headquarters();
    const first = await hq.picture(1, 1);
    await hq.picture(2, 2);
    await hq.publish();
    const server = await serveBundle(hq.bundleDir);
    open.push(server);
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
    open.push(server);
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
    open.push(server);
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
    open.push(server);
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
    open.push(server);
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
    open.push(server);
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

describe('fleet sync trusts files on disk by their sha256, not their size', () => {
  it('downloads again a file damaged on disk, and refuses to roll back to a damaged one', async () => {
    const hq = await headquarters();
    const one = await hq.picture(1, 51);
    await hq.publish();
    const server = await serveBundle(hq.bundleDir);
    open.push(server);
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

describe('fleet sync refuses old bundles served again', () => {
  it('refuses a replayed older signed manifest, says so, and Roll back still goes back', async () => {
    const hq = await headquarters();
    const keys = await generateKeys(await tempDir('kiosk-keys-'));
    const privateKey = parsePrivateKey(await readFile(keys.privateFile, 'utf8'), keys.privateFile);
    const manifestFile = path.join(hq.bundleDir, 'manifest.json');
    await hq.title(1, 'Withdrawn');
    await hq.publish(privateKey);
    const withdrawn = await readFile(manifestFile, 'utf8');
    const server = await serveBundle(hq.bundleDir);
    open.push(server);
    const a = await kiosk(
      server.manifestUrl,
      {},
      undefined,
      await readFile(keys.publicFile, 'utf8'),
    );
    await a.sync.syncNow();
    expect(a.sync.status()).toMatchObject({ sequence: 1, lastError: null });

    await hq.title(1, 'Current');
    await hq.publish(privateKey);
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Current');
    const current = a.sync.status();
    expect(current).toMatchObject({ sequence: 2, refused: null });

    // The old manifest, validly signed, is served again.
    const currentText = await readFile(manifestFile, 'utf8');
    await writeFile(manifestFile, withdrawn);
    await later(manifestFile);
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Current');
    const refused = a.sync.status();
    expect(refused.state).toBe('error');
    expect(refused.lastError?.message).toMatch(
      /refused the bundle at http:\/\/127\.0\.0\.1:\d+\/manifest\.json: its sequence 1 is older than sequence 2 this kiosk has taken .*only "Roll back" goes back/,
    );
    expect(refused.refused).toMatchObject({ revision: current.previousRevision, sequence: 1 });
    expect(refused.revision).toBe(current.revision);
    // Checked again, it is refused again (not forgotten behind an ETag).
    await a.sync.syncNow();
    expect(a.sync.status().refused?.sequence).toBe(1);

    // Staff may still go back on purpose; the old bundle then is the one playing, not an error.
    await a.sync.rollBack();
    expect(titleOf(a.store)).toBe('Withdrawn');
    expect(a.sync.status()).toMatchObject({ sequence: 1, rolledBackFrom: current.revision });
    await a.sync.syncNow();
    expect(a.sync.status()).toMatchObject({ lastError: null, refused: null });

    // Headquarters' folder (not the replay) numbers the next publish 3: it is taken as usual.
    await writeFile(manifestFile, currentText);
    await hq.title(1, 'Newest');
    await hq.publish(privateKey);
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Newest');
    expect(a.sync.status()).toMatchObject({ sequence: 3, lastError: null });

    // The state file is lost (a damaged disk): the manifests kept beside it still stop a replay.
    await a.sync.stop();
    await rm(path.join(a.dataDir, FLEET_DIR, 'state.json'));
    const b = await FleetSync.open({ dataDir: a.dataDir, store: a.store, media: a.media });
    open.push({ close: () => b.stop() });
    await writeFile(manifestFile, currentText);
    await later(manifestFile);
    await b.syncNow();
    expect(b.status().lastError?.message).toMatch(/refused the bundle at .* its sequence 2/);
    expect(titleOf(a.store)).toBe('Newest');
  });

  it('takes a manifest without a sequence once, as 0, and refuses the same number with other content', async () => {
    const hq = await headquarters();
    const manifestFile = path.join(hq.bundleDir, 'manifest.json');
    await hq.title(1, 'Unnumbered one');
    const { manifest } = await hq.publish();
    // As published before sequences existed (the revision does not cover the number).
    const unnumbered = ({ sequence: _s, ...rest }: Manifest) => JSON.stringify(rest);
    await writeFile(manifestFile, unnumbered(manifest));
    await later(manifestFile);
    const server = await serveBundle(hq.bundleDir);
    open.push(server);
    const a = await kiosk(server.manifestUrl);
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Unnumbered one');
    expect(a.sync.status()).toMatchObject({ sequence: 0, lastError: null });

    await hq.title(1, 'Unnumbered two');
    const second = await hq.publish();
    await writeFile(manifestFile, unnumbered(second.manifest));
    await later(manifestFile);
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Unnumbered one');
    expect(a.sync.status().lastError?.message).toMatch(
      /it has no sequence number and this kiosk has taken bundle sequence 0; publish it again/,
    );

    await hq.publish();
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Unnumbered two');
    const taken = a.sync.status().sequence!;
    expect(taken).toBeGreaterThan(0);

    // Another headquarters publishing under the same number with other content.
    const other = await headquarters();
    await other.title(1, 'Other office');
    await publishBundle({ dataDir: other.dataDir, outDir: other.bundleDir, sequence: taken });
    await writeFile(manifestFile, await readFile(path.join(other.bundleDir, 'manifest.json')));
    await later(manifestFile);
    await a.sync.syncNow();
    expect(titleOf(a.store)).toBe('Unnumbered two');
    expect(a.sync.status().lastError?.message).toMatch(
      new RegExp(`its sequence ${taken} is the one this kiosk has taken, with other content`),
    );
  });
});

describe('fleet sync against a misbehaving server', () => {
  let server: BundleServer;

  it('gives up on a server that stops sending, and on a body cut short', async () => {
    const hq = await headquarters();
    const ref = await hq.picture(1, 31);
    await hq.publish();
    server = await startNodeServer(hq.bundleDir);
    open.push(server);
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
    open.push(server);
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
