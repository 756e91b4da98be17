import { mkdtemp, rm, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateTls } from './tls.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-tls-'));
  dirs.push(dir);
  return dir;
}

describe('remote admin certificate', () => {
  it('is made once, owner-only, then read back unchanged', async () => {
    const dir = await dataDir();
    const made = await loadOrCreateTls(dir);
    expect(made.generated).toBe(true);
    expect(made.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect((await stat(path.join(dir, 'tls', 'key.pem'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, 'tls'))).mode & 0o777).toBe(0o700);
    const again = await loadOrCreateTls(dir);
    expect(again).toMatchObject({ generated: false, fingerprint256: made.fingerprint256 });
  });

  it('refuses half a pair, or a key that is not the certificate’s, saying what to do', async () => {
    const dir = await dataDir();
    const first = await loadOrCreateTls(dir);
    await unlink(path.join(dir, 'tls', 'key.pem'));
    await expect(loadOrCreateTls(dir)).rejects.toThrow(/has only one of cert\.pem and key\.pem/);
    const other = await loadOrCreateTls(await dataDir());
    await writeFile(path.join(dir, 'tls', 'key.pem'), other.key, { mode: 0o600 });
    await expect(loadOrCreateTls(dir)).rejects.toThrow(
      /are not a certificate and its private key \(they do not match\)/,
    );
    expect(first.cert).not.toBe(other.cert);
  });
});
