/**
 * Uploads without a live staff session, from other sites, or by another host name, against the
 * real host (faults/support/upload-host.ts): each is refused with a 4xx and a message, and none
 * writes a byte into the staff upload in progress.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { PIN } from './support/host-process.js';
import { Client, expectRefused } from './support/raw-http.js';
import { makePng } from '../host/media/test-files.js';
import { begin, describeUploads, release } from './support/upload-host.js';
import type { Snapshot } from './support/snapshot.js';

const locked = /^Staff access is locked\. Unlock it with the staff PIN\.$/;
const png = makePng(8, 6, 1);

describeUploads('uploads without a live staff session', (run) => {
  let before: Snapshot;
  /** A staff upload in progress, which others try to write into or finish. */
  let uploadId = '';

  beforeAll(async () => {
    before = await run.snap();
    uploadId = await begin(run.staff, 'real.png', 1000);
  });

  it('refuses begin, chunk and finish when signed out', async () => {
    const anon = new Client(run.host.url);
    expectRefused(
      await anon.call('media:upload-begin', { name: 'a.png', size: png.length }),
      401,
      locked,
      'begin, signed out',
    );
    expectRefused(await anon.chunk(uploadId, 0, png), 401, locked, 'chunk, signed out');
    expectRefused(
      await anon.call('media:upload-finish', { uploadId }),
      401,
      locked,
      'finish, signed out',
    );
  });

  it('refuses forged cookies: guessed, malformed, oversized, a real one with one letter changed', async () => {
    const real = run.staff.cookie!.slice('kiosk_session='.length);
    const altered = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
    for (const fake of [
      randomBytes(32).toString('base64url'),
      altered,
      'x'.repeat(16),
      'a'.repeat(129),
      '../../auth.json',
      'null',
      '',
      `${real}%00`,
      real.toUpperCase(),
    ]) {
      const client = new Client(run.host.url);
      client.cookie = `kiosk_session=${fake}`;
      const what = `forged cookie ${JSON.stringify(fake.slice(0, 20))}`;
      expectRefused(
        await client.call('media:upload-begin', { name: 'a.png', size: 10 }),
        401,
        locked,
        what,
      );
      expectRefused(await client.chunk(uploadId, 0, png), 401, locked, what);
    }
  });

  it('refuses a stale cookie: the session was ended with Lock', async () => {
    const other = new Client(run.host.url);
    expect((await other.call('auth:unlock', { pin: PIN })).status).toBe(200);
    const stale = other.cookie!;
    expect((await other.call('auth:lock')).status).toBe(200);
    expect(other.cookie).toBeUndefined();
    other.cookie = stale;
    expectRefused(
      await other.call('media:upload-begin', { name: 'a.png', size: 10 }),
      401,
      locked,
      'begin, stale cookie',
    );
    expectRefused(await other.chunk(uploadId, 0, png), 401, locked, 'chunk, stale cookie');
  });

  it('refuses the live cookie from a page on another site (CSRF)', async () => {
    const refusedSite = /^Requests from other sites are refused\.$/;
    const crossSite: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSite) {
      const what = `cross-site ${JSON.stringify(headers)}`;
      expectRefused(await run.staff.chunk(uploadId, 0, png, headers), 403, refusedSite, what);
      expectRefused(
        await run.staff.call('media:upload-begin', { name: 'a.png', size: 10 }, headers),
        403,
        refusedSite,
        what,
      );
    }
  });

  it('refuses the live cookie through a foreign host name (DNS rebinding)', async () => {
    expectRefused(
      await run.staff.chunk(uploadId, 0, png, { host: 'evil.example' }),
      403,
      /answers only to 127\.0\.0\.1 or localhost/,
      'a foreign Host header',
    );
  });

  it('wrote not a byte for any of them: the upload still starts at offset 0, no trace', async () => {
    await release(run.staff, uploadId);
    await run.expectNoTrace(before, 'uploads without a live session');
  });
});
