import { describe, expect, it } from 'vitest';
import { formatMultiplier } from './multiplier';

describe('formatMultiplier', () => {
  it('shows two decimals of a 1e18 multiplier', () => {
    expect(formatMultiplier(45n * 10n ** 16n)).toBe('0.45×');
    expect(formatMultiplier(10n ** 18n)).toBe('1.00×');
    // An amount-weighted average between two terms: cut, not rounded up.
    expect(formatMultiplier(476_923_076_923_076_923n)).toBe('0.47×');
  });
});
