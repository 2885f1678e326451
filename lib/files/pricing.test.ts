import { describe, expect, it } from 'vitest';
import { computeUploadDeposit, CRR, freeBytes, isUploadRefusal, MB, pricePerMb, type PricingTotals } from './pricing';

// 1 CLO unit price, 0.001 CLO floor, two nodes of 100 and 300 MB: 400 MB of capacity.
const UNIT = 10n ** 18n;
const FLOOR = 10n ** 15n;
const CAPACITY = 400n * MB;

const totals = (used: bigint, over: Partial<PricingTotals> = {}): PricingTotals => ({
  used_bytes: used,
  capacity_bytes: CAPACITY,
  node_count: 2n,
  unit_price: UNIT,
  floor_price: FLOOR,
  ...over,
});

describe('units', () => {
  it('counts 2^20 bytes a MB and a reserve ratio of 10', () => {
    expect(MB).toBe(1_048_576n);
    expect(CRR).toBe(10n);
  });
});

describe('pricePerMb', () => {
  it.each([
    ['0%', 0n, FLOOR],
    ['25%', 100n * MB, 25_000_000_000_000_000n],
    ['50%', 200n * MB, 50_000_000_000_000_000n],
    ['99%', 396n * MB, 99_000_000_000_000_000n],
    ['100%', 400n * MB, 100_000_000_000_000_000n],
  ])('at %s of capacity is exact', (_, used, expected) => {
    expect(pricePerMb(used, CAPACITY, UNIT, FLOOR)).toBe(expected);
  });

  it('reaches unit_price / CRR at full capacity', () => {
    expect(pricePerMb(CAPACITY, CAPACITY, UNIT, FLOOR)).toBe(UNIT / CRR);
  });

  it('rounds up', () => {
    // 10^18 x 12,345,678 / 4,194,304,000 = 2,943,439,006,805,419.92...
    expect(pricePerMb(12_345_678n, CAPACITY, UNIT, FLOOR)).toBe(2_943_439_006_805_420n);
    // One byte short of full: 99,999,999,761,581,420.89...
    expect(pricePerMb(CAPACITY - 1n, CAPACITY, UNIT, FLOOR)).toBe(99_999_999_761_581_421n);
    expect(pricePerMb(1n, CAPACITY, UNIT, 1n)).toBe(238_418_580n);
  });

  it('never goes below the floor', () => {
    expect(pricePerMb(1n, CAPACITY, UNIT, FLOOR)).toBe(FLOOR);
    expect(pricePerMb(200n * MB, CAPACITY, 0n, FLOOR)).toBe(FLOOR);
    expect(pricePerMb(200n * MB, CAPACITY, UNIT, 10n ** 17n)).toBe(10n ** 17n);
  });

  it('is the floor without capacity', () => {
    expect(pricePerMb(0n, 0n, UNIT, FLOOR)).toBe(FLOOR);
    expect(pricePerMb(5n, 0n, UNIT, FLOOR)).toBe(FLOOR);
  });

  it('keeps rising above full use (a node removed under held files)', () => {
    expect(pricePerMb(800n * MB, CAPACITY, UNIT, FLOOR)).toBe(2n * (UNIT / CRR));
  });

  it('refuses negative inputs', () => {
    expect(() => pricePerMb(-1n, CAPACITY, UNIT, FLOOR)).toThrow(RangeError);
    expect(() => pricePerMb(0n, -1n, UNIT, FLOOR)).toThrow(RangeError);
    expect(() => pricePerMb(0n, CAPACITY, -1n, FLOOR)).toThrow(RangeError);
    expect(() => pricePerMb(0n, CAPACITY, UNIT, -1n)).toThrow(RangeError);
  });
});

describe('computeUploadDeposit', () => {
  it('prices at the use after the upload', () => {
    expect(computeUploadDeposit(100n * MB, totals(0n))).toEqual({
      pricePerMb: 25_000_000_000_000_000n,
      deposit: 2_500_000_000_000_000_000n,
    });
    expect(computeUploadDeposit(296n * MB, totals(100n * MB))).toEqual({
      pricePerMb: 99_000_000_000_000_000n,
      deposit: 29_304_000_000_000_000_000n,
    });
  });

  it('accepts an upload that fills the capacity exactly', () => {
    expect(computeUploadDeposit(4n * MB, totals(396n * MB))).toEqual({
      pricePerMb: 100_000_000_000_000_000n,
      deposit: 400_000_000_000_000_000n,
    });
    expect(computeUploadDeposit(CAPACITY, totals(0n))).toEqual({
      pricePerMb: UNIT / CRR,
      deposit: 40n * UNIT,
    });
  });

  it('rounds the deposit up', () => {
    // One byte at the floor: 10^15 / 2^20 = 953,674,316.40625 wei.
    expect(computeUploadDeposit(1n, totals(0n))).toEqual({ pricePerMb: FLOOR, deposit: 953_674_317n });
    expect(computeUploadDeposit(7n, totals(0n))).toEqual({ pricePerMb: FLOOR, deposit: 6_675_720_215n });
    // Both ceilings at once.
    expect(computeUploadDeposit(1n, totals(100n * MB))).toEqual({
      pricePerMb: 25_000_000_238_418_580n,
      deposit: 23_841_858_138n,
    });
    expect(computeUploadDeposit(12_345_678n, totals(0n))).toEqual({
      pricePerMb: 2_943_439_006_805_420n,
      deposit: 34_655_332_747_134_709n,
    });
  });

  it('refuses an empty file, no node and too little free capacity, in that order', () => {
    expect(computeUploadDeposit(0n, totals(0n, { node_count: 0n, capacity_bytes: 0n }))).toEqual({ error: 'empty' });
    expect(computeUploadDeposit(1n, totals(0n, { node_count: 0n, capacity_bytes: 0n }))).toEqual({
      error: 'no-nodes',
    });
    expect(computeUploadDeposit(1n, totals(CAPACITY))).toEqual({ error: 'over-capacity' });
    expect(computeUploadDeposit(4n * MB + 1n, totals(396n * MB))).toEqual({ error: 'over-capacity' });
    expect(computeUploadDeposit(1n, totals(CAPACITY + 1n))).toEqual({ error: 'over-capacity' });
    expect(computeUploadDeposit(2n ** 256n - 1n, totals(0n))).toEqual({ error: 'over-capacity' });
  });

  it('refuses a negative size', () => {
    expect(() => computeUploadDeposit(-1n, totals(0n))).toThrow(RangeError);
  });

  it('tells a refusal from a quote', () => {
    expect(isUploadRefusal(computeUploadDeposit(0n, totals(0n)))).toBe(true);
    expect(isUploadRefusal(computeUploadDeposit(1n, totals(0n)))).toBe(false);
  });
});

describe('freeBytes', () => {
  it('is capacity less use, never negative', () => {
    expect(freeBytes(totals(100n * MB))).toBe(300n * MB);
    expect(freeBytes(totals(CAPACITY))).toBe(0n);
    expect(freeBytes(totals(CAPACITY + 5n))).toBe(0n);
  });
});
