/**
 * Fleet sync under faults, against a real web server (nginx where it starts) on loopback:
 *
 * - a kiosk whose data folder is a 2 MB tmpfs refuses a 3 MB bundle before downloading any of it;
 * - the real host, SIGKILLed by a fault hook just before a switch is committed and again between
 *   the settings and content writes, comes back with the old content and old settings, or the
 *   new with the new, never a mix (the fleet state agrees).
 *
 * Mounting the tmpfs needs root (or CAP_SYS_ADMIN): see support/tmpfs.ts.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Health } from '#core/contract';
import type { ContentFile, Settings } from '#core/schema';
import { ContentStore } from '../host/content-store.js';
import { publishBundle } from '../host/fleet/publish.js';
import { SWITCH_JOURNAL } from '../host/fleet/switch-journal.js';
import { FLEET_DIR, FleetSync } from '../host/fleet/sync.js';
import { serveBundle } from '../host/fleet/test-server.js';
import { MediaLibrary } from '../host/media/media-library.js';
import { upload } from '../host/media/test-files.js';
import {
  killHost,
  requireBuiltHost,
  ROOT,
  startServe,
  type HostProcess,
} from './support/host-process.js';
import { ApiClient } from '../test-support/api-client.js';
import { bigPng } from './support/samples.js';
import { mountTmpfs } from './support/tmpfs.js';

const ASSETS = path.join(ROOT, 'assets');
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Headquarters: content whose second slide shows `picture` (if any), titled, then published. */
async function headquarters() {
  const dataDir = await temp('kiosk-hq-');
  const bundleDir = await temp('kiosk-bundle-');
  const store = await ContentStore.open({ dataDir, assetsDir: ASSETS });
  const media = await MediaLibrary.open({ dataDir });
  cleanups.push(
    () => store.close(),
    () => media.close(),
  );
  const server = await serveBundle(bundleDir);
  cleanups.push(() => server.close());
  return {
    server,
    bundleDir,
    async publish(title: string, idleTimeoutSec: number, picture?: Buffer) {
      const { content, settings, revision } = store.snapshot();
      const next: ContentFile = structuredClone(content);
      next.playlists[0]!.slides[0]!.title.en = title;
      if (picture) {
        const slide = next.playlists[0]!.slides[1]!;
        if ('image' in slide && slide.image) {
          slide.image.src = (await upload(media, 'big.png', picture)).ref;
        }
      }
      const saved = await store.saveContent(revision, next);
      await store.saveSettings(saved.revision, { ...settings, idleTimeoutSec });
      return (await publishBundle({ dataDir, outDir: bundleDir })).manifest;
    },
  };
}

/** Settings that point a kiosk at `url` (and check it only at start, for these tests). */
async function pointAt(dataDir: string, url: string): Promise<void> {
  const settings = JSON.parse(
    await readFile(path.join(ASSETS, 'content/settings.json'), 'utf8'),
  ) as Settings;
  const next = { ...settings, syncManifestUrl: url, syncIntervalSec: 3600 };
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(next, null, 2));
}

it('refuses a bundle larger than the disk before downloading any of it', async () => {
  const hq = await headquarters();
  const manifest = await hq.publish('Too big for this kiosk', 95, bigPng(3 * 1024 * 1024));
  const dataDir = await temp('kiosk-fleet-tmpfs-');
  cleanups.push(mountTmpfs(dataDir, '2m', 'fleet fault test'));
  await pointAt(dataDir, hq.server.manifestUrl);
  const store = await ContentStore.open({ dataDir, assetsDir: ASSETS });
  const media = await MediaLibrary.open({ dataDir });
  const sync = await FleetSync.open({ dataDir, store, media });
  cleanups.push(
    () => store.close(),
    () => media.close(),
    () => sync.stop(),
  );
  const before = store.snapshot().revision;
  await hq.server.clearRequests();

  await sync.syncNow();
  const status = sync.status();
  expect(status.state).toBe('error');
  expect(status.lastError?.message).toMatch(
    /the bundle does not fit on this kiosk: its 1 new files need 3\.\d MB, the disk of .* has [\d.]+ MB free, and the kiosk keeps 64 MB free; nothing was downloaded/,
  );
  // Only the manifest was asked for; the content and disk are as they were.
  expect((await hq.server.requests()).map((r) => r.path)).toEqual(['/manifest.json']);
  expect(store.snapshot().revision).toBe(before);
  expect(status.revision).toBeNull();
  expect(manifest.files[0]!.size).toBeGreaterThan(3 * 1024 * 1024);
  expect(await readdir(path.join(dataDir, FLEET_DIR, 'downloads'))).toEqual([]);
  expect(await readdir(path.join(dataDir, 'media'))).toEqual([]);
});

