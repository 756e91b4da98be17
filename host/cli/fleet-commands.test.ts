import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentStore } from '../content-store.js';
import { MediaLibrary } from '../media/media-library.js';
import { makePng, upload } from '../media/test-files.js';
import { paths, tempDir } from '../test-helpers.js';
import { run } from './main.js';
import { fakeIo } from './test-io.js';

/** A data folder with one uploaded picture on the second slide. */
async function dataWithPicture(): Promise<{ dataDir: string; ref: string }> {
  const dataDir = await tempDir('kiosk-pub-');
  const store = await ContentStore.open({ dataDir, assetsDir: paths.assetsDir });
  const media = await MediaLibrary.open({ dataDir });
  const item = await upload(media, 'photo.png', makePng(8, 6, 5));
  const { content, revision } = store.snapshot();
  const next = structuredClone(content);
  const slide = next.playlists[0]!.slides[1]!;
  if ('image' in slide && slide.image) slide.image.src = item.ref;
  await store.saveContent(revision, next);
  store.close();
  await media.close();
  return { dataDir, ref: item.ref };
}

async function filesOf(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const name of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if ((await stat(file)).isFile()) found[name] = (await readFile(file)).toString('base64');
  }
  return found;
}

describe('publish, keys and validate', () => {
  it('publishes the same content twice as identical files, and validates the bundle', async () => {
    const { dataDir, ref } = await dataWithPicture();
    const a = await tempDir('kiosk-out-');
    const b = await tempDir('kiosk-out-');
    const first = fakeIo();
    expect(await run(['publish', '--data', dataDir, '--out', a], first.io)).toBe(0);
    expect(first.out.join('\n')).toMatch(
      /Published revision [0-9a-f]{12} as sequence 1 \(1 media files, 1 copied, unsigned\)/,
    );
    expect(await run(['publish', '--data', dataDir, '--out', b], fakeIo().io)).toBe(0);
    const again = fakeIo();
    expect(await run(['publish', '--data', dataDir, '--out', a], again.io)).toBe(0);
    expect(again.out.join('\n')).toMatch(/0 copied/);
    expect(await filesOf(a)).toEqual(await filesOf(b));
    expect(Object.keys(await filesOf(a)).sort()).toEqual([
      'manifest.json',
      `media/${ref.slice('media:'.length)}`,
    ]);

    const checked = fakeIo();
    expect(await run(['validate', a], checked.io)).toBe(0);
    expect(checked.out[0]).toMatch(
      /manifest\.json: valid bundle manifest, revision [0-9a-f]{12}, sequence 1, 1 media files \(all present and matching\), unsigned/,
    );

    // A damaged media file and an edited manifest are both caught, with their JSON paths.
    const blob = path.join(a, 'media', ref.slice('media:'.length));
    const bytes = await readFile(blob);
    bytes[bytes.length - 1]! ^= 1;
    await writeFile(blob, bytes);
    const damaged = fakeIo();
    expect(await run(['validate', a], damaged.io)).toBe(1);
    expect(damaged.err).toEqual([
      `manifest.json: $.files[0]: media/${ref.slice('media:'.length)} does not match its sha256`,
    ]);

    const manifestFile = path.join(b, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.content.playlists[0].slides[0].title.en = 'Edited by hand';
    await writeFile(manifestFile, JSON.stringify(manifest));
    const edited = fakeIo();
    expect(await run(['validate', manifestFile], edited.io)).toBe(1);
    expect(edited.err[0]).toMatch(/^manifest\.json: \$\.revision: does not match/);

    manifest.files[0].sha256 = 'nope';
    await writeFile(manifestFile, JSON.stringify(manifest));
    const invalid = fakeIo();
    expect(await run(['validate', manifestFile], invalid.io)).toBe(1);
    expect(invalid.err).toContain(
      'manifest.json: $.files[0].sha256: must be 64 lowercase hex digits',
    );
  });

  it('numbers each publish of new content one above the folder, and takes --sequence above it', async () => {
    const { dataDir } = await dataWithPicture();
    const out = await tempDir('kiosk-out-');
    const sequence = async () =>
      JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')).sequence as number;
    const rename = async (name: string) => {
      const file = path.join(dataDir, 'content.json');
      const content = JSON.parse(await readFile(file, 'utf8'));
      content.playlists[0].name = name;
      await writeFile(file, JSON.stringify(content));
    };
    expect(await run(['publish', '--data', dataDir, '--out', out], fakeIo().io)).toBe(0);
    expect(await sequence()).toBe(1);
    // The same content again keeps its number: the bundle's files stay identical.
    expect(await run(['publish', '--data', dataDir, '--out', out], fakeIo().io)).toBe(0);
    expect(await sequence()).toBe(1);
    await rename('Second');
    expect(await run(['publish', '--data', dataDir, '--out', out], fakeIo().io)).toBe(0);
    expect(await sequence()).toBe(2);

    await rename('Third');
    const low = fakeIo();
    expect(await run(['publish', '--data', dataDir, '--out', out, '--sequence', '2'], low.io)).toBe(
      1,
    );
    expect(low.err[0]).toMatch(/sequence must be a whole number above 2 .*got 2/);
    expect(await sequence()).toBe(2);
    const high = fakeIo();
    expect(
      await run(['publish', '--data', dataDir, '--out', out, '--sequence', '40'], high.io),
    ).toBe(0);
    expect(high.out[0]).toMatch(/as sequence 40/);
    const checked = fakeIo();
    expect(await run(['validate', out], checked.io)).toBe(0);
    expect(checked.out[0]).toMatch(/sequence 40,/);

    // A manifest that cannot be read at all cannot be continued without a number.
    await writeFile(path.join(out, 'manifest.json'), '{ cut sh');
    await rename('Fourth');
    const damaged = fakeIo();
    expect(await run(['publish', '--data', dataDir, '--out', out], damaged.io)).toBe(1);
    expect(damaged.err[0]).toMatch(
      /not a valid bundle manifest, so its sequence cannot be continued/,
    );
    expect(
      await run(['publish', '--data', dataDir, '--out', out, '--sequence', '41'], fakeIo().io),
    ).toBe(0);
    expect(await sequence()).toBe(41);
  });

  it('makes keys, signs with them, and checks signatures', async () => {
    const { dataDir } = await dataWithPicture();
    const keys = await tempDir('kiosk-keys-');
    const made = fakeIo();
    expect(await run(['keys', 'generate', '--out', keys], made.io)).toBe(0);
    expect(made.out[0]).toMatch(/^Made key [0-9a-f]{16}:/);
    const privateFile = path.join(keys, 'bundle-signing.key');
    const publicFile = path.join(keys, 'bundle-signing.pub');
    expect((await stat(privateFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(publicFile, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const twice = fakeIo();
    expect(await run(['keys', 'generate', '--out', keys], twice.io)).toBe(1);
    expect(twice.err[0]).toMatch(/already exists/);

    const out = await tempDir('kiosk-out-');
    const signed = fakeIo();
    expect(
      await run(['publish', '--data', dataDir, '--out', out, '--key', privateFile], signed.io),
    ).toBe(0);
    expect(signed.out[0]).toMatch(/signed with key [0-9a-f]{16}/);
    const verified = fakeIo();
    expect(await run(['validate', out, '--key', publicFile], verified.io)).toBe(0);
    expect(verified.out[0]).toMatch(/signed with key [0-9a-f]{16} \(verified\)/);

    const other = await tempDir('kiosk-keys-');
    await run(['keys', 'generate', '--out', other], fakeIo().io);
    const wrongKey = fakeIo();
    expect(
      await run(['validate', out, '--key', path.join(other, 'bundle-signing.pub')], wrongKey.io),
    ).toBe(1);
    expect(wrongKey.err[0]).toMatch(
      /^manifest\.json: \$\.signature: the bundle is signed with key/,
    );

    const notAKey = fakeIo();
    expect(
      await run(['publish', '--data', dataDir, '--out', out, '--key', publicFile], notAKey.io),
    ).toBe(1);
    expect(notAKey.err[0]).toMatch(/is not a private key/);
  });

  it('refuses a foreign output folder and content whose media are missing', async () => {
    const { dataDir, ref } = await dataWithPicture();
    const foreign = await tempDir('kiosk-out-');
    await writeFile(path.join(foreign, 'notes.txt'), 'mine');
    const refused = fakeIo();
    expect(await run(['publish', '--data', dataDir, '--out', foreign], refused.io)).toBe(1);
    expect(refused.err[0]).toMatch(/is not empty and holds no bundle \(it has notes\.txt\)/);
    expect(await readdir(foreign)).toEqual(['notes.txt']);

    const { rm } = await import('node:fs/promises');
    await rm(path.join(dataDir, 'media', ref.slice('media:'.length)));
    const missing = fakeIo();
    expect(await run(['publish', '--data', dataDir, '--out', await tempDir()], missing.io)).toBe(1);
    expect(missing.err[0]).toMatch(new RegExp(`uses ${ref}, but .* is missing`));
  });

  it('exits 2 with a usage line on bad arguments, and has --help', async () => {
    for (const argv of [
      ['publish'],
      ['publish', '--data', 'x'],
      ['publish', '--out', 'x'],
      ['publish', '--data', 'x', '--out', 'y', 'extra'],
      ['publish', '--bogus'],
      ['publish', '--data', 'x', '--out', 'y', '--sequence', '0'],
      ['publish', '--data', 'x', '--out', 'y', '--sequence', 'next'],
      ['keys'],
      ['keys', 'make'],
      ['keys', 'generate'],
      ['validate', 'a', '--key'],
      ['validate', path.join(paths.assetsDir, 'content/content.json'), '--key', 'k.pub'],
    ]) {
      const result = fakeIo();
      expect(await run(argv, result.io), argv.join(' ')).toBe(2);
      expect(result.err.at(-1)).toMatch(/^usage: openness-kiosk (publish|keys|validate)/);
    }
    for (const argv of [
      ['publish', '--help'],
      ['keys', '--help'],
      ['keys', 'generate', '--help'],
      ['validate', '--help'],
    ]) {
      const result = fakeIo();
      expect(await run(argv, result.io)).toBe(0);
      expect(result.out[0]).toMatch(/^usage: openness-kiosk/);
    }
  });
});
