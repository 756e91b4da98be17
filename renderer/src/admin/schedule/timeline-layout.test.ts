import { describe, expect, it } from 'vitest';
import { layoutWeek, type PlaySpan } from './timeline-layout';
import { weekDays } from './zoned-time';

const ZONE = 'Europe/Brussels';
const H = 3_600_000;

describe('week layout', () => {
  it('cuts spans at midnight and labels them in wall-clock time', () => {
    const days = weekDays(Date.parse('2026-07-01T12:00:00Z'), ZONE);
    const monday = days[0]!;
    const spans: PlaySpan[] = [
      { from: monday, to: monday + 22 * H, playlistId: 'a', reason: 'default' },
      { from: monday + 22 * H, to: monday + 26 * H, playlistId: 'night', reason: 'scheduled' },
      { from: monday + 26 * H, to: days[7]!, playlistId: 'a', reason: 'default' },
    ];
    const week = layoutWeek(spans, days, ZONE);
    expect(week).toHaveLength(7);
    expect(week[0]!.bars.map((b) => `${b.time} ${b.playlistId}`)).toEqual([
      '00:00–22:00 a',
      '22:00–24:00 night',
    ]);
    expect(week[1]!.bars.map((b) => `${b.time} ${b.playlistId}`)).toEqual([
      '00:00–02:00 night',
      '02:00–24:00 a',
    ]);
    expect(week[0]!.bars[1]).toMatchObject({ fromMinute: 1320, toMinute: 1440 });
    expect(week[6]!.bars).toHaveLength(1);
  });

  it('joins neighbours that play the same for the same reason', () => {
    const days = weekDays(Date.parse('2026-07-01T12:00:00Z'), ZONE);
    const spans: PlaySpan[] = [
      { from: days[0]!, to: days[0]! + H, playlistId: 'a', reason: 'default' },
      { from: days[0]! + H, to: days[7]!, playlistId: 'a', reason: 'default' },
    ];
    expect(layoutWeek(spans, days, ZONE).map((d) => d.bars.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('keeps noon at noon on the 23-hour Sunday of spring', () => {
    const days = weekDays(Date.parse('2026-03-26T12:00:00Z'), ZONE);
    const sunday = days[6]!;
    // Noon on 29 March 2026 in Brussels is 10:00 UTC (summer time since 02:00).
    const noon = Date.parse('2026-03-29T10:00:00Z');
    const spans: PlaySpan[] = [
      { from: sunday, to: noon, playlistId: 'a', reason: 'default' },
      { from: noon, to: noon + 2 * H, playlistId: 'lunch', reason: 'scheduled' },
      { from: noon + 2 * H, to: days[7]!, playlistId: 'a', reason: 'default' },
    ];
    const bars = layoutWeek(spans, days, ZONE)[6]!.bars;
    expect(bars.map((b) => b.time)).toEqual(['00:00–12:00', '12:00–14:00', '14:00–24:00']);
    expect(bars[1]).toMatchObject({ fromMinute: 720, toMinute: 840 });
  });
});
