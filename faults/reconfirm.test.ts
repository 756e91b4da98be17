/**
 * A stolen session cookie alone cannot re-key a kiosk, point it at another sync server, open it
 * to the network or publish: against the real `openness-kiosk serve --host 0.0.0.0`, over HTTPS
 * from other loopback addresses (standing in for LAN machines) and over the kiosk's own loopback.
 *
 * Changing a setting of PIN_CONFIRMED_SETTINGS, and publishing, need the PIN again; wrong PINs
 * count toward the per-source lock-out; publish and key paths stay inside the data folder, and a
 * path outside gets one answer whether it exists or not.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, FleetStatus } from '#core/contract';
import type { Settings } from '#core/schema';
import {
  PIN_CONFIRMED_SETTINGS,
  pinRequiredMessage,
  type PinConfirmedSetting,
} from '#core/security-policy';
import { MAX_FAILURES } from '../host/auth/lockout.js';
import { ApiClient, type Answer } from '../test-support/api-client.js';
import { PIN, type HostProcess } from './support/host-process.js';
import { removeSandbox } from './support/sandbox.js';
import { errorOf, lanClient, startLanHost, type Trust } from './support/lan-client.js';

let sandbox = '';
let dataDir = '';
let host: HostProcess | undefined;
let kioskUrl = '';
let lanUrl = '';
let trust: Trust | undefined;

/** A caller: the kiosk's own screen, or a LAN machine at an address, with its staff session. */
interface Caller {
  name: string;
  api: ApiClient;
}
let kiosk: Caller;
let lan: Caller;

const as = <K extends CallName>(caller: Caller, name: K, input: unknown): Promise<Answer<K>> =>
  caller.api.call(name, input);

/** Sign in from a LAN address over HTTPS. */
async function lanCaller(address: string): Promise<Caller> {
  const api = lanClient(lanUrl, address, trust);
  const unlocked = await api.call('auth:unlock', { pin: PIN });
  expect(unlocked.status, unlocked.text).toBe(200);
  return { name: address, api };
}

