/**
 * Fleet sync refuses old bundles served again (replayed manifests, sequence numbers).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '#core/bundle';
import { tempDir } from '../test-helpers.js';
import { generateKeys, parsePrivateKey } from './keys.js';
import { publishBundle } from './publish.js';
import { FLEET_DIR, FleetSync } from './sync.js';
import { serveBundle } from './test-server.js';
import { closeAfter, closeOpened, headquarters, kiosk, later, titleOf } from './test-fleet.js';

afterEach(closeOpened);

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
    closeAfter(server);
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
    closeAfter({ close: () => b.stop() });
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
    closeAfter(server);
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
