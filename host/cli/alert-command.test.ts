import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertStore } from '../alert-store.js';
import { tempDir } from '../test-helpers.js';
import { run } from './main.js';
import { fakeIo } from './test-io.js';

describe('openness-kiosk alert', () => {
  it('sets a message in several languages, which the host store reads, and clears it', async () => {
    const dataDir = await tempDir();
    const { io, out } = fakeIo();
    const code = await run(
      [
        'alert',
        '--data',
        dataDir,
        '--text-en',
        'Closed',
        '--text-nl',
        'Gesloten',
        '--text',
        'es=Cerrado',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('until cleared');
    const store = await AlertStore.open({ dataDir });
    expect((await store.get()).alert?.text).toEqual({
      en: 'Closed',
      nl: 'Gesloten',
      es: 'Cerrado',
    });

    const clear = fakeIo();
    expect(await run(['alert', 'clear', '--data', dataDir], clear.io)).toBe(0);
    expect(clear.out.join('\n')).toContain('cleared');
    expect((await store.get()).alert).toBeNull();
  });

  it('sets an expiry with --for or --expires', async () => {
    const dataDir = await tempDir();
    const before = Date.now();
    expect(
      await run(['alert', '--data', dataDir, '--text-en', 'Soon', '--for', '15'], fakeIo().io),
    ).toBe(0);
    const after = Date.now();
    const json = JSON.parse(await readFile(path.join(dataDir, 'alert.json'), 'utf8'));
    // 15 minutes from when the command ran, however long it took to run.
    const expires = Date.parse(json.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(expires).toBeLessThanOrEqual(after + 15 * 60_000);

    const at = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      await run(['alert', '--data', dataDir, '--text-en', 'Later', '--expires', at], fakeIo().io),
    ).toBe(0);
    expect(JSON.parse(await readFile(path.join(dataDir, 'alert.json'), 'utf8')).expiresAt).toBe(at);
  });

  it('sets a start time with --from; --for then counts from the start', async () => {
    const dataDir = await tempDir();
    const from = '2099-05-01T17:00:00+02:00';
    const { io, out } = fakeIo();
    expect(
      await run(
        ['alert', '--data', dataDir, '--text-en', 'Tonight', '--from', from, '--for', '30'],
        io,
      ),
    ).toBe(0);
    const json = JSON.parse(await readFile(path.join(dataDir, 'alert.json'), 'utf8'));
    expect(json.startsAt).toBe(from);
    expect(json.expiresAt).toBe('2099-05-01T15:30:00.000Z');
    expect(out.join('\n')).toContain(`from ${from} until 2099-05-01T15:30:00.000Z`);
    // The host holds it, waiting: the player shows nothing yet.
    const store = await AlertStore.open({ dataDir });
    const state = await store.get();
    expect(state.alert?.text).toEqual({ en: 'Tonight' });
    expect(state.startsInMs).toBeGreaterThan(0);
  });

  it('needs the default language from the settings', async () => {
    const dataDir = await tempDir();
    await writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ defaultLanguage: 'fr', enabledLanguages: ['fr', 'en'] }),
    );
    const missing = fakeIo();
    expect(await run(['alert', '--data', dataDir, '--text-en', 'Closed'], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toContain('$.text.fr');
    expect(await run(['alert', '--data', dataDir, '--text-fr', 'Fermé'], fakeIo().io)).toBe(0);
  });

  it('exits 2 with a usage line on bad arguments, and prints help', async () => {
    const dataDir = await tempDir();
    const cases = [
      ['alert', '--data', dataDir],
      ['alert', '--data', dataDir, '--text-en', 'x', '--for', 'soon'],
      ['alert', '--data', dataDir, '--text-en', 'x', '--for', '0'],
      ['alert', '--data', dataDir, '--text-en', 'x', '--expires', 'tomorrow'],
      ['alert', '--data', dataDir, '--text-en', 'x', '--from', 'tonight'],
      [
        'alert',
        '--data',
        dataDir,
        '--text-en',
        'x',
        '--from',
        '2099-01-02T00:00:00Z',
        '--expires',
        '2099-01-01T00:00:00Z',
      ],
      ['alert', 'clear', '--data', dataDir, '--from', '2099-01-01T00:00:00Z'],
      ['alert', '--data', dataDir, '--text-en', 'x', '--expires', '2020-01-01T00:00:00Z'],
      [
        'alert',
        '--data',
        dataDir,
        '--text-en',
        'x',
        '--for',
        '5',
        '--expires',
        '2099-01-01T00:00:00Z',
      ],
      ['alert', '--data', dataDir, '--text-en', ' '],
      ['alert', '--data', dataDir, '--text', 'Cerrado'],
      ['alert', '--data', dataDir, '--bogus'],
      ['alert', 'clear', '--data', dataDir, '--text-en', 'x'],
      ['alert', 'stop', '--data', dataDir],
      ['alert', '--data', '', '--text-en', 'x'],
    ];
    for (const argv of cases) {
      const { io, err } = fakeIo();
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(err.at(-1), argv.join(' ')).toContain('usage: openness-kiosk alert');
    }
    const help = fakeIo();
    expect(await run(['alert', '--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toContain('--text-fr');
    const main = fakeIo();
    expect(await run(['--help'], main.io)).toBe(0);
    expect(main.out.join('\n')).toContain('alert');
  });
});