async function adminState(): Promise<{ revision: string; settings: Settings }> {
  const reply = await as(kiosk, 'admin:get', undefined);
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

const settingsFile = () =>
  readFile(path.join(dataDir, 'settings.json'), 'utf8').catch(() => '(missing)');

const publicKeyPem = generateKeyPairSync('ed25519')
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

/** What an attacker with a session would set, one sensitive field at a time. */
const attacks: Record<PinConfirmedSetting, Partial<Settings>> = {
  syncManifestUrl: { syncManifestUrl: 'https://evil.example/manifest.json' },
  syncPublicKey: { syncPublicKey: publicKeyPem },
  lanAdmin: { lanAdmin: true },
  allowedHostNames: { allowedHostNames: ['evil.example'] },
};

async function waitForPublish(caller: Caller): Promise<FleetStatus['publish']> {
  let status: FleetStatus | undefined;
  await expect
    .poll(
      async () => {
        status = (await as(caller, 'fleet:status', undefined)).body;
        return status.publish.state;
      },
      { timeout: 30_000 },
    )
    .not.toBe('running');
  return status!.publish;
}

beforeAll(async () => {
  const started = await startLanHost('kiosk-fault-reconfirm-');
  ({ sandbox, dataDir, host, kioskUrl, lanUrl, trust } = started);
  kiosk = { name: 'kiosk', api: started.kiosk };
  lan = await lanCaller('127.0.6.1');
});

afterAll(() => removeSandbox(host, sandbox));

describe('a session alone cannot reach beyond the screen', () => {
  it('refuses each sensitive setting without the PIN, from the LAN and from the kiosk', async () => {
    const before = await settingsFile();
    for (const caller of [lan, kiosk]) {
      for (const [key, change] of Object.entries(attacks)) {
        const { revision, settings } = await adminState();
        const reply = await as(caller, 'settings:save', {
          baseRevision: revision,
          settings: { ...settings, ...change },
        });
        const what = `${caller.name} ${key}: ${reply.text}`;
        expect(reply.status, what).toBe(403);
        expect(errorOf(reply), what).toMatchObject({
          code: 'pin-required',
          message: pinRequiredMessage([key as PinConfirmedSetting]),
        });
      }
    }
    // All at once: the message names each, in staff words.
    const { revision, settings } = await adminState();
    const all = await as(lan, 'settings:save', {
      baseRevision: revision,
      settings: { ...settings, ...Object.assign({}, ...Object.values(attacks)) },
    });
    expect(all.status, all.text).toBe(403);
    expect(errorOf(all)?.message).toBe(
      'Enter the PIN again to change the sync server address, the bundle public key, remote admin over the network and the other names of this kiosk.',
    );
    expect(Object.keys(attacks)).toEqual(Object.keys(PIN_CONFIRMED_SETTINGS));
    expect(await settingsFile()).toBe(before);

    // Publishing without the PIN: refused, nothing written.
    for (const caller of [lan, kiosk]) {
      const reply = await as(caller, 'fleet:publish', { outDir: 'stolen' });
      expect(reply.status, reply.text).toBe(400);
      expect(errorOf(reply)?.code).toBe('invalid-input');
    }
    expect(await readdir(path.join(dataDir, 'published')).catch(() => [])).toEqual([]);

    // Other settings still save with the session alone.
    const plain = await as(lan, 'settings:save', {
      baseRevision: revision,
      settings: { ...settings, idleTimeoutSec: settings.idleTimeoutSec + 1 },
    });
    expect(plain.status, plain.text).toBe(200);
  });

  it('accepts the changes and a publish with the right PIN', async () => {
    const { revision, settings } = await adminState();
    const next = { ...settings, ...Object.assign({}, ...Object.values(attacks)) } as Settings;
    const saved = await as(lan, 'settings:save', {
      baseRevision: revision,
      settings: next,
      pin: PIN,
    });
    expect(saved.status, saved.text).toBe(200);
    const written = JSON.parse(await settingsFile()) as Settings;
    expect(written).toMatchObject(attacks.syncManifestUrl);
    expect(written.allowedHostNames).toEqual(['evil.example']);
    // Put back (with the PIN again), so the kiosk does not try to sync from evil.example.
    const back = await adminState();
    const restored = await as(kiosk, 'settings:save', {
      baseRevision: back.revision,
      settings: { ...settings },
      pin: PIN,
    });
    expect(restored.status, restored.text).toBe(200);

    const published = await as(lan, 'fleet:publish', { outDir: 'lan-bundle', pin: PIN });
    expect(published.status, published.text).toBe(200);
    expect(await waitForPublish(lan)).toMatchObject({
      state: 'done',
      outDir: path.join(dataDir, 'published', 'lan-bundle'),
    });
    expect(await readdir(path.join(dataDir, 'published', 'lan-bundle'))).toContain('manifest.json');
  });

  it('restores an old version holding other sensitive settings only with the PIN', async () => {
    // The previous test saved a version pointing at evil.example, then put the settings back.
    const listed = await as(lan, 'history:list', undefined);
    expect(listed.status, listed.text).toBe(200);
    const { versions } = listed.body;
    let evil: string | undefined;
    for (const { id } of versions) {
      const version = (await as(lan, 'history:get', { id })).body;
      if (version.settings.syncManifestUrl === attacks.syncManifestUrl.syncManifestUrl) evil = id;
    }
    expect(evil, 'a kept version with the changed sync address').toBeDefined();
    const before = await settingsFile();
    const { revision, settings } = await adminState();
    const refused = await as(lan, 'history:restore', { baseRevision: revision, id: evil });
    expect(refused.status, refused.text).toBe(403);
    expect(errorOf(refused)?.code).toBe('pin-required');
    expect(await settingsFile()).toBe(before);

    const restored = await as(lan, 'history:restore', {
      baseRevision: revision,
      id: evil,
      pin: PIN,
    });
    expect(restored.status, restored.text).toBe(200);
    expect(JSON.parse(await settingsFile())).toMatchObject(attacks.syncManifestUrl);
    const back = await adminState();
    const putBack = await as(kiosk, 'settings:save', {
      baseRevision: back.revision,
      settings,
      pin: PIN,
    });
    expect(putBack.status, putBack.text).toBe(200);
  });

  it("counts wrong PINs (changes, publish, PIN change) toward that source's lock-out, not the kiosk's", async () => {
    const guesser = await lanCaller('127.0.6.2');
    for (let i = 0; i < MAX_FAILURES; i++) {
      const { revision, settings } = await adminState();
      // A wrong PIN for a sensitive setting, a publish and a PIN change all count alike.
      const tries = [
        () =>
          as(guesser, 'settings:save', {
            baseRevision: revision,
            settings: { ...settings, ...attacks.syncManifestUrl },
            pin: '0000',
          }),
        () => as(guesser, 'fleet:publish', { outDir: 'guess', pin: '0000' }),
        () => as(guesser, 'auth:change-pin', { currentPin: '0000', newPin: '97531' }),
      ];
      const reply = await tries[i % tries.length]!();
      const what = `try ${i + 1}: ${reply.text}`;
      if (i < MAX_FAILURES - 1) {
        expect(reply.status, what).toBe(401);
        expect(errorOf(reply), what).toMatchObject({
          code: 'wrong-pin',
          details: { attemptsLeft: MAX_FAILURES - 1 - i },
        });
      } else {
        expect(reply.status, what).toBe(429);
        expect(errorOf(reply)?.code).toBe('locked-out');
      }
    }
    // Locked out now: the right PIN is not even checked, for a change or for a new session.
    const { revision, settings } = await adminState();
    const withRight = await as(guesser, 'settings:save', {
      baseRevision: revision,
      settings: { ...settings, ...attacks.lanAdmin },
      pin: PIN,
    });
    expect(withRight.status, withRight.text).toBe(429);
    const unlock = await lanClient(lanUrl, '127.0.6.2', trust).call('auth:unlock', { pin: PIN });
    expect(unlock.status).toBe(429);
    // The kiosk's own screen and other machines are not locked out.
    expect((await new ApiClient(kioskUrl).call('auth:unlock', { pin: PIN })).status).toBe(200);
    const other = await as(lan, 'fleet:publish', { outDir: 'lan-bundle', pin: PIN });
    expect(other.status, other.text).toBe(200);
    await waitForPublish(lan);
  });
});

describe('publish and key paths stay inside the data folder', () => {
  it('gives one answer for every path outside, whether it exists or not', async () => {
    const outside = path.join(sandbox, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'file'), 'x');
    const published = path.join(dataDir, 'published');
    const keys = path.join(dataDir, 'keys');
    await mkdir(keys, { recursive: true });
    await symlink(outside, path.join(published, 'link-out'));
    await symlink(outside, path.join(keys, 'link-out'));
    await symlink(path.join(outside, 'file'), path.join(keys, 'file-out.key'));
    const paths = [
      '/etc/passwd',
      '/nonexistent/x',
      '/root',
      '/tmp',
      '../../x',
      '../auth.json',
      path.join(dataDir, 'auth.json'),
      outside,
      path.join(outside, 'file'),
      path.join(outside, 'missing'),
      'link-out',
      'link-out/inner',
    ];
    const answers = async (input: (asked: string) => object) => {
      const seen = new Set<string>();
      for (const asked of paths) {
        const reply = await as(lan, 'fleet:publish', { pin: PIN, ...input(asked) });
        expect(reply.status, `${asked}: ${reply.text}`).toBe(403);
        seen.add(reply.text);
      }
      return [...seen];
    };
    const folderAnswers = await answers((asked) => ({ outDir: asked }));
    expect(folderAnswers).toHaveLength(1);
    expect(errorOf({ text: folderAnswers[0]! })?.code).toBe('forbidden');
    const keyAnswers = await answers((asked) => ({ outDir: 'signed', keyFile: asked }));
    expect(keyAnswers).toHaveLength(1);
    const linked = await as(lan, 'fleet:publish', {
      pin: PIN,
      outDir: 'signed',
      keyFile: 'file-out.key',
    });
    expect(linked.text).toBe(keyAnswers[0]);
    // Nothing was written outside, nor a folder made for a refused publish.
    expect(await readdir(outside)).toEqual(['file']);
    expect((await readdir(published)).sort()).toEqual(['lan-bundle', 'link-out']);
  });
});
