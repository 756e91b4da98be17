import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate } from './format';
import { shortName } from './useUpload';

describe('media formats', () => {
  it('shows sizes in B, KB, MB and GB', () => {
    expect([0, 840, 1024, 12_800, 3_355_443, 524_288_000, 5 * 1024 ** 3].map(formatBytes)).toEqual([
      '0 B',
      '840 B',
      '1 KB',
      '12.5 KB',
      '3.2 MB',
      '500 MB',
      '5 GB',
    ]);
  });

  it('shows a date and time, or the text when it is not a date', () => {
    expect(formatDate('2026-05-03T14:02:00Z')).toMatch(/2026/);
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('shortens upload names past 255 characters, keeping the extension', () => {
    expect(shortName('a.png')).toBe('a.png');
    const long = `${'x'.repeat(300)}.webm`;
    expect(shortName(long)).toHaveLength(255);
    expect(shortName(long).endsWith('.webm')).toBe(true);
  });
});
