import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-helpers.js';
import { PLAYS_DIR } from '../analytics/play-log.js';
import { run } from './main.js';
import { fakeIo } from './test-io.js';

const PLAY = {
  type: 'play',
  start: '2026-05-02T10:00:00.000Z',
  end: '2026-05-02T10:00:16.000Z',
  playlistId: 'default',
  slideId: 'intro',
  lang: 'de',
  trigger: 'automatic',
};
const SESSION = {
  type: 'session',
  start: '2026-05-03T14:00:00.000Z',
  end: '2026-05-03T14:02:00.000Z',
  slidesSeen: 4,
  lang: 'nl',
  ended: 'walk-away',
};

/** A data folder in UTC with two day files, one ending in a line a crash cut short. */
async function dataWithPlays(): Promise<string> {
  const dataDir = await tempDir();
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ timeZone: 'UTC' }));
  const dir = path.join(dataDir, PLAYS_DIR);
  await mkdir(dir);
  await writeFile(path.join(dir, '2026-05-02.jsonl'), `${JSON.stringify(PLAY)}\n{"type":"pl`);
  await writeFile(path.join(dir, '2026-05-03.jsonl'), `${JSON.stringify(SESSION)}\n`);
  return dataDir;
}

const SHIPPED_CONTENT = path.resolve(import.meta.dirname, '../../assets/content/content.json');

const HEADER =
  '\uFEFFtype,start,end,duration_seconds,local_date,local_hour,playlist_id,playlist_name,slide_id,slide_name,language,trigger,slides_seen,ended';

describe('openness-kiosk export-plays', () => {
  it('writes the range as CSV to standard output, counting skipped lines', async () => {
    const dataDir = await dataWithPlays();
    const { io, out, err } = fakeIo();
    const code = await run(
      ['export-plays', '--data', dataDir, '--from', '2026-05-01', '--to', '2026-05-03'],
      io,
    );
    expect(code).toBe(0);
    expect(out.join('\n').split('\n')).toEqual([
      HEADER,
      'play,2026-05-02T10:00:00.000Z,2026-05-02T10:00:16.000Z,16.0,2026-05-02,10,default,,intro,,de,automatic,,',
      'session,2026-05-03T14:00:00.000Z,2026-05-03T14:02:00.000Z,120.0,2026-05-03,14,,,,,nl,,4,walk-away',
    ]);
    expect(err.join('\n')).toContain('1 unreadable lines');
  });

  it('names slides and playlists from the content, with semicolons when asked', async () => {
    const dataDir = await dataWithPlays();
    // The shipped content, with a separator in the playlist's name.
    const content = JSON.parse(await readFile(SHIPPED_CONTENT, 'utf8'));
    content.playlists[0].id = 'default';
    content.playlists[0].name = 'Hall; ground floor';
    content.defaultPlaylistId = 'default';
    await writeFile(path.join(dataDir, 'content.json'), JSON.stringify(content));
    const file = path.join(dataDir, 'out.csv');
    const { io, err } = fakeIo();
    const argv = ['export-plays', '--data', dataDir, '--from', '2026-05-02', '--to', '2026-05-02'];
    expect(await run([...argv, '--separator', 'semicolon', '--out', file], io)).toBe(0);
    expect(err.join('\n')).not.toContain('name columns stay empty');
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\n')).toEqual([
      HEADER.replaceAll(',', ';'),
      'play;2026-05-02T10:00:00.000Z;2026-05-02T10:00:16.000Z;16,0;2026-05-02;10;' +
        'default;"Hall; ground floor";intro;About us;de;automatic;;',
      '',
    ]);
  });

  it('writes to --out, only the days asked for', async () => {
    const dataDir = await dataWithPlays();
    const file = path.join(dataDir, 'out.csv');
    const { io } = fakeIo();
    const argv = ['export-plays', '--data', dataDir, '--from', '2026-05-03', '--to', '2026-05-03'];
    expect(await run([...argv, '--out', file], io)).toBe(0);
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toEqual([HEADER, expect.stringMatching(/^session,/), '']);
  });

  it('exits 2 with a usage line on bad arguments, and has --help', async () => {
    for (const argv of [
      ['export-plays'],
      ['export-plays', '--from', '2026-05-01'],
      ['export-plays', '--from', '2026-05-01', '--to', 'tomorrow'],
      ['export-plays', '--from', '2026-05-02', '--to', '2026-05-01'],
      ['export-plays', '--from', '2026-05-01', '--to', '2026-05-01', 'extra'],
      ['export-plays', '--from', '2026-05-01', '--to', '2026-05-01', '--nope'],
      ['export-plays', '--from', '2026-05-01', '--to', '2026-05-01', '--data', ''],
      ['export-plays', '--from', '2026-05-01', '--to', '2026-05-01', '--separator', 'tab'],
    ]) {
      const { io, err } = fakeIo();
      expect(await run(argv, io), argv.join(' ')).toBe(2);
      expect(err.at(-1), argv.join(' ')).toMatch(/^usage: openness-kiosk export-plays/);
    }
    const backwards = fakeIo();
    await run(['export-plays', '--from', '2026-05-02', '--to', '2026-05-01'], backwards.io);
    expect(backwards.err[0]).toContain('--to must not be before "from"');

    const help = fakeIo();
    expect(await run(['export-plays', '--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(/^usage: openness-kiosk export-plays/);
  });

  it('prints only the header when nothing was recorded', async () => {
    const dataDir = await tempDir();
    const { io, out } = fakeIo();
    const argv = ['export-plays', '--data', dataDir, '--from', '2026-05-01', '--to', '2026-05-01'];
    expect(await run(argv, io)).toBe(0);
    expect(out).toEqual([HEADER]);
  });
});
