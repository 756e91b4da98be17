import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFile } from './detect.js';
import { incompleteReason } from './structure.js';
import { fixture, makeMkv, makePng, makeVtt } from './test-files.js';
import type { AcceptedType } from './detect.js';

let dir: string;
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'structure-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function reason(bytes: Uint8Array, ext: AcceptedType['ext']): Promise<string | undefined> {
  const file = path.join(dir, `f${count++}`);
  await writeFile(file, bytes);
  return incompleteReason(file, bytes.length, ext);
}

/** A box: 32-bit size, type, payload. */
function box(type: string, payload: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, payload]);
}

const whole: [string, AcceptedType['ext'], () => Buffer][] = [
  ['png', 'png', () => makePng(32, 24, 7)],
  ['jpg', 'jpg', () => fixture('canvas.jpg')],
  ['webp', 'webp', () => fixture('canvas.webp')],
  ['mp4', 'mp4', () => fixture('recorded.mp4')],
  ['webm', 'webm', () => fixture('recorded.webm')],
];

describe('whole files', () => {
  it.each(whole)('accepts a whole %s', async (_name, ext, make) => {
    expect(await reason(make(), ext)).toBeUndefined();
  });

  it('accepts a JPEG with bytes after its end marker, and Matroska-style WebM', async () => {
    const jpg = Buffer.concat([fixture('canvas.jpg'), Buffer.from('trailing preview data')]);
    expect(await reason(jpg, 'jpg')).toBeUndefined();
    expect(await reason(makeMkv(), 'webm')).toBeUndefined();
  });

  it('accepts MP4 boxes with a 64-bit size and a last box that runs to the end', async () => {
    const large = Buffer.alloc(24);
    large.writeUInt32BE(1);
    large.write('mdat', 4, 'latin1');
    large.writeBigUInt64BE(24n, 8);
    const toEnd = Buffer.concat([Buffer.from('\0\0\0\0mdat', 'latin1'), Buffer.alloc(100)]);
    const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0', 'latin1'));
    expect(await reason(Buffer.concat([ftyp, box('moov'), large, toEnd]), 'mp4')).toBeUndefined();
    const avif = Buffer.concat([
      box('ftyp', Buffer.from('avif', 'latin1')),
      box('meta'),
      box('mdat'),
    ]);
    expect(await reason(avif, 'avif')).toBeUndefined();
    expect(await reason(makeVtt(), 'vtt')).toBeUndefined();
  });
});

describe('files cut short', () => {
  // Every cut of the pictures is refused: their lengths all point past the cut. The browser's
  // fragmented MP4 ends with an optional random-access index (`mfra`, from byte 2574): without
  // it the video is whole and plays, so only that one cut passes.
  it.each(whole.filter(([name]) => name !== 'webm'))(
    'refuses a %s cut at every byte',
    async (name, ext, make) => {
      const bytes = make();
      const accepted: number[] = [];
      for (let cut = 1; cut < bytes.length; cut++) {
        if ((await reason(bytes.subarray(0, cut), ext)) === undefined) accepted.push(cut);
      }
      expect(accepted).toEqual(name === 'mp4' ? [2574] : []);
    },
  );

  it('refuses a streamed WebM cut inside an element; a cut between frames is a shorter video', async () => {
    const webm = fixture('recorded.webm');
    let refused = 0;
    for (let cut = 1; cut < webm.length; cut++) {
      if (await reason(webm.subarray(0, cut), 'webm')) refused++;
    }
    // Frames are most of the bytes; only cuts that land exactly between two elements pass.
    expect(refused / (webm.length - 1)).toBeGreaterThan(0.95);
    expect(await reason(webm.subarray(0, webm.length >> 1), 'webm')).toMatch(/needs \d+ bytes/);
    expect(await reason(webm.subarray(0, 40), 'webm')).toBeDefined();
  });

  it('says what is missing: no moov, no meta, no frames, a broken size', async () => {
    const ftyp = box('ftyp', Buffer.from('isom\0\0\0\0', 'latin1'));
    expect(await reason(Buffer.concat([ftyp, box('mdat')]), 'mp4')).toMatch(/no "moov" box/);
    expect(await reason(Buffer.concat([ftyp, box('moov')]), 'mp4')).toMatch(/no "mdat" box/);
    const open = Buffer.concat([ftyp, box('moov'), box('moof'), box('mdat'), box('moof')]);
    expect(await reason(open, 'mp4')).toMatch(/last fragment has no media data/);
    expect(await reason(box('ftyp'), 'avif')).toMatch(/no "meta" box/);
    const broken = Buffer.concat([ftyp, Buffer.from('\0\0\0\x04moov', 'latin1')]);
    expect(await reason(broken, 'mp4')).toMatch(/broken size/);
    const png = makePng();
    expect(await reason(png.subarray(0, png.length - 12), 'png')).toMatch(/before the PNG's IEND/);
  });
});

describe('detectFile', () => {
  it('refuses a cut picture as incomplete, naming what is wrong', async () => {
    const png = makePng(16, 16, 3);
    const file = path.join(dir, 'half.png');
    await writeFile(file, png.subarray(0, 50));
    const judgement = await detectFile(file, 50, 1024);
    expect(judgement.ok).toBe(false);
    if (judgement.ok) return;
    expect(judgement.error.code).toBe('invalid-input');
    expect(judgement.error.message).toMatch(
      /^This picture is incomplete or damaged: its "IDAT" chunk needs \d+ bytes but the file has 50\. Upload the whole file again/,
    );
  });

  it('refuses a cut video the same way', async () => {
    const mp4 = fixture('recorded.mp4');
    const file = path.join(dir, 'half.mp4');
    await writeFile(file, mp4.subarray(0, mp4.length >> 1));
    const judgement = await detectFile(file, mp4.length >> 1, 1024);
    expect(judgement.ok ? 'accepted' : judgement.error.message).toMatch(
      /^This video is incomplete or damaged/,
    );
  });
});
