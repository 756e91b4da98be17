import { describe, expect, it } from 'vitest';
import {
  AnalyticsRecord,
  DateRange,
  RecordBatch,
  summarize,
  type AnalyticsRecord as Rec,
} from './analytics.js';

const play = (start: string, seconds: number, extra: Partial<Rec> = {}): Rec =>
  ({
    type: 'play',
    start,
    end: new Date(Date.parse(start) + seconds * 1000).toISOString(),
    playlistId: 'default',
    slideId: 'intro',
    lang: 'en',
    trigger: 'automatic',
    ...extra,
  }) as Rec;

const session = (start: string, seconds: number, extra: Partial<Rec> = {}): Rec =>
  ({
    type: 'session',
    start,
    end: new Date(Date.parse(start) + seconds * 1000).toISOString(),
    slidesSeen: 3,
    lang: 'fr',
    ended: 'walk-away',
    ...extra,
  }) as Rec;

describe('analytics records', () => {
  it('accepts plays and sessions and refuses bad ones, naming the field', () => {
    expect(AnalyticsRecord.safeParse(play('2026-05-01T10:00:00.000Z', 10)).success).toBe(true);
    expect(AnalyticsRecord.safeParse(session('2026-05-01T10:00:00.000Z', 60)).success).toBe(true);
    const backwards = AnalyticsRecord.safeParse(play('2026-05-01T10:00:00.000Z', -1));
    expect(backwards.success).toBe(false);
    expect(backwards.error?.issues[0]?.path).toEqual(['end']);
    expect(AnalyticsRecord.safeParse(play('2026-05-01T10:00:00.000Z', 25 * 3600)).success).toBe(
      false,
    );
    for (const bad of [
      { ...play('2026-05-01T10:00:00.000Z', 1), slideId: '../etc' },
      { ...play('2026-05-01T10:00:00.000Z', 1), lang: 'not a language' },
      { ...play('2026-05-01T10:00:00.000Z', 1), trigger: 'robot' },
      { ...play('2026-05-01T10:00:00.000Z', 1), start: 'yesterday' },
      { ...session('2026-05-01T10:00:00.000Z', 1), slidesSeen: -1 },
      { ...session('2026-05-01T10:00:00.000Z', 1), ended: 'crash' },
      { type: 'visitor', start: '2026-05-01T10:00:00.000Z' },
    ]) {
      expect(AnalyticsRecord.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('keeps no field it does not know (nothing personal can be smuggled in)', () => {
    const parsed = AnalyticsRecord.parse({
      ...play('2026-05-01T10:00:00.000Z', 1),
      ip: '10.0.0.9',
      userAgent: 'x',
    });
    expect(Object.keys(parsed).sort()).toEqual(
      ['end', 'lang', 'playlistId', 'slideId', 'start', 'trigger', 'type'].sort(),
    );
  });

  it('caps a batch', () => {
    const many = Array.from({ length: 51 }, () => play('2026-05-01T10:00:00.000Z', 1));
    expect(RecordBatch.safeParse({ records: many }).success).toBe(false);
    expect(RecordBatch.safeParse({ records: many.slice(1) }).success).toBe(true);
  });

  it('checks date ranges', () => {
    expect(DateRange.safeParse({ from: '2026-05-01', to: '2026-05-01' }).success).toBe(true);
    const backwards = DateRange.safeParse({ from: '2026-05-02', to: '2026-05-01' });
    expect(backwards.error?.issues[0]).toMatchObject({ path: ['to'] });
    expect(DateRange.safeParse({ from: '2025-01-01', to: '2026-05-01' }).success).toBe(false);
    expect(DateRange.safeParse({ from: '2026-13-01', to: '2026-05-01' }).success).toBe(false);
  });
});

describe('summarize', () => {
  const range = { from: '2026-05-01', to: '2026-05-03' };

  it('counts plays per slide, sessions per hour, languages and average length', () => {
    const records = [
      play('2026-05-01T08:00:00.000Z', 10),
      play('2026-05-01T08:00:10.000Z', 10, { slideId: 'innovation', trigger: 'visitor' }),
      play('2026-05-02T09:00:00.000Z', 10, { slideId: 'innovation' }),
      play('2026-05-02T09:00:00.000Z', 10, { slideId: 'innovation', playlistId: 'summer' }),
      session('2026-05-01T08:05:00.000Z', 60),
      session('2026-05-01T08:30:00.000Z', 120, { lang: 'en', ended: 'reset' }),
      session('2026-05-03T17:59:59.000Z', 30, { lang: 'fr' }),
      // Outside the range: ignored.
      play('2026-04-30T23:59:59.000Z', 10),
      session('2026-05-04T00:00:00.000Z', 10),
    ];
    const summary = summarize(records, range, 'UTC', 2);
    expect(summary.plays).toBe(4);
    expect(summary.sessions).toBe(3);
    expect(summary.playsPerSlide).toEqual([
      { playlistId: 'default', slideId: 'innovation', plays: 2, visitor: 1 },
      { playlistId: 'summer', slideId: 'innovation', plays: 1, visitor: 0 },
      { playlistId: 'default', slideId: 'intro', plays: 1, visitor: 0 },
    ]);
    expect(summary.sessionsByHour).toHaveLength(24);
    expect(summary.sessionsByHour[8]).toBe(2);
    expect(summary.sessionsByHour[17]).toBe(1);
    expect(summary.sessionsByHour.reduce((a, b) => a + b)).toBe(3);
    expect(summary.languages).toEqual([
      { lang: 'fr', sessions: 2 },
      { lang: 'en', sessions: 1 },
    ]);
    expect(summary.averageSessionMs).toBe(70_000);
    expect(summary.days).toEqual([
      { date: '2026-05-01', plays: 2, sessions: 2, averageSessionMs: 90_000 },
      { date: '2026-05-02', plays: 2, sessions: 0, averageSessionMs: null },
      { date: '2026-05-03', plays: 0, sessions: 1, averageSessionMs: 30_000 },
    ]);
    expect(summary.endings).toEqual({ 'walk-away': 2, reset: 1 });
    expect(summary.skippedLines).toBe(2);
  });

  it('reads dates and hours on the kiosk’s wall clock', () => {
    // 22:30 UTC on 1 May is 00:30 on 2 May in Brussels (summer time, UTC+2).
    const summary = summarize([session('2026-05-01T22:30:00.000Z', 10)], range, 'Europe/Brussels');
    expect(summary.days.map((day) => day.sessions)).toEqual([0, 1, 0]);
    expect(summary.sessionsByHour[0]).toBe(1);
  });

  it('is empty without records', () => {
    const summary = summarize([], { from: '2026-05-01', to: '2026-05-01' }, 'UTC');
    expect(summary).toMatchObject({ plays: 0, sessions: 0, averageSessionMs: null });
    expect(summary.days).toHaveLength(1);
  });
});
