/**
 * The fleet sync tests' fixture: a headquarters that publishes bundles, and kiosks that sync
 * them, on real data folders; everything it opens is closed by `closeOpened`.
 */
import { utimes } from 'node:fs/promises';
import type { ContentFile } from '#core/schema';
import { ContentStore } from '../content-store.js';
import { MediaLibrary } from '../media/media-library.js';
import { makePng, upload } from '../media/test-files.js';
import { paths, tempDir } from '../test-helpers.js';
import { parsePrivateKey } from './keys.js';
import { publishBundle } from './publish.js';
import { FleetSync, type SyncOptions } from './sync.js';

const open: { close(): Promise<void> | void }[] = [];

/** Closes `items` after the test (in reverse order), with everything else the fixture opened. */
export function closeAfter(...items: { close(): Promise<void> | void }[]): void {
  open.push(...items);
}

/** Closes every store, library and sync the fixture opened (call it in `afterEach`). */
export async function closeOpened(): Promise<void> {
  for (const item of open.splice(0).reverse()) await item.close();
}

// Web servers make ETags from the modification time in seconds and the size: move the time on,
// as the time between two real publishes would.
let clock = Math.floor(Date.now() / 1000);
/** Moves `file`'s modification time on, as a later publish would. */
export async function later(file: string): Promise<void> {
  clock += 10;
  await utimes(file, clock, clock);
}

/** Headquarters: a data folder whose content is published into `bundleDir`. */
export async function headquarters() {
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
export async function kiosk(
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

/** The English title of slide `index` of the kiosk's default playlist. */
export const titleOf = (store: ContentStore, index = 1) =>
  store.snapshot().content.playlists[0]!.slides[index]!.title.en;
