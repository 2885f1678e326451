import { describe, expect, it } from 'vitest';
import { MB, NO_PRICE } from './pricing';
import { formatByteCount, formatBytes, formatPricePerMb, utilisationBps } from './units';

describe('sizes', () => {
  it('formats in binary units, truncated to two decimals', () => {
    expect(formatBytes(0n)).toBe('0 bytes');
    expect(formatBytes(1n)).toBe('1 byte');
    expect(formatBytes(1023n)).toBe('1,023 bytes');
    expect(formatBytes(1024n)).toBe('1 KB');
    expect(formatBytes(1536n)).toBe('1.5 KB');
    expect(formatBytes(MB)).toBe('1 MB');
    expect(formatBytes(MB * 2n - 1n)).toBe('1.99 MB');
    expect(formatBytes(5n * 1024n * MB + 52_428_800n)).toBe('5.04 GB');
    expect(formatBytes(2_000_000n * 1024n * MB)).toBe('2,000,000 GB');
    expect(formatByteCount(1_048_576n)).toBe('1,048,576 bytes');
  });

  it('writes a price per MB as a person reads it, and says when there is no price', () => {
    expect(formatPricePerMb(99_999_999_860_301_614n)).toBe('0.099999 CLO per MB');
    expect(formatPricePerMb(1n)).toBe('< 0.000001 CLO per MB');
    expect(formatPricePerMb(10n ** 15n)).toBe('0.001 CLO per MB');
    expect(formatPricePerMb(NO_PRICE)).toBe('no price (capacity taken)');
  });

  it('gives utilisation in basis points', () => {
    expect(utilisationBps(0n, 0n)).toBe(0);
    expect(utilisationBps(5n, 0n)).toBe(10_000);
    expect(utilisationBps(MB, 4n * MB)).toBe(2_500);
    expect(utilisationBps(5n * MB, 4n * MB)).toBe(12_500);
  });
});
