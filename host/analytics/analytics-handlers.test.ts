import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../serve.js';
import { tempDir } from '../test-helpers.js';
import { PLAYS_DIR } from './play-log.js';

let running: RunningHost | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** POST a KioskApi call; returns the status, the JSON body and any session cookie. */
async function call(url: string, name: string, body?: unknown, cookie?: string) {
  const response = await fetch(`${url}/api/call/${name}`, {
    method: 'POST',
    headers: {
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      ...(cookie && { Cookie: cookie }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = response.headers.get('set-cookie')?.split(';')[0];
  return { status: response.status, json: await response.json(), cookie: setCookie };
}

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
    const dataDir = await tempDir();
    running = await startHost({ dataDir, port: 0, host: '127.0.0.1' });
    const { url } = running;
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
    expect((await call(url, 'plays:record', { records })).json).toEqual({
      accepted: 3,
      dropped: 0,
    });

    // Refused with the field named: a bad record, too many at once.
    const bad = await call(url, 'plays:record', {
      records: [{ ...records[0], slideId: 'Not An Id' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.problems[0].path).toBe('$.records[0].slideId');
    const many = await call(url, 'plays:record', { records: Array(51).fill(records[0]) });
    expect(many.status).toBe(400);

    // From the records' day to today: the same day, except just after midnight.
    const today = localDate(Date.now());
    const range = { from: localDate(start), to: today };
    expect((await call(url, 'analytics:get', range)).status).toBe(401);
    expect((await call(url, 'analytics:export', range)).status).toBe(401);

    const { cookie } = await call(url, 'auth:create-pin', { pin: '246810' });
    const summary = await call(url, 'analytics:get', range, cookie);
    expect(summary.status).toBe(200);
    expect(summary.json).toMatchObject({
      plays: 2,
      sessions: 1,
      averageSessionMs: 20_000,
      languages: [{ lang: 'fr', sessions: 1 }],
    });
    const csv = (await call(url, 'analytics:export', range, cookie)).json.csv as string;
    expect(csv.trimEnd().split('\n')).toHaveLength(4);
    expect(csv.startsWith('\uFEFFtype,')).toBe(true);
    // The slide's and playlist's names stand next to their ids.
    expect(csv).toContain(
      ',openness,Belgium: open by nature,innovation,Open for innovation,fr,visitor,,',
    );

    const backwards = await call(url, 'analytics:get', { from: today, to: '2000-01-01' }, cookie);
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.problems[0].path).toBe('$.to');

    expect(await readdir(path.join(dataDir, PLAYS_DIR))).toEqual([`${localDate(start)}.jsonl`]);
  });
});
