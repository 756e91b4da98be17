import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuthFile } from '../auth/auth-file.js';
import { AuthService } from '../auth/auth-service.js';
import { paths, tempDir } from '../test-helpers.js';
import { run } from './main.js';
import { fakeIo } from './test-io.js';

describe('openness-kiosk command line', () => {
  it('prints usage and exits 2 on no or unknown commands and bad options', async () => {
    for (const argv of [
      [],
      ['frobnicate'],
      ['serve', '--nope'],
      ['serve', '--port', 'abc'],
      ['serve', '--port', '70000'],
      ['serve', 'extra'],
      ['validate'],
      ['validate', 'a', 'b'],
      ['pin'],
      ['pin', 'get'],
      ['pin', 'set', 'extra'],
      ['pin', 'set', '--nope'],
      ['pin', 'set', '--data'],
      ['pin', 'set', '--data', ''],
    ]) {
      const { io, err } = fakeIo();
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(err.at(-1), argv.join(' ')).toMatch(/^usage: openness-kiosk/);
    }
  });

  it('has --help on every command', async () => {
    for (const argv of [
      ['--help'],
      ['serve', '--help'],
      ['validate', '--help'],
      ['pin', '--help'],
      ['pin', 'set', '--help'],
    ]) {
      const { io, out } = fakeIo();
      expect(await run(argv, io)).toBe(0);
      expect(out.join('\n')).toMatch(/^usage: openness-kiosk/);
    }
  });

  it('serves on a free port, prints the URL, and stops cleanly', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const { io, stop, waitForOut } = fakeIo();
    const exit = run(['serve', '--data', dataDir, '--port', '0'], io);
    const line = await waitForOut(/http:\/\/127\.0\.0\.1:\d+/);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)![0];
    const health = await (await fetch(`${url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, version: paths.version });
    const page = await fetch(`${url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    stop();
    expect(await exit).toBe(0);
  });

  it('says clearly when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { io, err } = fakeIo();
      expect(await run(['serve', '--data', await tempDir(), '--port', String(port)], io)).toBe(1);
      expect(err.join('\n')).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(err.join('\n')).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  it('validates a content file: exit 0 when valid', async () => {
    const { io, out } = fakeIo();
    expect(await run(['validate', path.join(paths.assetsDir, 'content/content.json')], io)).toBe(0);
    expect(out).toEqual(['content.json: valid content file']);
  });

  it('validates a playlist: one line per problem with its JSON path, exit 1', async () => {
    const file = path.join(await tempDir(), 'playlist.json');
    await writeFile(
      file,
      JSON.stringify({
        id: 'p',
        name: 'P',
        slides: [
          { id: 'a', kind: 'theme', title: { en: 'A' }, body: { en: 'B' }, durationMs: 5 },
          { id: 'b', kind: 'gif' },
        ],
      }),
    );
    const { io, err } = fakeIo();
    expect(await run(['validate', file], io)).toBe(1);
    expect(err[0]).toMatch(/^playlist\.json: \$\.slides\[0\]\.durationMs: /);
    expect(err[1]).toMatch(/^playlist\.json: \$\.slides\[1\]\.kind: /);
    expect(err).toHaveLength(2);
  });

  it('reports unreadable and non-JSON files', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'bad.json'), '{nope');
    let io = fakeIo();
    expect(await run(['validate', path.join(dir, 'bad.json')], io.io)).toBe(1);
    expect(io.err[0]).toMatch(/^bad\.json: \$: not valid JSON/);
    io = fakeIo();
    expect(await run(['validate', path.join(dir, 'missing.json')], io.io)).toBe(1);
    expect(io.err[0]).toBe('missing.json: $: cannot read the file (ENOENT)');
  });
});

describe('openness-kiosk pin set', () => {
  /** The PIN record `pin set` stored in `dataDir`. */
  async function storedRecord(dataDir: string) {
    const text = await readFile(path.join(dataDir, 'auth.json'), 'utf8');
    return { text, record: AuthFile.parse(JSON.parse(text)).pin };
  }

  it('stores a piped PIN as a salted scrypt hash, never the PIN itself', async () => {
    const dataDir = path.join(await tempDir(), 'new-folder');
    const { io, out, err, prompts } = fakeIo({ input: ['  90817263  '] });
    expect(await run(['pin', 'set', '--data', dataDir], io)).toBe(0);
    expect(out).toEqual([`Staff PIN saved for ${dataDir}.`]);
    expect(err).toEqual([]);
    expect(prompts).toEqual(['New staff PIN: ']);
    const { text, record } = await storedRecord(dataDir);
    expect(record).toMatchObject({ algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
    expect(text).not.toContain('90817263');
    const auth = await AuthService.open({ dataDir });
    expect(auth.isUnlocked(await auth.unlock('90817263'))).toBe(true);
  });

  it('refuses a PIN that is not 4 to 12 digits, or none, and saves nothing', async () => {
    const dataDir = await tempDir();
    for (const input of [['123'], ['12345678901234'], ['12a4'], [''], []]) {
      const { io, err } = fakeIo({ input });
      expect(await run(['pin', 'set', '--data', dataDir], io), JSON.stringify(input)).toBe(1);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^openness-kiosk pin set: .*nothing was saved\.$/);
    }
    expect(existsSync(path.join(dataDir, 'auth.json'))).toBe(false);
  });

  it('asks twice at a terminal and saves only when both match', async () => {
    const dataDir = await tempDir();
    let io = fakeIo({ input: ['2468', '2469'], interactive: true });
    expect(await run(['pin', 'set', '--data', dataDir], io.io)).toBe(1);
    expect(io.prompts).toEqual(['New staff PIN: ', 'Repeat the PIN: ']);
    expect(io.err).toEqual(['openness-kiosk pin set: the two PINs differ; nothing was saved.']);
    expect(existsSync(path.join(dataDir, 'auth.json'))).toBe(false);
    io = fakeIo({ input: ['2468', '2468'], interactive: true });
    expect(await run(['pin', 'set', '--data', dataDir], io.io)).toBe(0);
    expect((await storedRecord(dataDir)).record?.algorithm).toBe('scrypt');
  });

  it('works as the installed command, reading the PIN from a pipe', async () => {
    const bin = path.join(paths.root, 'bin/openness-kiosk.mjs');
    const built = path.join(paths.root, 'dist/node/host/cli/main.js');
    expect(existsSync(built), 'run `npm run build:node` before the unit tests').toBe(true);
    const dataDir = await tempDir();
    const result = spawnSync(process.execPath, [bin, 'pin', 'set', '--data', dataDir], {
      input: '5550123\n',
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`Staff PIN saved for ${dataDir}.\n`);
    const { text, record } = await storedRecord(dataDir);
    expect(record).toMatchObject({ algorithm: 'scrypt', N: 2 ** 15 });
    expect(text).not.toContain('5550123');
    const bad = spawnSync(process.execPath, [bin, 'pin', 'set', '--data', dataDir], {
      input: 'abcd\n',
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('4 to 12 digits');
  });
});
