import { describe, expect, it } from 'vitest';
import { maxUint256, parseEther } from 'viem';
import { formatClo, formatCloExact, formatCloReadable, shortAddress } from './clo';

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

describe('formatCloReadable', () => {
  it('says nothing is nothing, and calls dust dust rather than 0', () => {
    expect(formatCloReadable(0n)).toBe('0 CLO');
    expect(formatCloReadable(1n)).toBe('< 0.000001 CLO');
    expect(formatCloReadable(parseEther('0.000001') - 1n)).toBe('< 0.000001 CLO');
    expect(formatCloReadable(parseEther('0.000001'))).toBe('0.000001 CLO');
    expect(formatCloReadable(-1n)).toBe('> -0.000001 CLO');
  });

  it('keeps about six significant digits and never writes trailing zeros', () => {
    expect(formatCloReadable(parseEther('0.0123456789'))).toBe('0.012345 CLO');
    expect(formatCloReadable(parseEther('1.23456789'))).toBe('1.23456 CLO');
    expect(formatCloReadable(parseEther('1234.56789'))).toBe('1,234.56 CLO');
    expect(formatCloReadable(parseEther('2.5'))).toBe('2.5 CLO');
    expect(formatCloReadable(parseEther('100'))).toBe('100 CLO');
    expect(formatCloReadable(parseEther('123456.789'))).toBe('123,456 CLO');
  });

  it('writes the whole part in full however large, never as 1.2M or in exponent form', () => {
    expect(formatCloReadable(parseEther('1234567.89'))).toBe('1,234,567 CLO');
    expect(formatCloReadable(maxUint256)).toBe(
      '115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457 CLO',
    );
  });

  it('cuts instead of rounding, so it never shows more than there is', () => {
    expect(formatCloReadable(parseEther('999.9999999'))).toBe('999.999 CLO');
    expect(formatCloReadable(parseEther('1') - 1n)).toBe('0.999999 CLO');
  });

  it('writes losses with their sign', () => {
    expect(formatCloReadable(-parseEther('1234.56789'))).toBe('-1,234.56 CLO');
  });
});

describe('formatCloExact', () => {
  it('writes every decimal, with the unit', () => {
    expect(formatCloExact(1n)).toBe('0.000000000000000001 CLO');
    expect(formatCloExact(parseEther('1234') + 1n)).toBe('1,234.000000000000000001 CLO');
    expect(formatCloExact(parseEther('1234'))).toBe('1,234 CLO');
    expect(formatCloExact(0n)).toBe('0 CLO');
    expect(formatCloExact(-parseEther('0.5'))).toBe('-0.5 CLO');
  });
});
