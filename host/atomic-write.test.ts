import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeAtomic } from './atomic-write.js';
import { tempDir } from './test-helpers.js';

/**
 * Make every file write behave like a disk with `free` bytes left: writes are cut short at the
 * limit (as Linux does), and a write with no room left fails with ENOSPC. `step` caps each write.
 */
async function fakeDisk(dir: string, { free = Infinity, step = Infinity } = {}) {
  const probe = await open(path.join(dir, '.probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<never> };
  await probe.close();
  const original = proto.write;
  let left = free;
  return vi.spyOn(proto, 'write').mockImplementation(async function (
    this: unknown,
    ...args: unknown[]
  ) {
    const [buffer, offset, length, position] = args as [Uint8Array, number, number, number];
    const room = Math.min(length, step, left);
    if (room <= 0) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
      });
    }
    left -= room;
    return original.call(this, buffer, offset, room, position);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

const entries = async (dir: string) => (await readdir(dir)).filter((n) => n !== '.probe').sort();

describe('writeAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temp file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'content.json');
    await writeAtomic(file, 'first\n');
    await writeAtomic(file, Buffer.from('second\n'));
    expect(await readFile(file, 'utf8')).toBe('second\n');
    expect(await entries(dir)).toEqual(['content.json']);
  });

  it('keeps the permissions of the file it replaces, or sets those asked for', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'auth.json');
    await writeAtomic(file, '{}', { mode: 0o600 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await writeAtomic(file, '{"a":1}');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('carries on after short writes until every byte is down', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'content.json');
    const text = JSON.stringify({ text: 'é'.repeat(5000) });
    const write = await fakeDisk(dir, { step: 7 });
    await writeAtomic(file, text);
    expect(write.mock.calls.length).toBeGreaterThan(1000);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('never puts a truncated file in place when the disk fills up during the write', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'content.json');
    await writeFile(file, 'old content\n');
    // Room for part of the file: the first write is cut short, the next one finds no room.
    await fakeDisk(dir, { free: 4096 });
    const error = await writeAtomic(file, 'x'.repeat(20_000)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(file, 'utf8')).toBe('old content\n');
    expect(await entries(dir)).toEqual(['content.json']);
  });

  it('leaves the file as it was when the disk is full from the first byte', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    await writeFile(file, 'old\n');
    await fakeDisk(dir, { free: 0 });
    await expect(writeAtomic(file, 'new\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(file, 'utf8')).toBe('old\n');
    expect(await entries(dir)).toEqual(['settings.json']);
  });

  it('finishes writes to one file in the order they were started', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'index.json');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeAtomic(file, `${i}\n`)));
    expect(await readFile(file, 'utf8')).toBe('19\n');
    expect(await entries(dir)).toEqual(['index.json']);
  });
});
