import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskError } from '#core/errors';
import { tempDir } from '../test-helpers.js';
import { MediaLibrary } from './media-library.js';
import {
  executableHeader,
  fixture,
  makeExe,
  makeMkv,
  makePng,
  makeSvg,
  makeVtt,
  upload,
} from './test-files.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function openLibrary(limits = {}) {
  const dataDir = await tempDir('kiosk-media-');
  const library = await MediaLibrary.open({ dataDir, limits });
  return { dataDir, library, media: path.join(dataDir, 'media') };
}

/** The error a promise (or a throwing call) fails with. */
async function failure(run: () => unknown): Promise<KioskError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(KioskError);
    return error as KioskError;
  }
  throw new Error('expected a failure');
}

describe('MediaLibrary uploads', () => {
  it('stores a PNG sent in many chunks under its sha256, byte for byte', async () => {
    const { library, media } = await openLibrary({ chunkSize: 100 });
    const png = makePng(20, 20);
    const item = await upload(library, 'lobby.png', png);
    expect(item).toMatchObject({
      ref: `media:${sha(png)}.png`,
      kind: 'image',
      mime: 'image/png',
      size: png.length,
      name: 'lobby.png',
    });
    expect(new Date(item.uploadedAt).toISOString()).toBe(item.uploadedAt);
    expect(await readFile(path.join(media, `${sha(png)}.png`))).toEqual(png);
    expect(library.list()).toEqual([item]);
    expect(library.has(item.ref)).toBe(true);
    expect(await readdir(path.join(media, '..', 'uploads'))).toEqual([]);
  });

  it.each([
    ['canvas.jpg', 'image', 'image/jpeg', 'jpg'],
    ['canvas.webp', 'image', 'image/webp', 'webp'],
    ['recorded.webm', 'video', 'video/webm', 'webm'],
    ['recorded.mp4', 'video', 'video/mp4', 'mp4'],
  ] as const)('accepts the browser-made %s', async (name, kind, mime, ext) => {
    const { library } = await openLibrary();
    const bytes = fixture(name);
    const item = await upload(library, name, bytes);
    expect(item).toMatchObject({ kind, mime, ref: `media:${sha(bytes)}.${ext}` });
  });

  it('accepts WebVTT captions, with or without a byte-order mark', async () => {
    const { library } = await openLibrary();
    const plain = await upload(library, 'en.vtt', makeVtt('Welcome'));
    const bom = await upload(library, 'fr.vtt', makeVtt('Bienvenue en Belgique', true));
    for (const item of [plain, bom]) {
      expect(item).toMatchObject({ kind: 'captions', mime: 'text/vtt' });
      expect(item.ref).toMatch(/\.vtt$/);
    }
  });

  it('refuses captions that are not UTF-8', async () => {
    const { library } = await openLibrary();
    const latin1 = Buffer.concat([makeVtt('Caf'), Buffer.from([0xe9, 0x0a])]);
    const error = await failure(() => upload(library, 'fr.vtt', latin1));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toMatch(/UTF-8/);
  });

  it.each([true, false])('refuses SVG (with an XML prolog: %s) and says why', async (prolog) => {
    const { library, media } = await openLibrary();
    const error = await failure(() => upload(library, 'logo.svg', makeSvg(prolog)));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toBe(
      'SVG files can carry scripts, so they are not accepted; export the picture as PNG or WebP.',
    );
    expect(await readdir(media)).toEqual([]);
  });

  it('judges by bytes: a PNG named .jpg is a PNG; executables named .png are refused', async () => {
    const { library } = await openLibrary();
    const png = makePng(4, 4, 7);
    const item = await upload(library, 'photo.jpg', png);
    expect(item).toMatchObject({ mime: 'image/png', name: 'photo.jpg' });
    expect(item.ref).toBe(`media:${sha(png)}.png`);

    const exe = await failure(() => upload(library, 'cat.png', makeExe()));
    expect(exe.code).toBe('unsupported-type');
    expect(exe.message).toMatch(/application\/x-msdownload \(\.exe\)/);
    const native = await failure(() => upload(library, 'dog.png', executableHeader()));
    expect(native.code).toBe('unsupported-type');
    expect(library.list()).toEqual([item]);
  });

  it('refuses Matroska that is not WebM, naming what it is', async () => {
    const { library } = await openLibrary();
    const error = await failure(() => upload(library, 'film.webm', makeMkv()));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toMatch(/matroska/);
  });

  it('refuses bytes of no known type', async () => {
    const { library } = await openLibrary();
    const error = await failure(() => upload(library, 'notes.png', Buffer.from('just text\n')));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toMatch(/could not be recognised/);
  });

  it('refuses a truncated upload at finish, and lets it resume', async () => {
    const { library } = await openLibrary();
    const png = makePng(30, 30);
    const { uploadId } = library.begin('big.png', png.length);
    await library.chunk(uploadId, 0, png.subarray(0, 100));
    const error = await failure(() => library.finish(uploadId));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(`ended at 100 of ${png.length} bytes`);
    await library.chunk(uploadId, 100, png.subarray(100));
    expect((await library.finish(uploadId)).mime).toBe('image/png');
  });

  it('refuses chunks out of order and says where to continue', async () => {
    const { library } = await openLibrary();
    const png = makePng();
    const { uploadId } = library.begin('a.png', png.length);
    const error = await failure(() => library.chunk(uploadId, 10, png.subarray(10)));
    expect(error.code).toBe('invalid-input');
    expect(error.details).toEqual({ received: 0 });
    await library.chunk(uploadId, 0, png.subarray(0, 10));
    const again = await failure(() => library.chunk(uploadId, 0, png.subarray(0, 10)));
    expect(again.details).toEqual({ received: 10 });
  });

  it('keeps chunks sent at once in order', async () => {
    const { library } = await openLibrary({ chunkSize: 50 });
    const png = makePng(16, 16);
    const { uploadId } = library.begin('a.png', png.length);
    const offsets = Array.from({ length: Math.ceil(png.length / 50) }, (_, i) => i * 50);
    await Promise.all(offsets.map((o) => library.chunk(uploadId, o, png.subarray(o, o + 50))));
    expect((await library.finish(uploadId)).ref).toBe(`media:${sha(png)}.png`);
  });

  it('refuses a declared size over the largest limit at once', async () => {
    const { library } = await openLibrary();
    const error = await failure(() => library.begin('film.mp4', 600 * 1024 * 1024));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('film.mp4 is 600 MB; the limit for videos is 500 MB');
    expect(error.details).toEqual({ limit: 500 * 1024 * 1024 });
  });

  it('refuses a picture over its limit as soon as its first bytes show it is a picture', async () => {
    const { library, dataDir } = await openLibrary();
    const png = makePng(64, 64);
    const { uploadId } = library.begin('huge.png', 30 * 1024 * 1024);
    const error = await failure(() => library.chunk(uploadId, 0, png));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('huge.png is 30 MB; the limit for pictures is 25 MB');
    expect((await failure(() => library.chunk(uploadId, png.length, png))).code).toBe('not-found');
    expect(await readdir(path.join(dataDir, 'uploads'))).toEqual([]);
  });

  it('refuses captions over their limit', async () => {
    const { library } = await openLibrary({ captions: 1024 * 1024 });
    const vtt = makeVtt('x'.repeat(1024 * 1024));
    const error = await failure(() => upload(library, 'long.vtt', vtt));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('long.vtt is 1.1 MB; the limit for captions files is 1 MB');
  });

  it('refuses an executable from its first chunk, before the rest is sent', async () => {
    const { library } = await openLibrary();
    const { uploadId } = library.begin('setup.png', 200 * 1024 * 1024);
    const error = await failure(() => library.chunk(uploadId, 0, makeExe()));
    expect(error.code).toBe('unsupported-type');
  });

  it('refuses bytes beyond the declared size, and chunks over the chunk size', async () => {
    const { library } = await openLibrary({ chunkSize: 64 });
    const png = makePng();
    const { uploadId } = library.begin('a.png', 40);
    const error = await failure(() => library.chunk(uploadId, 0, png.subarray(0, 41)));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch('past the declared size of 40 bytes');
    const big = await failure(() => library.chunk(uploadId, 0, png.subarray(0, 65)));
    expect(big.code).toBe('invalid-input');
  });

  it('keeps names for display only: no folders, no control characters, 255 at most', async () => {
    const { library, dataDir, media } = await openLibrary();
    const names = ['../../etc/passwd', '..\\..\\windows\\win.ini', 'a\u0000b\u202egpj.exe', '..'];
    const stored = [];
    for (const [i, name] of names.entries()) {
      stored.push((await upload(library, name, makePng(2, 2, i))).name);
    }
    stored.push((await upload(library, `${'é'.repeat(300)}.png`, makePng(2, 2, 9))).name);
    expect(stored.slice(0, 4)).toEqual(['passwd', 'win.ini', 'abgpj.exe', 'untitled']);
    expect(Array.from(stored[4]!)).toHaveLength(255);
    expect(await readdir(dataDir)).toEqual(['media', 'uploads']);
    const files = await readdir(media);
    expect(files.filter((f) => f !== 'index.json')).toHaveLength(5);
    for (const file of files) expect(file).toMatch(/^([a-f0-9]{64}\.png|index\.json)$/);
    expect(existsSync(path.join(dataDir, '..', 'etc', 'passwd'))).toBe(false);
  });

  it('stores identical bytes once and keeps the first name', async () => {
    const { library, media } = await openLibrary();
    const png = makePng();
    const first = await upload(library, 'first.png', png);
    const second = await upload(library, 'second.png', png);
    expect(second).toEqual({ ...first, existing: true });
    expect(library.list()).toHaveLength(1);
    expect((await readdir(media)).sort()).toEqual([`${sha(png)}.png`, 'index.json']);
  });

  it('says an unknown upload is not in progress', async () => {
    const { library } = await openLibrary();
    expect((await failure(() => library.chunk('nope', 0, new Uint8Array(1)))).code).toBe(
      'not-found',
    );
    expect((await failure(() => library.finish('nope'))).code).toBe('not-found');
  });

  it('cancels an upload: its slot is free and its bytes are gone at once', async () => {
    const dataDir = await tempDir('kiosk-media-');
    const library = await MediaLibrary.open({ dataDir });
    const ids = [1, 2, 3, 4].map((i) => library.begin(`${i}.png`, 100).uploadId);
    await library.chunk(ids[0]!, 0, makePng().subarray(0, 10));
    expect((await failure(() => library.begin('5.png', 100))).code).toBe('conflict');
    await library.cancel(ids[0]!);
    expect(await readdir(path.join(dataDir, 'uploads'))).toEqual([]);
    expect(library.begin('5.png', 100).chunkSize).toBe(1024 * 1024);
    expect((await failure(() => library.chunk(ids[0]!, 10, new Uint8Array(1)))).code).toBe(
      'not-found',
    );
    expect((await failure(() => library.cancel(ids[0]!))).code).toBe('not-found');
    expect(library.list()).toEqual([]);
    await library.close();
  });

  it('allows a few uploads at once and removes abandoned ones', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const dataDir = await tempDir('kiosk-media-');
    const library = await MediaLibrary.open({ dataDir, now: () => now });
    const ids = [1, 2, 3, 4].map((i) => library.begin(`${i}.png`, 100).uploadId);
    await library.chunk(ids[0]!, 0, makePng().subarray(0, 10));
    expect(await readdir(path.join(dataDir, 'uploads'))).toEqual([`${ids[0]}.part`]);
    expect((await failure(() => library.begin('5.png', 100))).code).toBe('conflict');
    now += 11 * 60_000;
    expect(await library.sweepAbandoned()).toBe(4);
    expect(await readdir(path.join(dataDir, 'uploads'))).toEqual([]);
    expect((await failure(() => library.chunk(ids[0]!, 10, new Uint8Array(1)))).code).toBe(
      'not-found',
    );
    expect(library.begin('5.png', 100).chunkSize).toBe(1024 * 1024);
    await library.close();
  });
});
