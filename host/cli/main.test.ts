import { createServer } from 'node:net';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths, tempDir } from '../test-helpers.js';
import { run, type CliIo } from './main.js';

/** Captures output; `stop()` ends a running `serve`. */
function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let onOut: ((line: string) => void) | undefined;
  const io: CliIo = {
    out: (line) => {
      out.push(line);
      onOut?.(line);
    },
    err: (line) => err.push(line),
    untilStopped: () => stopped,
  };
  const waitForOut = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const found = out.find((line) => pattern.test(line));
      if (found) resolve(found);
      else onOut = (line) => pattern.test(line) && resolve(line);
    });
  return { io, out, err, stop, waitForOut };
}

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
    ]) {
      const { io, err } = fakeIo();
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(err.at(-1), argv.join(' ')).toMatch(/^usage: openness-kiosk/);
    }
  });

  it('has --help on every command', async () => {
    for (const argv of [['--help'], ['serve', '--help'], ['validate', '--help']]) {
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
