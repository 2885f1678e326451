import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(plural(1, 'round')).toBe('1 round');
    expect(plural(0, 'round')).toBe('0 rounds');
    expect(plural(3, 'epoch')).toBe('3 epochs');
    expect(plural(1n, 'epoch')).toBe('1 epoch');
    expect(plural(1200n, 'epoch')).toBe('1,200 epochs');
  });

  it('takes an irregular plural', () => {
    expect(plural(2, 'vulnerability', 'vulnerabilities')).toBe('2 vulnerabilities');
    expect(plural(1, 'vulnerability', 'vulnerabilities')).toBe('1 vulnerability');
  });
});
