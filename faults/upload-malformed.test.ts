/**
 * Malformed upload requests against the real host (faults/support/upload-host.ts): no file,
 * several files, broken JSON, bad ids and offsets, too many at once. Each is refused with a 4xx
 * and a message and leaves no trace; valid uploads still work afterwards.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../host/media/limits.js';
import { fixture, makePng, makeVtt } from '../host/media/test-files.js';
import { errorOf, expectRefused, send } from './support/raw-http.js';
import { junk, sha256Of } from './support/samples.js';
import type { Snapshot } from './support/snapshot.js';
import { begin, describeUploads, fileOf, release, upload } from './support/upload-host.js';

const invalid = /Some values are not valid/;
const notInProgress = /^This upload is not in progress/;

describeUploads('malformed upload requests', (run) => {
  it('refuses a begin with no file, several files, or broken JSON', async () => {
    const before = await run.snap();
    for (const [what, body] of [
      ['no body', undefined],
      ['an empty object', {}],
      ['no name', { size: 100 }],
      ['no size', { name: 'a.png' }],
      [
        'two files',
        [
          { name: 'a.png', size: 10 },
          { name: 'b.png', size: 10 },
        ],
      ],
      ['a string', 'a.png'],
    ] as const) {
      expectRefused(
        await run.staff.call('media:upload-begin', body),
        400,
        invalid,
        `begin: ${what}`,
      );
    }
    expectRefused(
      await run.staff.request('media:upload-begin', {
        path: '/api/call/media:upload-begin',
        headers: { 'content-type': 'application/json' },
        body: '{"name": "a.png", "size": ',
      }),
      400,
      /JSON/,
      'begin: broken JSON',
    );
    await run.expectNoTrace(before, 'malformed begins');
  });

  describe('on an upload in progress', () => {
    let before: Snapshot;
    let uploadId = '';

    beforeAll(async () => {
      before = await run.snap();
      uploadId = await begin(run.staff, 'target.png', 300);
    });

    it('refuses chunks with bad upload ids and offsets', async () => {
      for (const [what, id, offset, status, message] of [
        ['no upload id', '', '0', 404, notInProgress],
        ['a path as upload id', '../../etc/passwd', '0', 404, notInProgress],
        ['an id with a part suffix', `${uploadId}.part`, '0', 404, notInProgress],
        ['an unknown id', '00000000-0000-4000-8000-000000000000', '0', 404, notInProgress],
        ['a negative offset', uploadId, '-1', 400, invalid],
        ['an offset that is not a number', uploadId, 'abc', 400, invalid],
        ['a fractional offset', uploadId, '0.5', 400, invalid],
        ['an offset past the start', uploadId, '100', 400, /Chunks must arrive in order/],
      ] as const) {
        const reply = await run.staff.chunk(id, offset, junk(10));
        expectRefused(reply, status, message, `chunk: ${what}`);
      }
    });

    it('refuses a chunk with no uploadId parameter', async () => {
      expectRefused(
        await run.staff.request('media:upload-chunk', {
          path: '/api/call/media:upload-chunk?offset=0',
          headers: { 'content-type': 'application/octet-stream' },
          body: junk(10),
        }),
        400,
        invalid,
        'chunk: no uploadId parameter',
      );
    });

    it('refuses a finish with no body, an unknown id, a path or two ids', async () => {
      for (const [what, body, status] of [
        ['no body', undefined, 400],
        ['an unknown id', { uploadId: randomBytes(16).toString('hex') }, 404],
        ['a path', { uploadId: '../media/index.json' }, 404],
        ['two ids', { uploadId: [uploadId, uploadId] }, 400],
      ] as const) {
        const reply = await run.staff.call('media:upload-finish', body);
        expect(reply.status, `finish: ${what}: ${reply.text}`).toBe(status);
        expect(errorOf(reply)?.message).not.toBe('');
      }
    });

    it('refuses a finish and a chunk once the upload is cancelled, and left no trace', async () => {
      await release(run.staff, uploadId);
      expectRefused(
        await run.staff.call('media:upload-finish', { uploadId }),
        404,
        notInProgress,
        'finish twice',
      );
      expectRefused(
        await run.staff.chunk(uploadId, 300, junk(1)),
        404,
        notInProgress,
        'chunk after',
      );
      await run.expectNoTrace(before, 'malformed upload requests');
    });
  });

  it('keeps a few uploads in progress at once and says so for the rest', async () => {
    const before = await run.snap();
    const started = await Promise.all(
      Array.from({ length: DEFAULT_LIMITS.maxUploads + 2 }, (_, i) =>
        run.api.call('media:upload-begin', { name: `at-once-${i}.png`, size: 300 }),
      ),
    );
    const ids = started.filter((reply) => reply.status === 200).map((reply) => reply.body.uploadId);
    expect(ids).toHaveLength(DEFAULT_LIMITS.maxUploads);
    for (const reply of started.filter((r) => r.status !== 200)) {
      expectRefused(reply, 409, /uploads are already in progress/, 'one upload too many');
    }
    await Promise.all(ids.map((id) => release(run.staff, id)));
    await run.expectNoTrace(before, 'too many uploads at once');
  });

  it('still takes valid uploads afterwards', async () => {
    const before = await run.snap();
    const files: [string, Buffer, string][] = [
      ['lobby.png', makePng(32, 24, 600), 'image/png'],
      ['canvas.jpg', fixture('canvas.jpg'), 'image/jpeg'],
      ['canvas.webp', fixture('canvas.webp'), 'image/webp'],
      ['recorded.mp4', fixture('recorded.mp4'), 'video/mp4'],
      ['recorded.webm', fixture('recorded.webm'), 'video/webm'],
      ['captions.vtt', makeVtt('Bienvenue en Belgique'), 'text/vtt'],
    ];
    const stored: string[] = [];
    for (const [name, bytes, mime] of files) {
      const { reply } = await upload(run.staff, name, bytes);
      expect(reply.status, `${name}: ${reply.text}`).toBe(200);
      expect(reply.body).toMatchObject({ name, mime, size: bytes.length });
      const file = fileOf(reply);
      expect(file.startsWith(`${sha256Of(bytes)}.`)).toBe(true);
      const served = await send(run.staff.url, { method: 'GET', path: `/media/${file}` });
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toContain(mime);
      stored.push(file);
    }
    await run.expectOnlyNewMedia(before, stored, 'valid uploads');
    const admin = await run.api.value('admin:get');
    expect(admin.media.map((item) => item.name)).toEqual(
      expect.arrayContaining(files.map(([name]) => name)),
    );
  });
});
