import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskError } from '#core/errors';
import { tempDir } from '../test-helpers.js';
import { confinedPath } from './confine.js';

async function setUp() {
  const data = await tempDir('kiosk-confine-');
  const root = path.join(data, 'published');
  const outside = await tempDir('kiosk-outside-');
  await writeFile(path.join(outside, 'file'), 'x');
  return { root, outside, confinement: { root, what: 'The bundle folder', example: 'my-bundle' } };
}

async function refusalOf(run: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KioskError);
  return { code: (error as KioskError).code, message: (error as KioskError).message };
}

describe('confinedPath', () => {
  it('takes a name or a full path inside the folder, and makes the folder', async () => {
    const { root, confinement } = await setUp();
    expect(await confinedPath('my-bundle', confinement)).toMatch(/published[/\\]my-bundle$/);
    const full = await confinedPath(path.join(root, 'a', 'b'), confinement);
    expect(full.endsWith(path.join('published', 'a', 'b'))).toBe(true);
  });

  it('refuses every path that leads out with one message, whatever is there', async () => {
    const { root, outside, confinement } = await setUp();
    await mkdir(root, { recursive: true });
    await symlink(outside, path.join(root, 'link-out'));
    await symlink(path.join(outside, 'missing'), path.join(root, 'dangling'));
    const asked = [
      '/etc/passwd',
      '/nonexistent/x',
      '/root',
      '../../x',
      '..',
      '',
      '.',
      root,
      path.join(outside, 'file'),
      outside,
      'link-out',
      'link-out/inner',
      'dangling',
      'a\0b',
    ];
    const answers = await Promise.all(asked.map((p) => refusalOf(confinedPath(p, confinement))));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({
      code: 'forbidden',
      message: `The bundle folder must be inside ${root} on this kiosk: give a name such as "my-bundle".`,
    });
  });
});
