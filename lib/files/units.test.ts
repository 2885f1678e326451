import { describe, expect, it } from 'vitest';
import { MB } from './pricing';
import { formatBps, formatByteCount, formatBytes, formatCloExact, formatPricePerMb, utilisationBps } from './units';

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

  it('formats CLO prices with every significant decimal', () => {
    expect(formatCloExact(1n)).toBe('0.000000000000000001 CLO');
    expect(formatPricePerMb(10n ** 15n)).toBe('0.001 CLO per MB');
    expect(formatCloExact(1234n * 10n ** 18n)).toBe('1,234 CLO');
  });

  it('gives utilisation in basis points', () => {
    expect(utilisationBps(0n, 0n)).toBe(0);
    expect(utilisationBps(5n, 0n)).toBe(10_000);
    expect(utilisationBps(MB, 4n * MB)).toBe(2_500);
    expect(utilisationBps(5n * MB, 4n * MB)).toBe(12_500);
    expect(formatBps(2_500)).toBe('25%');
    expect(formatBps(1_234)).toBe('12.34%');
    expect(formatBps(1_230)).toBe('12.3%');
    expect(formatBps(5)).toBe('0.05%');
  });
});