/** Run `serve` with a fault hook until it kills itself there. */
async function serveUntilKilled(dataDir: string, fault: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/openness-kiosk.mjs'), 'serve', '--data', dataDir, '--port', '0'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OPENNESS_KIOSK_FAULT: fault },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
  const [, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.once('exit', (code, sig) => resolve([code, sig])),
  );
  clearTimeout(timer);
  expect(signal, `the host should kill itself at ${fault}:\n${output}`).toBe('SIGKILL');
}

it('a host killed during a switch comes back with old content and settings, or new and new', async () => {
  requireBuiltHost();
  const hq = await headquarters();
  const one = await hq.publish('Bundle one', 91);
  const dataDir = await temp('kiosk-fleet-kill-');
  await pointAt(dataDir, hq.server.manifestUrl);
  let host: HostProcess | undefined;
  cleanups.push(() => host && killHost(host));
  const title = (content: ContentFile) => content.playlists[0]!.slides[0]!.title.en;
  const onDisk = async () => ({
    title: title(JSON.parse(await readFile(path.join(dataDir, 'content.json'), 'utf8'))),
    idle: (JSON.parse(await readFile(path.join(dataDir, 'settings.json'), 'utf8')) as Settings)
      .idleTimeoutSec,
    journal: existsSync(path.join(dataDir, SWITCH_JOURNAL)),
  });
  /** Start the host as usual and wait until its sync settles; what does it play? */
  const playing = async () => {
    host = await startServe(dataDir);
    const api = new ApiClient(host.url);
    let health: Health | undefined;
    await expect
      .poll(
        async () => {
          health = (await api.get<Health>('/api/health')).body;
          return health.sync.state;
        },
        { timeout: 20_000 },
      )
      .toMatch(/idle|error/);
    const content = (await api.get<{ content: ContentFile }>('/api/content')).body;
    const settings = (await api.get<{ settings: Settings }>('/api/content')).body.settings;
    await killHost(host);
    host = undefined;
    return {
      title: title(content.content),
      idle: settings.idleTimeoutSec,
      revision: health!.sync.revision,
    };
  };

  expect(await playing()).toEqual({ title: 'Bundle one', idle: 91, revision: one.revision });
  const two = await hq.publish('Bundle two', 92);

  // Killed before the switch is committed: old content, old settings; the server is then down.
  await serveUntilKilled(dataDir, 'fleet-switch:before-commit');
  expect(await onDisk()).toEqual({ title: 'Bundle one', idle: 91, journal: false });
  await hq.server.stop();
  expect(await playing()).toEqual({ title: 'Bundle one', idle: 91, revision: one.revision });
  await hq.server.start();

  // Killed between the settings and the content write: the journal completes it at the start.
  await serveUntilKilled(dataDir, 'fleet-switch:between-writes');
  expect(await onDisk()).toEqual({ title: 'Bundle one', idle: 92, journal: true });
  await hq.server.stop();
  expect(await playing()).toEqual({ title: 'Bundle two', idle: 92, revision: two.revision });
  expect(await onDisk()).toEqual({ title: 'Bundle two', idle: 92, journal: false });
});
