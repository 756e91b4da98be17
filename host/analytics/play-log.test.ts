import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalyticsRecord } from '#core/analytics';
import { tempDir } from '../test-helpers.js';
import { MAX_DAY_FILE_BYTES, PLAYS_DIR, PlayLog, RECORD_BURST, readRecords } from './play-log.js';

const UTC = { timeZone: 'UTC', playLogRetentionDays: 90 };
const T0 = Date.parse('2026-05-02T12:00:00.000Z');

const play = (start: number, slideId = 'intro'): AnalyticsRecord => ({
  type: 'play',
  start: new Date(start).toISOString(),
  end: new Date(start + 10_000).toISOString(),
  playlistId: 'default',
  slideId,
  lang: 'en',
  trigger: 'automatic',
});

const session = (start: number): AnalyticsRecord => ({
  type: 'session',
  start: new Date(start).toISOString(),
  end: new Date(start + 60_000).toISOString(),
  slidesSeen: 2,
  lang: 'nl',
  ended: 'walk-away',
});

async function openLog(now: { value: number }, settings = UTC) {
  const dataDir = await tempDir();
  const log = await PlayLog.open({ dataDir, settings, now: () => now.value });
  const dir = path.join(dataDir, PLAYS_DIR);
  return { dataDir, log, dir };
}

describe('PlayLog', () => {
  it('appends JSON lines to one file per day, by the day each record started', async () => {
    const now = { value: T0 };
    const { log, dir, dataDir } = await openLog(now);
    const yesterday = T0 - 24 * 3600_000;
    expect(await log.record([play(yesterday), play(T0 - 60_000)], UTC)).toEqual({
      accepted: 2,
      dropped: 0,
    });
    expect(await log.record([session(T0 - 30_000)], UTC)).toEqual({ accepted: 1, dropped: 0 });
    expect((await readdir(dir)).sort()).toEqual(['2026-05-01.jsonl', '2026-05-02.jsonl']);
    const today = (await readFile(path.join(dir, '2026-05-02.jsonl'), 'utf8')).split('\n');
    expect(today).toHaveLength(3);
    expect(JSON.parse(today[0]!)).toEqual(play(T0 - 60_000));
    expect(JSON.parse(today[1]!)).toEqual(session(T0 - 30_000));
    expect(today[2]).toBe('');

    const both = await readRecords(dataDir, { from: '2026-05-01', to: '2026-05-02' }, 'UTC');
    expect(both.records.map((r) => r.type)).toEqual(['play', 'play', 'session']);
    const one = await readRecords(dataDir, { from: '2026-05-02', to: '2026-05-02' }, 'UTC');
    expect(one.records).toHaveLength(2);
  });

  it('names day files by the kiosk’s time zone', async () => {
    const now = { value: T0 };
    const brussels = { timeZone: 'Europe/Brussels', playLogRetentionDays: 90 };
    const { log, dir } = await openLog(now, brussels);
    // 23:30 UTC on 1 May is already 2 May in Brussels.
    await log.record([play(Date.parse('2026-05-01T23:30:00.000Z'))], brussels);
    expect(await readdir(dir)).toEqual(['2026-05-02.jsonl']);
  });

  it('skips a half-written last line and invalid records, and starts the next write on a new line', async () => {
    const now = { value: T0 };
    const { log, dir, dataDir } = await openLog(now);
    await log.record([play(T0 - 50_000)], UTC);
    const file = path.join(dir, '2026-05-02.jsonl');
    // What a crash mid-write leaves, and lines that parse but are not records.
    await appendFile(
      file,
      '{"type":"slide","start":"x"}\n[]\nnull\n{"type":"play","start":"2026-05',
    );

    const reopened = await PlayLog.open({ dataDir, settings: UTC, now: () => now.value });
    const range = { from: '2026-05-02', to: '2026-05-02' };
    const before = await reopened.summary(range, UTC);
    expect(before.plays).toBe(1);
    expect(before.skippedLines).toBe(4);

    await reopened.record([play(T0 - 40_000, 'innovation')], UTC);
    const after = await reopened.summary(range, UTC);
    expect(after.plays).toBe(2);
    expect(after.skippedLines).toBe(4);
    expect(after.playsPerSlide.map((row) => row.slideId).sort()).toEqual(['innovation', 'intro']);
  });

  it('deletes day files past the retention, at open and when the day changes', async () => {
    const now = { value: T0 };
    const dataDir = await tempDir();
    const dir = path.join(dataDir, PLAYS_DIR);
    await mkdir(dir, { recursive: true });
    for (const name of ['2026-04-29.jsonl', '2026-04-30.jsonl', '2026-05-01.jsonl', 'notes.txt']) {
      await writeFile(path.join(dir, name), '');
    }
    const settings = { timeZone: 'UTC', playLogRetentionDays: 3 };
    const log = await PlayLog.open({ dataDir, settings, now: () => now.value });
    // Kept: 30 April, 1 and 2 May (today).
    expect((await readdir(dir)).sort()).toEqual([
      '2026-04-30.jsonl',
      '2026-05-01.jsonl',
      'notes.txt',
    ]);

    now.value = T0 + 24 * 3600_000;
    await log.record([play(now.value - 20_000)], settings);
    expect((await readdir(dir)).sort()).toEqual([
      '2026-05-01.jsonl',
      '2026-05-03.jsonl',
      'notes.txt',
    ]);
  });

  it('drops records from too long ago, from the future, and beyond the rate', async () => {
    const now = { value: T0 };
    const { log } = await openLog(now);
    const stale = play(T0 - 3 * 24 * 3600_000);
    const future = play(T0 + 3600_000);
    expect(await log.record([stale, future, play(T0 - 20_000)], UTC)).toEqual({
      accepted: 1,
      dropped: 2,
    });

    const flood = Array.from({ length: 50 }, () => play(T0 - 20_000));
    let accepted = 1;
    for (let i = 0; i < 10; i++) accepted += (await log.record(flood, UTC)).accepted;
    expect(accepted).toBe(RECORD_BURST);
    expect((await log.record([play(T0 - 20_000)], UTC)).dropped).toBe(1);
    // Two records a second come back.
    now.value += 10_000;
    expect((await log.record(flood, UTC)).accepted).toBe(20);
  });

  it('stops a day file at its size limit', async () => {
    const now = { value: T0 };
    const { log, dir } = await openLog(now);
    const file = path.join(dir, '2026-05-02.jsonl');
    await mkdir(dir, { recursive: true });
    await writeFile(file, `${'x'.repeat(MAX_DAY_FILE_BYTES - 10)}\n`);
    expect(await log.record([play(T0 - 20_000)], UTC)).toEqual({ accepted: 0, dropped: 1 });
  });

  it('exports the range as CSV', async () => {
    const now = { value: T0 };
    const { log } = await openLog(now);
    await log.record([play(T0 - 60_000), session(T0 - 50_000)], UTC);
    const csv = await log.exportCsv({ from: '2026-05-02', to: '2026-05-02' }, UTC);
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^play,2026-05-02T11:59:00.000Z,/);
    expect(lines[2]).toMatch(/^session,.*,nl,,2,walk-away$/);
  });
});
