import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration } from './time';

describe('formatDuration', () => {
  it('says a duration at planning precision', () => {
    expect(formatDuration(27 * 86_400)).toBe('27 days');
    expect(formatDuration(86_400)).toBe('1 day');
    expect(formatDuration(2 * 86_400 + 5 * 3_600)).toBe('2 d 5 h');
    expect(formatDuration(3 * 3_600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatDuration(3_600)).toBe('1 h');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(-5)).toBe('0 s');
  });
});

describe('formatDateTime', () => {
  it('names the date, the time and the time zone', () => {
    const text = formatDateTime(1_767_268_800n, 'en-US');
    expect(text).toMatch(/2026/);
    expect(text).toMatch(/Jan/);
    expect(text).toMatch(/UTC|GMT|[A-Z]{2,5}/);
  });
});
