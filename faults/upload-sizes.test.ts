/**
 * Uploads over the size limits of host/media/limits.ts, and request bodies over the HTTP limit,
 * against the real host (faults/support/upload-host.ts): refused early (streamed, never held
 * whole) with a 413 or 400 and no trace; exactly at a limit is fine.
 */
import { expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../host/media/limits.js';
import { makeVtt } from '../host/media/test-files.js';
import { errorOf, expectRefused, refusalWith } from './support/raw-http.js';
import { joined, junk, MiB, pngOfSize, sha256Of } from './support/samples.js';
import { begin, describeUploads, fileOf, release, upload } from './support/upload-host.js';

const CHUNK = DEFAULT_LIMITS.chunkSize;
const { image, video, captions } = DEFAULT_LIMITS;

describeUploads('uploads over the size limits', (run) => {
  it('refuses a size bigger than any kind may be at begin, before a byte is sent', async () => {
    const over = /the limit for (pictures|videos|captions files) is \d+(\.\d+)? MB$/;
    const before = await run.snap();
    const huge = await run.staff.call('media:upload-begin', { name: 'film.mp4', size: video + 1 });
    expectRefused(huge, 413, over, 'a video one byte over the limit');
    expect(errorOf(huge)?.message).toMatch(/the limit for videos is 500 MB$/);
    expect(refusalWith(huge, 'too-large').details).toEqual({ limit: video });
    await run.expectNoTrace(before, 'a size over the limit at begin');
  });

  it('refuses sizes that are not a positive whole number at begin', async () => {
    const before = await run.snap();
    for (const size of [0, -1, 1.5, '100', 1e300, Number.MAX_SAFE_INTEGER + 2, null]) {
      const reply = await run.staff.call('media:upload-begin', { name: 'x.png', size });
      expectRefused(reply, 400, /Some values are not valid/, `size ${size}`);
      expect(errorOf(reply)?.problems?.[0]?.path).toBe('$.size');
    }
    await run.expectNoTrace(before, 'sizes refused at begin');
  });

  // Refused at the first chunk, once the bytes say what it is; the rest of the file is never
  // read, and the upload is over.
  it.each([
    ['poster.png', () => pngOfSize(image + 1, 300), /the limit for pictures is 25 MB$/],
    [
      'subtitles.vtt',
      () => joined([makeVtt(), { fill: 0x41, length: captions + 1 - makeVtt().length }]),
      /the limit for captions files is 1 MB$/,
    ],
  ] as const)(
    'refuses %s one byte over its kind limit at the first chunk',
    async (name, make, limit) => {
      const source = make();
      const before = await run.snap();
      const { step, reply, uploadId } = await upload(run.staff, name, source);
      expect(step, name).toBe('chunk');
      expectRefused(reply, 413, limit, `${name}, one byte over`);
      expect(errorOf(reply)?.code).toBe('too-large');
      const next = await run.staff.chunk(uploadId!, CHUNK, source.read(CHUNK, CHUNK));
      expectRefused(next, 404, /This upload is not in progress/, `${name}: the next chunk`);
      await run.expectNoTrace(before, `${name}, one byte over`);
    },
  );

  it('streams a file of no known type between the picture and video limits to the end, then refuses it and removes its part file', async () => {
    const before = await run.snap();
    const unknown = joined([{ fill: 0x41, length: image + MiB }]);
    const streamed = await upload(run.staff, 'big.bin.png', unknown);
    expect(streamed.step).toBe('finish');
    expectRefused(streamed.reply, 415, /could not be recognised/, 'a 26 MiB file of no known type');
    await run.expectNoTrace(before, 'a 26 MiB file of no known type');
  });

  it('refuses a client that sends more than it declared', async () => {
    const before = await run.snap();
    const uploadId = await begin(run.staff, 'liar.png', 1000);
    expectRefused(
      await run.staff.chunk(uploadId, 0, junk(1001)),
      400,
      /goes past the declared size of 1000 bytes/,
      'more bytes than declared',
    );
    await release(run.staff, uploadId);
    await run.expectNoTrace(before, 'more bytes than declared');
  });

  it('refuses chunks bigger than the host asked for, and bodies over the HTTP limit without reading them all', async () => {
    const before = await run.snap();
    const uploadId = await begin(run.staff, 'wide.png', 2 * CHUNK);
    expectRefused(
      await run.staff.chunk(uploadId, 0, junk(CHUNK + 1)),
      400,
      new RegExp(`A chunk must be at most ${CHUNK} bytes`),
      'a chunk over the chunk size',
    );

    // Streamed with a Content-Length that says so, and chunked with none. The stream stops a
    // little past the limit and stays open (more bytes would only meet a closed connection):
    // the host must answer without waiting for the end.
    const piece = Buffer.alloc(64 * 1024, 0x42);
    const pieces = function* (total: number) {
      for (let sent = 0; sent < total; sent += piece.length) yield piece;
    };
    for (const withLength of [true, false]) {
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (withLength) headers['content-length'] = String(64 * MiB);
      const reply = await run.staff.request('media:upload-chunk', {
        path: `/api/call/media:upload-chunk?uploadId=${uploadId}&offset=0`,
        headers,
        stream: pieces(withLength ? piece.length : 2 * MiB + 4 * piece.length),
      });
      expectRefused(
        reply,
        413,
        /Request body is too large/,
        withLength ? 'a body that says it is 64 MiB' : 'a chunked body past 2 MiB',
      );
    }
    // Still nothing received: the upload goes on from offset 0.
    await release(run.staff, uploadId);
    await run.expectNoTrace(before, 'oversized chunks and bodies');
  });

  it('takes a picture exactly at the limit: the limits are where limits.ts says', async () => {
    const before = await run.snap();
    const atLimit = pngOfSize(image, 301);
    const fits = await upload(run.staff, 'exactly-25-MB.png', atLimit);
    expect(fits.reply.status, fits.reply.text).toBe(200);
    expect(fits.reply.body).toMatchObject({ size: image, mime: 'image/png' });
    expect(fileOf(fits.reply)).toBe(`${sha256Of(atLimit)}.png`);
    await run.expectOnlyNewMedia(before, [fileOf(fits.reply)], 'a picture at the limit');
  });
});
