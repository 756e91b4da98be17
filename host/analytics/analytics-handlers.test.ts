import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHandlers } from '../handler-fixture.js';
import { PLAYS_DIR } from './play-log.js';

/** A date on the host's wall clock, as the log names its files (the host uses its own zone). */
function localDate(at: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

describe('proof-of-play calls', () => {
  it('let the player record, and only staff read the summary and the CSV', async () => {
    const host = await openHandlers();
    const { dataDir } = host;
    const player = host.caller();
    const staff = host.caller();
    const start = Date.now() - 30_000;
    const at = (ms: number) => new Date(start + ms).toISOString();
    const records = [
      {
        type: 'play',
        start: at(0),
        end: at(10_000),
        playlistId: 'openness',
        slideId: 'intro',
        lang: 'en',
        trigger: 'automatic',
      },
      {
        type: 'play',
        start: at(10_000),
        end: at(20_000),
        playlistId: 'openness',
        slideId: 'innovation',
        lang: 'fr',
        trigger: 'visitor',
      },
      {
        type: 'session',
        start: at(5_000),
        end: at(25_000),
        slidesSeen: 2,
        lang: 'fr',
        ended: 'walk-away',
      },
    ];
    expect(await player.value('plays:record', { records })).toEqual({
      accepted: 3,
      dropped: 0,
    });

    // Refused with the field named: a bad record, too many at once.
    const bad = await player.call('plays:record', {
      records: [{ ...records[0], slideId: 'Not An Id' }],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', problems: [{ path: '$.records[0].slideId' }] },
    });
    const many = await player.call('plays:record', { records: Array(51).fill(records[0]) });
    expect(many).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    // From the records' day to today: the same day, except just after midnight.
    const today = localDate(Date.now());
    const range = { from: localDate(start), to: today };
    const refused = { ok: false, error: { code: 'unauthorized' } };
    expect(await player.call('analytics:get', range)).toMatchObject(refused);
    expect(await player.call('analytics:export', range)).toMatchObject(refused);

    await staff.value('auth:create-pin', { pin: '246810' });
    expect(await staff.value('analytics:get', range)).toMatchObject({
      plays: 2,
      sessions: 1,
      averageSessionMs: 20_000,
      languages: [{ lang: 'fr', sessions: 1 }],
    });
    const { csv } = await staff.value('analytics:export', range);
    expect(csv.trimEnd().split('\n')).toHaveLength(4);
    expect(csv.startsWith('\uFEFFtype,')).toBe(true);
    // The slide's and playlist's names stand next to their ids.
    expect(csv).toContain(
      ',openness,Belgium: open by nature,innovation,Open for innovation,fr,visitor,,',
    );

    const backwards = await staff.call('analytics:get', { from: today, to: '2000-01-01' });
    expect(backwards).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', problems: [{ path: '$.to' }] },
    });

    expect(await readdir(path.join(dataDir, PLAYS_DIR))).toEqual([`${localDate(start)}.jsonl`]);
  });
});
