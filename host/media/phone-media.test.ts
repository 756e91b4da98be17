/**
 * What phones and PCs make, through the real library: iPhone MOV, HEVC, HEIC, animated GIF,
 * SubRip captions, empty files. The media are made by ffmpeg and ImageMagick as the test runs.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { codecRefusal, EMPTY_FILE_MESSAGE, HEVC_REFUSAL } from '#core/media';
import { failure, tempDir } from '../test-helpers.js';
import { headCodecs } from './codecs.js';
import { sniffHead } from './detect.js';
import { MediaLibrary } from './media-library.js';
import { fileOfRef } from './media-index.js';
import {
  makeAnimatedGif,
  makeHeic,
  makePhoneVideo,
  makeSrt,
  makeVtt,
  makeWithTool,
  upload,
} from './test-files.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function openLibrary() {
  const dataDir = await tempDir('kiosk-phone-');
  const library = await MediaLibrary.open({ dataDir });
  return { library, media: path.join(dataDir, 'media') };
}

// ffmpeg's x265 takes a few seconds on a loaded machine.
const SLOW = 60_000;

describe('phone media', () => {
  it(
    'accepts an iPhone-style MOV with H.264 and AAC, stored as MP4',
    { timeout: SLOW },
    async () => {
      const mov = makePhoneVideo('h264', 'mov');
      expect(mov.toString('latin1', 4, 12)).toBe('ftypqt  ');
      expect(headCodecs(mov).map((c) => `${c.track}:${c.format}`)).toEqual([
        'video:avc1',
        'sound:mp4a',
      ]);
      const { library, media } = await openLibrary();
      const item = await upload(library, 'IMG_0042.MOV', mov);
      expect(item).toMatchObject({ kind: 'video', mime: 'video/mp4', name: 'IMG_0042.MOV' });
      expect(item.ref).toBe(`media:${sha(mov)}.mp4`);
      expect(await readFile(path.join(media, fileOfRef(item.ref)))).toEqual(mov);
    },
  );

  it.each(['mov', 'mp4'] as const)(
    'refuses HEVC video in %s, naming the codec and what to do',
    { timeout: SLOW },
    async (container) => {
      const hevc = makePhoneVideo('hevc', container);
      expect(headCodecs(hevc).map((c) => c.format)).toContain('hvc1');
      // Refused from the first bytes already, before the rest is sent.
      expect(await sniffHead(hevc.subarray(0, 4100))).toMatchObject({ ok: false });
      const { library } = await openLibrary();
      const error = await failure(() => upload(library, `IMG_0043.${container}`, hevc, 1024));
      expect(error.code).toBe('unsupported-type');
      expect(error.message).toBe(HEVC_REFUSAL);
      expect(error.details).toMatchObject({ codec: 'hvc1' });
      expect(library.list()).toEqual([]);
    },
  );

  it(
    'refuses HEVC whose index comes last, once the whole file is in',
    { timeout: SLOW },
    async () => {
      const hevc = makePhoneVideo('hevc', 'mov', false);
      expect(await sniffHead(hevc.subarray(0, 4100))).toMatchObject({ ok: true });
      const { library } = await openLibrary();
      const error = await failure(() => upload(library, 'edited.mov', hevc));
      expect(error.message).toBe(HEVC_REFUSAL);
    },
  );

  it('refuses a QuickTime video in a codec the kiosk cannot play, naming it', async () => {
    const mov = makeWithTool(
      'ffmpeg',
      [
        ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
        ...['-i', 'testsrc=size=160x120:rate=10:duration=1', '-c:v', 'mpeg4', '-f', 'mov', 'OUT'],
      ],
      'mov',
    );
    const { library } = await openLibrary();
    const error = await failure(() => upload(library, 'old-camera.mov', mov));
    expect(error.code).toBe('unsupported-type');
    expect(error.message).toBe(codecRefusal('MPEG-4 Part 2 video'));
  });

  it('knows SubRip captions from their first bytes', async () => {
    expect(await sniffHead(makeSrt())).toMatchObject({
      ok: true,
      type: { kind: 'captions', ext: 'vtt', from: 'srt' },
    });
  });

  it('accepts an animated GIF as a picture, all its frames kept', async () => {
    const gif = makeAnimatedGif();
    const { library } = await openLibrary();
    const item = await upload(library, 'wave.gif', gif);
    expect(item).toMatchObject({ kind: 'image', mime: 'image/gif', ref: `media:${sha(gif)}.gif` });
  });

  it('refuses a GIF cut short', async () => {
    const gif = makeAnimatedGif();
    const { library } = await openLibrary();
    const error = await failure(() => upload(library, 'cut.gif', gif.subarray(0, gif.length - 20)));
    expect(error.message).toMatch(/^This picture is incomplete or damaged: it ends at byte/);
  });

  it('turns an HEIC photo into a JPEG', { timeout: SLOW }, async () => {
    const heic = makeHeic();
    expect(await fileTypeFromBuffer(heic)).toMatchObject({ ext: 'heic' });
    const { library, media } = await openLibrary();
    const item = await upload(library, 'IMG_0044.HEIC', heic);
    expect(item).toMatchObject({ kind: 'image', mime: 'image/jpeg', name: 'IMG_0044.HEIC' });
    const stored = await readFile(path.join(media, fileOfRef(item.ref)));
    expect(await fileTypeFromBuffer(stored)).toMatchObject({ ext: 'jpg' });
    expect(item.ref).toBe(`media:${sha(stored)}.jpg`);
    expect(item.size).toBe(stored.length);
    // The same photo again is the same JPEG, already there.
    expect(await upload(library, 'again.heic', heic)).toEqual({ ...item, existing: true });
  });

  it(
    'refuses an HEIC photo it cannot decode, saying how to get a JPEG',
    { timeout: SLOW },
    async () => {
      const heic = Buffer.from(makeHeic());
      // The boxes stay whole; the coded picture inside becomes zeros.
      heic.fill(0, heic.indexOf('mdat') + 4);
      const { library } = await openLibrary();
      const error = await failure(() => upload(library, 'IMG_0045.HEIC', heic));
      expect(error.code).toBe('unsupported-type');
      expect(error.message).toMatch(/^This HEIC photo could not be turned into a JPEG \(.+\)\./);
      expect(error.message).toContain('Settings > Camera > Formats > Most Compatible');
      expect(library.list()).toEqual([]);
    },
  );

  it('turns SubRip captions into WebVTT', async () => {
    const { library, media } = await openLibrary();
    const item = await upload(library, 'welcome.srt', makeSrt());
    expect(item).toMatchObject({ kind: 'captions', mime: 'text/vtt', name: 'welcome.srt' });
    const vtt = await readFile(path.join(media, fileOfRef(item.ref)), 'utf8');
    expect(vtt).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\n<i>Welcome to Belgium</i>\n\n' +
        '2\n00:00:02.500 --> 00:00:05.000\nVisas: first floor\n',
    );
  });

  it('reads Windows-1252 SubRip files too', async () => {
    const { library, media } = await openLibrary();
    const latin = Buffer.from('1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf\xe9 \x80 5\r\n', 'latin1');
    const item = await upload(library, 'cafe.srt', latin);
    const vtt = await readFile(path.join(media, fileOfRef(item.ref)), 'utf8');
    expect(vtt).toContain('Café € 5');
  });

  it('refuses broken SubRip captions, naming the line', async () => {
    const { library } = await openLibrary();
    const bad = Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nOK\n\n2\n00:00:03 -> 4\nBad\n');
    const error = await failure(() => upload(library, 'bad.srt', bad));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('could not be read: line 6: expected cue times');
    expect(error.details).toEqual({ line: 6 });
  });

  it('says an empty file is empty', async () => {
    const { library } = await openLibrary();
    const error = await failure(() => library.begin('blank.jpg', 0));
    expect(error.message).toBe(`blank.jpg: ${EMPTY_FILE_MESSAGE}`);
  });

  it('marks an upload of bytes already in the library as existing, with the first name', async () => {
    const { library } = await openLibrary();
    const first = await upload(library, 'visa.vtt', makeVtt());
    expect(first.existing).toBeUndefined();
    const again = await upload(library, 'visa-copy.vtt', makeVtt());
    expect(again).toMatchObject({ existing: true, name: 'visa.vtt' });
  });

  it('tells listeners when a file is added or removed, not when the same bytes come again', async () => {
    const { library } = await openLibrary();
    let changes = 0;
    const stop = library.onChange(() => changes++);
    const item = await upload(library, 'a.vtt', makeVtt());
    await upload(library, 'b.vtt', makeVtt());
    expect(changes).toBe(1);
    await library.delete(item.ref, []);
    expect(changes).toBe(2);
    stop();
    await upload(library, 'c.vtt', makeVtt());
    expect(changes).toBe(2);
  });
});
