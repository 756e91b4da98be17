import { describe, expect, it } from 'vitest';
import { filterZones } from './TimeZonePicker';

const ZONES = Intl.supportedValuesOf('timeZone');

describe('filterZones', () => {
  it('finds a zone from part of its city, in any case', () => {
    expect(filterZones(ZONES, 'bru')).toContain('Europe/Brussels');
    expect(filterZones(ZONES, 'BRU')).toContain('Europe/Brussels');
    expect(filterZones(ZONES, 'bru')).not.toContain('Asia/Tokyo');
  });

  it('matches every word, underscores read as spaces', () => {
    expect(filterZones(ZONES, 'new york')).toEqual(['America/New_York']);
    expect(filterZones(ZONES, 'america/new_york')).toEqual(['America/New_York']);
  });

  it('lists every zone for empty text, and none for a zone that does not exist', () => {
    expect(filterZones(ZONES, '  ')).toHaveLength(ZONES.length);
    expect(filterZones(ZONES, 'Mars/Olympus')).toEqual([]);
  });
});
