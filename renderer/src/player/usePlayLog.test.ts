import { describe, expect, it } from 'vitest';
import type { AnalyticsRecord } from '#core/analytics';
import type { KioskApi } from '#core/contract';
import { playSender } from './usePlayLog';

const record = (n: number): AnalyticsRecord => ({
  type: 'play',
  start: new Date(n * 1000).toISOString(),
  end: new Date(n * 1000 + 500).toISOString(),
  playlistId: 'default',
  slideId: `slide-${n}`,
  lang: 'en',
  trigger: 'automatic',
});

/** An API whose `plays:record` calls are held until the test answers them. */
function fakeApi() {
  const calls: { records: AnalyticsRecord[]; answer(ok: boolean): void }[] = [];
  const api = {
    invoke: (name: string, input: { records: AnalyticsRecord[] }) =>
      new Promise((resolve, reject) => {
        expect(name).toBe('plays:record');
        calls.push({
          records: input.records,
          answer: (ok) => (ok ? resolve({ accepted: 1, dropped: 0 }) : reject(new Error('down'))),
        });
      }),
    onContentChanged: () => () => undefined,
  } as unknown as KioskApi;
  return { api, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('playSender', () => {
  it('sends at once, one call at a time, batching what ended meanwhile', async () => {
    const { api, calls } = fakeApi();
    const send = playSender(api);
    send(record(1));
    send(record(2));
    send(record(3));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.records.map((r) => r.start)).toEqual([record(1).start]);
    calls[0]!.answer(true);
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.records).toEqual([record(2), record(3)]);
  });

  it('keeps records a failed call carried and sends them with the next one, quietly', async () => {
    const { api, calls } = fakeApi();
    const send = playSender(api);
    send(record(1));
    calls[0]!.answer(false);
    await settle();
    expect(calls).toHaveLength(1);
    send(record(2));
    expect(calls[1]!.records).toEqual([record(1), record(2)]);
  });
});
