/**
 * Fleet: headquarters publishes a bundle with the CLI, a real web server on 127.0.0.1 hosts it
 * (nginx, or a Node static server where nginx cannot start), and kiosks on their own data folders
 * sync it; staff see and drive the sync from the admin Status panel.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { serveBundle, type BundleServer } from '../host/fleet/test-server';
import { confirmWithPin, openAdminSection, setPin, unlockAdmin } from './admin-helpers';
import { expectNoAxeViolations } from './admin-test-files';
import { expect, startHost, stopHost, test, type Host } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '..');
const shipped = JSON.parse(
  await readFile(path.join(ROOT, 'assets/content/content.json'), 'utf8'),
) as { playlists: { slides: { durationMs: number; title: Record<string, string> }[] }[] };

const made: string[] = [];
const hosts: Host[] = [];
const servers: BundleServer[] = [];
test.afterEach(async () => {
  for (const host of hosts.splice(0)) await stopHost(host);
  for (const server of servers.splice(0)) await server.close();
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

function cli(...args: string[]): Promise<string> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/openness-kiosk.mjs'), ...args]);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${args[0]} exited ${code}: ${output}`)),
    ),
  );
}

/** Headquarters' content: short slides, and a first slide titled `title`; then publish it. */
async function publish(hq: string, bundle: string, title: string): Promise<void> {
  const content = structuredClone(shipped);
  for (const slide of content.playlists[0]!.slides) slide.durationMs = 3000;
  content.playlists[0]!.slides[0]!.title.en = title;
  await writeFile(path.join(hq, 'content.json'), JSON.stringify(content, null, 2));
  await cli('publish', '--data', hq, '--out', bundle);
}

/** A kiosk whose settings point at the bundle. */
async function kiosk(manifestUrl: string | undefined): Promise<Host> {
  const dataDir = await temp('kiosk-fleet-e2e-');
  const settings = JSON.parse(
    await readFile(path.join(ROOT, 'assets/content/settings.json'), 'utf8'),
  );
  if (manifestUrl) Object.assign(settings, { syncManifestUrl: manifestUrl, syncIntervalSec: 10 });
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings, null, 2));
  const host = await startHost(dataDir);
  hosts.push(host);
  return host;
}

const firstTitle = (page: Page, name: string) =>
  page.getByRole('heading', { level: 2, name, exact: true });

test('two kiosks sync the same bundle and both players show the new slide', async ({ browser }) => {
  test.setTimeout(120_000);
  const hq = await temp('kiosk-hq-');
  const bundle = await temp('kiosk-bundle-');
  await publish(hq, bundle, 'Open to the fleet');
  const server = await serveBundle(bundle);
  servers.push(server);
  const kiosks = [await kiosk(server.manifestUrl), await kiosk(server.manifestUrl)];
  const pages = await Promise.all(
    kiosks.map(async (host) => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(host.url);
      return page;
    }),
  );
  for (const page of pages) {
    await expect(firstTitle(page, 'Open to the fleet')).toBeVisible({ timeout: 30_000 });
  }

  await publish(hq, bundle, 'Open to every kiosk of the fleet');
  for (const page of pages) {
    await expect(firstTitle(page, 'Open to every kiosk of the fleet')).toBeVisible({
      timeout: 45_000,
    });
  }
  const manifest = JSON.parse(await readFile(path.join(bundle, 'manifest.json'), 'utf8'));
  for (const host of kiosks) {
    const health = await (await fetch(`${host.url}/api/health`)).json();
    expect(health.sync).toMatchObject({ revision: manifest.revision, lastError: null });
    expect(health.lastSyncAt).not.toBeNull();
  }
});

