import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import { formatBps, sharesOf } from './percent';
import { parseDecimal } from './amount';

/** The percentages of `shares` added up exactly, in units of 10^-digits percent. */
function sumOf(shares: string[], digits: number): bigint {
  return shares.reduce((sum, s) => {
    const parsed = parseDecimal(s.replace(/%$/, ''), digits);
    if (parsed.kind !== 'ok') throw new Error(`not a share: ${s}`);
    return sum + parsed.value;
  }, 0n);
}

describe('formatBps', () => {
  it('writes basis points as a percentage with one decimal by default', () => {
    expect(formatBps(1250n)).toBe('12.5%');
    expect(formatBps(1000)).toBe('10%');
    expect(formatBps(0)).toBe('0%');
    expect(formatBps(10_000n)).toBe('100%');
    expect(formatBps(1)).toBe('0%');
  });

  it('cuts rather than rounds, so nearly all never reads as all', () => {
    expect(formatBps(9999)).toBe('99.9%');
    expect(formatBps(6249)).toBe('62.4%');
    expect(formatBps(9999, 2)).toBe('99.99%');
    expect(formatBps(9999, 0)).toBe('99%');
  });

  it('keeps as many decimals as asked and drops trailing zeros', () => {
    expect(formatBps(1205, 2)).toBe('12.05%');
    expect(formatBps(1250, 2)).toBe('12.5%');
    expect(formatBps(1, 2)).toBe('0.01%');
    expect(formatBps(1, 3)).toBe('0.01%');
  });

  it('writes values beyond 100% and below 0 (a capacity overrun, a change down)', () => {
    expect(formatBps(12_345n)).toBe('123.4%');
    expect(formatBps(-250)).toBe('-2.5%');
  });
});

describe('sharesOf', () => {
  it('gives three equal parts shares that add to exactly 100%', () => {
    expect(sharesOf([1n, 1n, 1n])).toEqual(['33.4%', '33.3%', '33.3%']);
    expect(sharesOf([1n, 1n, 1n], 0)).toEqual(['34%', '33%', '33%']);
  });

  it('gives the leftover to the largest remainders, not to the largest parts', () => {
    // Exact shares 66.66..%, 16.66..%, 16.66..%, remainders equal after cutting: earlier parts first.
    expect(sharesOf([4n, 1n, 1n])).toEqual(['66.7%', '16.7%', '16.6%']);
    // 0.06% (cut to 0.0) has a larger remainder than 99.94% (cut to 99.9): the small part gets the unit.
    expect(sharesOf([9994n, 6n])).toEqual(['99.9%', '0.1%']);
    expect(sharesOf([9996n, 4n])).toEqual(['100%', '0%']);
  });

  it('handles wei-sized stakes exactly', () => {
    const parts = [parseEther('1234567.123456789'), parseEther('0.000000000000000001'), parseEther('99999999')];
    const shares = sharesOf(parts, 2);
    expect(sumOf(shares, 2)).toBe(10_000n);
    expect(shares).toEqual(['1.22%', '0%', '98.78%']);
  });

  it('adds up to exactly 100% for many arbitrary splits', () => {
    // A fixed pseudo-random sequence (xorshift), so a failure reproduces.
    let seed = 0x2545f491n;
    const next = () => {
      seed ^= (seed << 13n) & 0xffffffffn;
      seed ^= seed >> 17n;
      seed ^= (seed << 5n) & 0xffffffffn;
      return seed;
    };
    for (let round = 0; round < 200; round++) {
      const count = Number(next() % 9n) + 1;
      const parts = Array.from({ length: count }, () => next() * (next() % 3n === 0n ? 10n ** 18n : 1n));
      if (parts.every((p) => p === 0n)) continue;
      for (const digits of [0, 1, 2]) {
        expect(sumOf(sharesOf(parts, digits), digits), `${parts.join(',')} @${digits}`).toBe(
          100n * 10n ** BigInt(digits),
        );
      }
    }
  });

  it('gives no share to anyone when there is nothing, and one part all of it', () => {
    expect(sharesOf([0n, 0n])).toEqual(['0%', '0%']);
    expect(sharesOf([])).toEqual([]);
    expect(sharesOf([5n])).toEqual(['100%']);
    expect(sharesOf([0n, 7n])).toEqual(['0%', '100%']);
  });

  it('refuses negative parts', () => {
    expect(() => sharesOf([1n, -1n])).toThrow(RangeError);
  });
});
