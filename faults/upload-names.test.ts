/**
 * Hostile upload names against the real host (faults/support/upload-host.ts). A name is only ever
 * a display name (the file is stored under its sha256), so a hostile name on real picture bytes is
 * accepted, stored under the hash and shown cleaned; names that are not names are refused.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { MediaItem } from '#core/contract';
import { makePng } from '../host/media/test-files.js';
import { ROOT } from './support/host-process.js';
import { errorOf, expectRefused } from './support/raw-http.js';
import { sha256Of } from './support/samples.js';
import { describeUploads, fileOf, upload } from './support/upload-host.js';

describeUploads('hostile upload names', (run) => {
  it('stores hostile names only as cleaned display names, under the sha256 of the bytes', async () => {
    const before = await run.snap();
    const names: [raw: string, shown: string][] = [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\win.ini', 'win.ini'],
      ['/etc/shadow', 'shadow'],
      ['C:\\Windows\\System32\\drivers\\etc\\hosts', 'hosts'],
      ['\\\\attacker\\share\\payload.png', 'payload.png'],
      ['file:///etc/passwd', 'passwd'],
      ['../../../../../../../../tmp/kiosk-escape.png', 'kiosk-escape.png'],
      ['photo\u0000.png', 'photo.png'],
      ['evil\u0000/../../x.png', 'x.png'],
      ['invoice\u202egnp.exe', 'invoicegnp.exe'],
      ['\u2066report\u2069.png\u200f', 'report.png'],
      ['line\r\nbreak\t.png', 'linebreak.png'],
      ['index.json', 'index.json'],
      ['../index.json', 'index.json'],
      ['../../auth.json', 'auth.json'],
      ['../settings.json', 'settings.json'],
      [
        '../uploads/00000000-0000-4000-8000-000000000000.part',
        '00000000-0000-4000-8000-000000000000.part',
      ],
      ['..', 'untitled'],
      ['', 'untitled'],
      ['  \u202e ', 'untitled'],
      ['%2e%2e%2fetc%2fpasswd', '%2e%2e%2fetc%2fpasswd'],
      [`${'a'.repeat(251)}.png`, `${'a'.repeat(251)}.png`],
    ];
    const stored: string[] = [];
    for (const [index, [raw, shown]] of names.entries()) {
      const png = makePng(8, 6, 100 + index);
      const { step, reply } = await upload(run.staff, raw, png);
      const what = `name ${JSON.stringify(raw)}`;
      expect(step, what).toBe('finish');
      expect(reply.status, `${what}: ${reply.text}`).toBe(200);
      expect(reply.body, what).toMatchObject({
        ref: `media:${sha256Of(png)}.png`,
        kind: 'image',
        mime: 'image/png',
        size: png.length,
        name: shown,
      });
      stored.push(fileOf(reply));
    }
    await run.expectOnlyNewMedia(before, stored, 'hostile names');
    // The index is still the library's list, whatever the names said.
    const after = await run.snap();
    const index = JSON.parse(after.index!) as MediaItem[];
    expect(index.map((item) => item.name)).toEqual(expect.arrayContaining(names.map((n) => n[1])));
    for (const name of ['passwd', 'win.ini', 'shadow', 'hosts', 'kiosk-escape.png', 'x.png']) {
      expect(existsSync(path.join(ROOT, name)), `${name} beside the app`).toBe(false);
    }
  });

  it('refuses names that are not names at all, or too long, before anything is written', async () => {
    const refusedNames = await run.snap();
    for (const name of [
      `${'a'.repeat(252)}.png`,
      `${'😀'.repeat(252)}.png`,
      ['a.png', 'b.png'],
      { path: '../../etc/passwd' },
      null,
      42,
    ]) {
      const reply = await run.staff.call('media:upload-begin', { name, size: 100 });
      expectRefused(reply, 400, /Some values are not valid/, `name ${JSON.stringify(name)}`);
      expect(errorOf(reply)?.problems?.[0]?.path).toBe('$.name');
    }
    await run.expectNoTrace(refusedNames, 'refused names');
  });
});