test('staff set up sync in Settings, follow it in Status, roll back and publish', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const hq = await temp('kiosk-hq-');
  const bundle = await temp('kiosk-bundle-');
  await publish(hq, bundle, 'Bundle one');
  const server = await serveBundle(bundle);
  servers.push(server);
  const host = await kiosk(undefined);
  await setPin(host.dataDir);
  await unlockAdmin(page, host.url);
  const nav = page.getByRole('navigation', { name: 'Admin' });

  // Settings: a bad key is refused by field; a good URL is saved.
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Manifest URL').fill(server.manifestUrl);
  await page.getByLabel('Bundle public key').fill('not a key at all, not a key at all, not a key');
  // The sync server and the key reach beyond the screen: the PIN again, then the key is judged.
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Confirm with your PIN' })).toContainText(
    'Enter the PIN again to change the sync server address and the bundle public key.',
  );
  await confirmWithPin(page);
  await expect(page.getByRole('alert')).toContainText('is not a public key');
  await page.getByLabel('Bundle public key').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await confirmWithPin(page);
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await nav.getByRole('link', { name: 'Status' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Status' })).toBeVisible();
  const sync = page.locator('.admin-card', {
    has: page.getByRole('heading', { name: 'Fleet sync' }),
  });
  await expect(sync.getByRole('status')).toHaveText('Up to date.', { timeout: 15_000 });
  await expect(sync).toContainText(server.manifestUrl);
  await expect(sync.getByRole('button', { name: 'Roll back' })).toBeDisabled();
  await expectNoAxeViolations(page, 'on the Status section');

  await publish(hq, bundle, 'Bundle two');
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await expect(sync.getByRole('button', { name: 'Roll back' })).toBeEnabled({ timeout: 15_000 });
  const two = JSON.parse(await readFile(path.join(bundle, 'manifest.json'), 'utf8')).revision;
  await expect(sync).toContainText(two.slice(0, 12));

  await sync.getByRole('button', { name: 'Roll back' }).click();
  await expect(sync).toContainText('Rolled back from');
  const content = await (await fetch(`${host.url}/api/content`)).json();
  expect(content.playlist.slides[0].title.en).toBe('Bundle one');

  // The server goes away: the problem is shown, and the kiosk keeps its content.
  await server.stop();
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await expect(sync).toContainText('Sync problem: cannot reach', { timeout: 15_000 });
  await expectNoAxeViolations(page, 'with a sync problem shown');

  // Publish from the admin (with the PIN again) into a folder of the data folder's `published`.
  const out = path.join(host.dataDir, 'published', 'bundle');
  const publishCard = page.locator('form', { has: page.getByRole('heading', { name: 'Publish' }) });
  await publishCard.getByLabel('Bundle folder').fill('bundle');
  await publishCard.getByRole('button', { name: 'Publish' }).click();
  await confirmWithPin(page);
  await expect(publishCard.getByRole('status')).toContainText('Published revision', {
    timeout: 15_000,
  });
  const published = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
  expect(published.content.playlists[0].slides[0].title.en).toBe('Bundle one');
  expect(await cli('validate', out)).toMatch(/valid bundle manifest/);

  // A folder anywhere else is refused, whether it exists or not.
  for (const elsewhere of ['/tmp', '../elsewhere']) {
    await publishCard.getByLabel('Bundle folder').fill(elsewhere);
    await publishCard.getByRole('button', { name: 'Publish' }).click();
    await confirmWithPin(page);
    await expect(page.getByRole('alert')).toContainText(
      `The bundle folder must be inside ${path.join(host.dataDir, 'published')} on this kiosk`,
    );
  }
});

test('a replayed old bundle is refused and shown in Status and health; Roll back still goes back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const hq = await temp('kiosk-hq-');
  const bundle = await temp('kiosk-bundle-');
  const manifestFile = path.join(bundle, 'manifest.json');
  await publish(hq, bundle, 'Withdrawn bundle');
  const withdrawn = await readFile(manifestFile, 'utf8');
  const server = await serveBundle(bundle);
  servers.push(server);
  const host = await kiosk(server.manifestUrl);
  const health = async () => (await fetch(`${host.url}/api/health`)).json();
  const revisionPlaying = () => health().then((body) => body.sync.revision);
  await expect.poll(revisionPlaying, { timeout: 30_000 }).toBe(JSON.parse(withdrawn).revision);
  await publish(hq, bundle, 'Current bundle');
  const current = JSON.parse(await readFile(manifestFile, 'utf8'));
  expect(current.sequence).toBe(2);
  await expect.poll(revisionPlaying, { timeout: 45_000 }).toBe(current.revision);

  // The old manifest, served again as if it were new.
  await writeFile(manifestFile, withdrawn);
  await setPin(host.dataDir);
  await openAdminSection(page, host.url, 'Status');

  const sync = page.locator('.admin-card', {
    has: page.getByRole('heading', { name: 'Fleet sync' }),
  });
  await sync.getByRole('button', { name: 'Sync now' }).click();
  await expect(sync).toContainText('Sync problem: refused the bundle at', { timeout: 15_000 });
  await expect(sync).toContainText('its sequence 1 is older than sequence 2 this kiosk has taken');
  await expect(sync).toContainText('Refused old bundle');
  await expect(sync).toContainText(`${current.revision.slice(0, 12)} (sequence 2)`);
  await expectNoAxeViolations(page, 'with an old bundle refused');
  const refused = await health();
  expect(refused.ok).toBe(false);
  expect(refused.sync).toMatchObject({ revision: current.revision, refused: { sequence: 1 } });
  expect(refused.lastError.message).toMatch(/refused the bundle .* sequence 1 is older/);
  const playing = await (await fetch(`${host.url}/api/content`)).json();
  expect(playing.playlist.slides[0].title.en).toBe('Current bundle');

  // Staff may go back on purpose.
  await sync.getByRole('button', { name: 'Roll back' }).click();
  await expect(sync).toContainText('Rolled back from', { timeout: 15_000 });
  await expect(sync).toContainText('(sequence 1)');
  const back = await (await fetch(`${host.url}/api/content`)).json();
  expect(back.playlist.slides[0].title.en).toBe('Withdrawn bundle');
});
