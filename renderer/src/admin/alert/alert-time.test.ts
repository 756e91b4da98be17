import { describe, expect, it } from 'vitest';
import { kioskZone } from '../locale';
import { wallInputToIso } from './alert-time';

describe('wallInputToIso', () => {
  it("reads the field on the kiosk's clock, in summer and winter time", () => {
    expect(wallInputToIso('2026-07-01T17:30', 'Europe/Brussels')).toBe('2026-07-01T15:30:00.000Z');
    expect(wallInputToIso('2026-01-15T09:00', 'Europe/Brussels')).toBe('2026-01-15T08:00:00.000Z');
    expect(wallInputToIso('2026-07-01T17:30', 'America/New_York')).toBe('2026-07-01T21:30:00.000Z');
  });

  it('moves a time inside the spring-forward gap on by the gap', () => {
    // 02:30 does not exist in Brussels on 29 March 2026: it reads as 03:30.
    expect(wallInputToIso('2026-03-29T02:30', 'Europe/Brussels')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('is undefined for an empty or broken value', () => {
    expect(wallInputToIso('', 'UTC')).toBeUndefined();
    expect(wallInputToIso('tomorrow', 'UTC')).toBeUndefined();
  });

  it("falls back to the admin machine's zone when the kiosk has none set", () => {
    expect(kioskZone('Europe/Brussels')).toBe('Europe/Brussels');
    expect(kioskZone('')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
