import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration } from './format';

describe('times people read', () => {
  it('name their time zone', () => {
    expect(formatDateTime('2030-01-01T10:00:00Z')).toMatch(/(UTC|GMT|[A-Z]{2,5}|[+-]\d)/);
  });

  it('count down in the two largest units, in words', () => {
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 59_000)).toBe('2 days 3 hours');
    expect(formatDuration(3_600_000 + 60_000)).toBe('1 hour 1 minute');
    expect(formatDuration(5 * 60_000 + 12_000)).toBe('5 minutes 12 seconds');
    expect(formatDuration(86_400_000 + 30_000)).toBe('1 day');
    expect(formatDuration(999)).toBe('0 seconds');
  });
});
