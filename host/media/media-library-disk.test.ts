import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KioskError } from '#core/errors';
import { tempDir } from '../test-helpers.js';
import { MediaLibrary } from './media-library.js';
import { fixture, makePng, makeVtt, upload } from './test-files.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function withThree() {
  const dataDir = await tempDir('kiosk-media-');
  let now = Date.parse('2026-03-01T10:00:00Z');
  const library = await MediaLibrary.open({ dataDir, now: () => (now += 1000) });
  const png = await upload(library, 'lobby.png', makePng());
  const webm = await upload(library, 'tour.webm', fixture('recorded.webm'));
  const vtt = await upload(library, 'tour-en.vtt', makeVtt());
  await library.close();
  return { dataDir, media: path.join(dataDir, 'media'), items: [png, webm, vtt] };
}

describe('MediaLibrary on disk', () => {
  it('lists newest first and sees the same list after a restart', async () => {
    const { dataDir, items } = await withThree();
    const again = await MediaLibrary.open({ dataDir });
    expect(again.list()).toEqual([...items].reverse());
    expect(again.problems()).toEqual([]);
  });

  it('refuses to delete a file slides use, listing them', async () => {
    const { dataDir, media, items } = await withThree();
    const library = await MediaLibrary.open({ dataDir });
    const slides = ['Lobby › Welcome', 'Attract loop › Open for innovation'];
    const error = await library.delete(items[0]!.ref, slides).catch((e: KioskError) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect(error).toMatchObject({
      code: 'in-use',
      message: 'lobby.png is used by slides: Lobby › Welcome, Attract loop › Open for innovation',
      details: { slides },
    });
    expect(existsSync(path.join(media, items[0]!.ref.slice('media:'.length)))).toBe(true);
  });

  it('deletes a file no slide uses: the file and its record go, for good', async () => {
    const { dataDir, media, items } = await withThree();
    const library = await MediaLibrary.open({ dataDir });
    await library.delete(items[1]!.ref, []);
    expect(library.has(items[1]!.ref)).toBe(false);
    expect(existsSync(path.join(media, items[1]!.ref.slice('media:'.length)))).toBe(false);
    expect(await readdir(path.join(dataDir, 'uploads'))).toEqual([]);
    const reopened = await MediaLibrary.open({ dataDir });
    expect(reopened.list().map((item) => item.name)).toEqual(['tour-en.vtt', 'lobby.png']);
    const gone = await library.delete(items[1]!.ref, []).catch((e: KioskError) => e);
    expect(gone).toMatchObject({ code: 'not-found' });
  });

  it('rebuilds a corrupt index from the files, judging each by its bytes', async () => {
    const { dataDir, media, items } = await withThree();
    await writeFile(path.join(media, 'index.json'), '[{"ref": "media:', 'utf8');
    const library = await MediaLibrary.open({ dataDir });
    const byRef = new Map(library.list().map((item) => [item.ref, item]));
    expect(byRef.size).toBe(3);
    for (const item of items) {
      const file = item.ref.slice('media:'.length);
      expect(byRef.get(item.ref)).toMatchObject({ kind: item.kind, mime: item.mime, name: file });
    }
    expect(
      library
        .problems()
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/not valid JSON/);
    expect(library.problems().at(-1)).toEqual({
      source: 'media/index.json',
      path: '$',
      message: 'the media list was damaged and has been rebuilt from the files',
    });
    expect(await readFile(path.join(media, 'index.json.corrupt'), 'utf8')).toBe('[{"ref": "media:');
    const reopened = await MediaLibrary.open({ dataDir });
    expect(reopened.problems()).toEqual([]);
    expect(reopened.list()).toHaveLength(3);
  });

  it('keeps the good records of a partly bad index and drops records whose file is gone', async () => {
    const { dataDir, media, items } = await withThree();
    const good = items.slice(1);
    await writeFile(path.join(media, 'index.json'), JSON.stringify([{ ref: 'x' }, ...good]));
    await rm(path.join(media, items[2]!.ref.slice('media:'.length)));
    const library = await MediaLibrary.open({ dataDir });
    const names = library.list().map((item) => item.name);
    expect(names.sort()).toEqual([items[0]!.ref.slice('media:'.length), 'tour.webm']);
    const messages = library.problems().map((p) => `${p.path}: ${p.message}`);
    expect(messages.some((m) => m.startsWith('$[0].'))).toBe(true);
    expect(messages).toContain(
      '$: "tour-en.vtt" was listed but its file is missing; it was taken out of the library',
    );
  });

  it('leaves out stray files whose bytes do not match their name, and says so', async () => {
    const { dataDir, media } = await withThree();
    const png = makePng(3, 3, 42);
    await writeFile(path.join(media, `${sha(png)}.jpg`), png);
    const library = await MediaLibrary.open({ dataDir });
    expect(library.list()).toHaveLength(3);
    expect(library.problems()).toEqual([
      {
        source: `media/${sha(png)}.jpg`,
        path: '$',
        message: 'was left out of the library: its bytes are image/png',
      },
    ]);
  });

  it('sweeps old partial uploads and index temp files at start', async () => {
    const dataDir = await tempDir('kiosk-media-');
    const uploads = path.join(dataDir, 'uploads');
    const media = path.join(dataDir, 'media');
    await mkdir(uploads, { recursive: true });
    await mkdir(media, { recursive: true });
    await writeFile(path.join(uploads, 'old.part'), 'x');
    await writeFile(path.join(uploads, 'recent.part'), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(path.join(uploads, 'old.part'), twoHoursAgo, twoHoursAgo);
    await writeFile(path.join(media, 'index.json.3141592653'), '[');
    const library = await MediaLibrary.open({ dataDir });
    expect(await readdir(uploads)).toEqual(['recent.part']);
    expect(await readdir(media)).toEqual([]);
    expect(library.list()).toEqual([]);
    expect(library.problems()).toEqual([]);
  });

  it('never throws anything but a KioskError and never writes outside media/', async () => {
    const dataDir = await tempDir('kiosk-media-');
    const library = await MediaLibrary.open({ dataDir, limits: { chunkSize: 700 } });
    const signatures = [
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8, 0xff],
      [0x1a, 0x45, 0xdf, 0xa3],
      [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70],
      [0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
      [...Buffer.from('WEBVTT\n')],
      [...Buffer.from('<svg ')],
      [0x7f, 0x45, 0x4c, 0x46],
    ];
    const bytes = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 3000 }),
      fc
        .tuple(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 3000 }))
        .map(([head, tail]) => Uint8Array.from([...head, ...tail])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.string({ maxLength: 40 }), async (data, name) => {
        try {
          const item = await upload(library, name, data);
          expect(item.ref).toMatch(/^media:[a-f0-9]{64}\.(jpg|png|webp|avif|mp4|webm|vtt)$/);
        } catch (error) {
          if (!(error instanceof KioskError)) throw error;
        }
        expect((await readdir(dataDir)).sort()).toEqual(['media', 'uploads']);
        expect(await readdir(path.join(dataDir, 'uploads'))).toEqual([]);
        for (const file of await readdir(path.join(dataDir, 'media'))) {
          expect(file).toMatch(/^([a-f0-9]{64}\.(jpg|png|webp|avif|mp4|webm|vtt)|index\.json)$/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps no file in the library when its index cannot be written (a full disk)', async () => {
    const dataDir = await tempDir('kiosk-media-');
    const library = await MediaLibrary.open({ dataDir });
    // A folder where the index goes: its write fails after the file was moved into place.
    await mkdir(path.join(dataDir, 'media', 'index.json', 'blocked'), { recursive: true });
    const error = await upload(library, 'lobby.png', makePng()).catch((e: KioskError) => e);
    expect(error).toBeInstanceOf(KioskError);
    expect(error).toMatchObject({ code: 'failed' });
    expect((error as KioskError).message).toMatch(/^Could not store lobby\.png: /);
    expect(library.list()).toEqual([]);
    expect(await readdir(path.join(dataDir, 'media'))).toEqual(['index.json']);
    expect(await readdir(path.join(dataDir, 'uploads'))).toEqual([]);
    // Nothing for the next start to adopt either.
    await rm(path.join(dataDir, 'media', 'index.json'), { recursive: true });
    expect((await MediaLibrary.open({ dataDir })).list()).toEqual([]);
  });
});
