import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import { MAX_UINT256, parseDecimal } from './amount';

const ok = (value: bigint) => ({ kind: 'ok', value });

describe('parseDecimal', () => {
  it('reads CLO amounts to the wei, with no floating point on the way', () => {
    expect(parseDecimal('2.5')).toEqual(ok(2_500_000_000_000_000_000n));
    expect(parseDecimal('100')).toEqual(ok(parseEther('100')));
    expect(parseDecimal('.5')).toEqual(ok(parseEther('0.5')));
    expect(parseDecimal('7.')).toEqual(ok(parseEther('7')));
    expect(parseDecimal('0.000000000000000001')).toEqual(ok(1n));
    // 0.1 + 0.2 is not 0.3 in floating point; here it is exact.
    expect(parseDecimal('0.3')).toEqual(ok(300_000_000_000_000_000n));
    // Far beyond a double's 2^53: every digit kept.
    expect(parseDecimal('123456789012345678901234567.123456789012345678')).toEqual(
      ok(123456789012345678901234567123456789012345678n),
    );
  });

  it('ignores the spaces around a pasted number and keeps leading zeros harmless', () => {
    expect(parseDecimal('  42 ')).toEqual(ok(parseEther('42')));
    expect(parseDecimal('007.50')).toEqual(ok(parseEther('7.5')));
  });

  it('says nothing was typed for an empty or blank field', () => {
    expect(parseDecimal('')).toEqual({ kind: 'empty' });
    expect(parseDecimal('   ')).toEqual({ kind: 'empty' });
  });

  it('refuses a fraction longer than the unit allows instead of rounding it away', () => {
    expect(parseDecimal('0.0000000000000000001')).toMatchObject({
      kind: 'invalid',
      problem: 'too-many-decimals',
      reason: 'Use at most 18 decimals',
    });
    expect(parseDecimal('12.345', 2)).toMatchObject({ kind: 'invalid', reason: 'Use at most 2 decimals' });
    expect(parseDecimal('1.5', 1)).toEqual(ok(15n));
    expect(parseDecimal('1.25', 1)).toMatchObject({ reason: 'Use at most 1 decimal' });
    expect(parseDecimal('3.0', 0)).toMatchObject({ kind: 'invalid', reason: 'Enter a whole number' });
    expect(parseDecimal('3', 0)).toEqual(ok(3n));
  });

  it('reads a percentage with two decimals as basis points', () => {
    expect(parseDecimal('12.5', 2)).toEqual(ok(1250n));
    expect(parseDecimal('0.01', 2)).toEqual(ok(1n));
  });

  it('refuses what is not a plain positive decimal, in plain words', () => {
    for (const text of ['abc', '1,000', '1e18', '0x10', '1.2.3', '.', '+5', '5 CLO', 'Infinity', 'NaN', '١٢']) {
      expect(parseDecimal(text), text).toMatchObject({
        kind: 'invalid',
        problem: 'not-a-number',
        reason: 'Enter a number, such as 100 or 2.5',
      });
    }
    expect(parseDecimal('-5')).toMatchObject({
      kind: 'invalid',
      problem: 'negative',
      reason: 'Enter a positive number',
    });
    expect(parseDecimal('-.5')).toMatchObject({ problem: 'negative' });
  });

  it('accepts up to the largest uint256 and refuses one more', () => {
    expect(parseDecimal(MAX_UINT256.toString(), 0)).toEqual(ok(MAX_UINT256));
    expect(parseDecimal((MAX_UINT256 + 1n).toString(), 0)).toMatchObject({
      kind: 'invalid',
      problem: 'too-large',
      reason: 'The number is too large',
    });
    // 2^256 wei is about 1.16e59 CLO: a CLO amount above 1.2e59 cannot be sent.
    expect(parseDecimal('1' + '0'.repeat(60))).toMatchObject({ problem: 'too-large' });
  });
});
