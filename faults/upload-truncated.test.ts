/**
 * Empty, too-short and truncated uploads against the real host (faults/support/upload-host.ts).
 * The type is judged by the first bytes (file-type); the container's own lengths are then walked
 * to the end of the file (structure.ts), so a file cut after its header is refused, with no trace.
 */
import { expect, it } from 'vitest';
import { fixture, makePng } from '../host/media/test-files.js';
import { errorOf, expectRefused } from './support/raw-http.js';
import { junk } from './support/samples.js';
import { begin, describeUploads, release, upload } from './support/upload-host.js';

const png = makePng(16, 16, 400);

describeUploads('empty and truncated uploads', (run) => {
  it('refuses an empty file at begin', async () => {
    const before = await run.snap();
    const empty = await run.staff.call('media:upload-begin', { name: 'empty.png', size: 0 });
    expectRefused(empty, 400, /Some values are not valid/, 'an empty file');
    expect(errorOf(empty)?.problems?.[0]?.path).toBe('$.size');
    await run.expectNoTrace(before, 'an empty file');
  });

  it.each([
    ['one-byte.png', Buffer.from([0x89])],
    ['signature-only.png', png.subarray(0, 8)],
    ['signature-and-length.png', png.subarray(0, 12)],
    ['soi-only.jpg', fixture('canvas.jpg').subarray(0, 2)],
    ['box-header.mp4', fixture('recorded.mp4').subarray(0, 8)],
    ['ebml-start.webm', fixture('recorded.webm').subarray(0, 16)],
    ['riff-only.webp', fixture('canvas.webp').subarray(0, 4)],
    ['zeros.mp4', Buffer.alloc(4096)],
  ] as const)('refuses %s, too short to be what it starts like', async (name, bytes) => {
    const before = await run.snap();
    const { step, reply } = await upload(run.staff, name, bytes);
    expect(step, name).toBe('finish');
    expectRefused(reply, 415, /could not be recognised/, name);
    await run.expectNoTrace(before, name);
  });

  it('refuses finishing before every byte has arrived; the upload can go on', async () => {
    const before = await run.snap();
    const uploadId = await begin(run.staff, 'half.png', png.length);
    const half = Math.floor(png.length / 2);
    expect((await run.staff.chunk(uploadId, 0, junk(half))).status).toBe(200);
    expectRefused(
      await run.staff.call('media:upload-finish', { uploadId }),
      400,
      new RegExp(`ended at ${half} of ${png.length} bytes`),
      'finish half-way',
    );
    await release(run.staff, uploadId);
    await run.expectNoTrace(before, 'finish half-way');
  });

  const picture = makePng(64, 64, 500);
  const jpg = fixture('canvas.jpg');
  const mp4 = fixture('recorded.mp4');
  const webm = fixture('recorded.webm');
  const webp = fixture('canvas.webp');
  it.each([
    ['half.png', picture.subarray(0, picture.length >> 1)],
    ['header-only.png', picture.subarray(0, 33)],
    ['half.jpg', jpg.subarray(0, jpg.length >> 1)],
    ['three-bytes.jpg', jpg.subarray(0, 3)],
    ['half.mp4', mp4.subarray(0, mp4.length >> 1)],
    ['ftyp-only.mp4', mp4.subarray(0, 32)],
    ['half.webm', webm.subarray(0, webm.length >> 1)],
    ['half.webp', webp.subarray(0, webp.length >> 1)],
  ] as const)('refuses %s, cut short after its header', async (name, bytes) => {
    const before = await run.snap();
    const { reply } = await upload(run.staff, name, bytes);
    expect(reply.status, `${name}, truncated, was accepted: ${reply.text}`).toBeGreaterThanOrEqual(
      400,
    );
    expect(reply.status, `${name}, truncated, was accepted: ${reply.text}`).toBeLessThan(500);
    if (bytes.length > 3) expectRefused(reply, 400, /is incomplete or damaged: /, name);
    await run.expectNoTrace(before, name);
  });
});
