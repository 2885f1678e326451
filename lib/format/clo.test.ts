import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import { formatClo, shortAddress } from './clo';

describe('formatClo', () => {
  it('groups thousands and trims decimals without rounding through floats', () => {
    expect(formatClo(parseEther('1234567.123456789'))).toBe('1,234,567.1234');
    expect(formatClo(parseEther('1000'))).toBe('1,000');
    expect(formatClo(1n)).toBe('0');
    expect(formatClo(1n, 18)).toBe('0.000000000000000001');
    expect(formatClo(-parseEther('2.5'))).toBe('-2.5');
    // 2^64 wei is beyond a double's exact range.
    expect(formatClo(18446744073709551616n, 18)).toBe('18.446744073709551616');
  });
  it('shortens addresses', () => {
    expect(shortAddress('0xa0Ee7A142d267C1f36714E4a8F75612F20a79720')).toBe('0xa0Ee…9720');
  });
});
