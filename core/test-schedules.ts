/**
 * What the scheduler's property tests share: the zones they run in, the real offset changes of
 * 2026 to look closely around, and arbitraries for wall-clock times and instants near them.
 * Test support only (not built into dist: tsconfig.node.json leaves out `test-*.ts`).
 */
import fc from 'fast-check';

/** The kiosk's usual zone. */
export const BRU = 'Europe/Brussels';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An ISO instant as epoch milliseconds. */
export const utc = (iso: string): number => Date.parse(iso);

/** Zones with whole, half, quarter and 30-minute-DST offsets, north and south. */
export const ZONES = [
  'Europe/Brussels',
  'UTC',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];

/** Offset changes of exactly one of `ZONES` each, in 2026. */
export const TRANSITIONS = [
  '2026-03-29T01:00Z',
  '2026-10-25T01:00Z',
  '2026-03-08T07:00Z',
  '2026-11-01T06:00Z',
  '2026-04-04T15:00Z',
  '2026-10-03T15:30Z',
  '2026-04-04T14:00Z',
  '2026-09-26T14:00Z',
].map(utc);

/** A schedule time `HH:MM` (24:00 included) with its minutes drawn from `minutes`. */
export function wallTime(minutes: readonly number[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(...minutes))
    .map(([h, m]) =>
      h === 24 ? '24:00' : `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    );
}

/** An instant in 2026, half of them within `before` before to `after` after an offset change. */
export function instantNearTransitions(before: number, after: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: utc('2026-01-01T00:00:00Z'), max: utc('2027-01-01T00:00:00Z') }),
    fc
      .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -before, max: after }))
      .map(([transition, delta]) => transition + Math.round(delta / MINUTE) * MINUTE),
  );
}
