import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  committedBytes,
  computeUploadDeposit,
  CRR,
  depositFor,
  freeBytes,
  MB,
  NO_PRICE,
  pricePerMb,
  type PricingTotals,
} from './pricing';

// 1 CLO unit price, 0.001 CLO floor, two nodes of 100 and 300 MB: 400 MB of capacity.
const UNIT = 10n ** 18n;
const FLOOR = 10n ** 15n;
const CAPACITY = 400n * MB;

const totals = (used: bigint, over: Partial<PricingTotals> = {}): PricingTotals => ({
  used_bytes: used,
  pending_bytes: 0n,
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
    ['25%', 100n * MB, 39_888_888_888_888_889n],
    ['50%', 200n * MB, 151_000_000_000_000_000n],
    ['90%', 360n * MB, 4_951_000_000_000_000_000n],
    ['99%', 396n * MB, 499_951_000_000_000_000_000n],
  ])('at %s of capacity is exact', (_, used, expected) => {
    expect(pricePerMb(used, CAPACITY, UNIT, FLOOR)).toBe(expected);
  });

  it('starts at the floor with the slope of the seed formula, unit x used / (capacity x CRR)', () => {
    // One byte: the seed's price over the floor would be 10^18 / (400 MB x 10) = 238,418,579.1 wei; the curve adds
    // a second-order term far below a wei and rounds up.
    expect(pricePerMb(1n, CAPACITY, UNIT, FLOOR)).toBe(FLOOR + 238_418_580n);
    // At 0.1% of the capacity the curve is within 0.2% of the floor plus the seed's formula.
    const used = CAPACITY / 1000n;
    const seed = FLOOR + (UNIT * used) / (CAPACITY * CRR);
    const price = pricePerMb(used, CAPACITY, UNIT, FLOOR);
    expect(price).toBeGreaterThan(seed);
    expect((price - seed) * 1000n).toBeLessThan(seed * 2n);
  });

  it('has no bound near the capacity, and no price at or beyond it', () => {
    expect(pricePerMb(CAPACITY - 1n, CAPACITY, UNIT, FLOOR)).toBe(8_796_093_022_207_999_951_000_000_000_000_000n);
    expect(pricePerMb(CAPACITY, CAPACITY, UNIT, FLOOR)).toBe(NO_PRICE);
    expect(pricePerMb(800n * MB, CAPACITY, UNIT, FLOOR)).toBe(NO_PRICE);
  });

  it('rounds up', () => {
    expect(pricePerMb(12_345_678n, CAPACITY, UNIT, FLOOR)).toBe(4_078_691_316_276_550n);
  });

  it('is the floor with a zero unit price, and without capacity', () => {
    expect(pricePerMb(200n * MB, CAPACITY, 0n, FLOOR)).toBe(FLOOR);
    expect(pricePerMb(0n, 0n, UNIT, FLOOR)).toBe(FLOOR);
    expect(pricePerMb(5n, 0n, UNIT, FLOOR)).toBe(FLOOR);
  });

  it('refuses negative inputs', () => {
    expect(() => pricePerMb(-1n, CAPACITY, UNIT, FLOOR)).toThrow(RangeError);
    expect(() => pricePerMb(0n, -1n, UNIT, FLOOR)).toThrow(RangeError);
    expect(() => pricePerMb(0n, CAPACITY, -1n, FLOOR)).toThrow(RangeError);
    expect(() => pricePerMb(0n, CAPACITY, UNIT, -1n)).toThrow(RangeError);
  });
});

describe('computeUploadDeposit', () => {
  it('charges the area under the curve over the bytes taken, and quotes the price after', () => {
    // floor x 100 MB + unit / 20 x (400 x 100 / 300 - 100) MB = 0.1 + 1.6666... CLO.
    expect(computeUploadDeposit(100n * MB, totals(0n))).toEqual({
      pricePerMb: 39_888_888_888_888_889n,
      deposit: 1_766_666_666_666_666_667n,
    });
    expect(computeUploadDeposit(200n * MB, totals(100n * MB))).toEqual({
      pricePerMb: 751_000_000_000_000_000n,
      deposit: 43_533_333_333_333_333_334n,
    });
  });

  it('counts pending bytes like counted ones', () => {
    expect(computeUploadDeposit(200n * MB, totals(40n * MB, { pending_bytes: 60n * MB }))).toEqual(
      computeUploadDeposit(200n * MB, totals(100n * MB)),
    );
    expect(freeBytes(totals(40n * MB, { pending_bytes: 60n * MB }))).toBe(300n * MB);
  });

  it('makes most of the capacity dear and the whole of it impossible', () => {
    // 90% of 400 MB: 0.36 + 0.05 x (400 x 360 / 40 - 360) = 162.36 CLO; 99%: 1,960.596 CLO.
    expect(computeUploadDeposit(360n * MB, totals(0n))).toMatchObject({ deposit: 162_360_000_000_000_000_000n });
    expect(computeUploadDeposit(396n * MB, totals(0n))).toMatchObject({ deposit: 1_960_596_000_000_000_000_000n });
    expect(computeUploadDeposit(CAPACITY - 1n, totals(0n))).toMatchObject({
      deposit: 8_388_607_960_400_000_046_730_041_505n,
    });
    expect(computeUploadDeposit(CAPACITY, totals(0n))).toEqual({ error: 'over-capacity' });
  });

  it('rounds both parts of the deposit up', () => {
    expect(computeUploadDeposit(1n, totals(0n))).toMatchObject({ deposit: 953_674_431n });
    expect(computeUploadDeposit(7n, totals(0n))).toMatchObject({ deposit: 6_675_725_786n });
    expect(computeUploadDeposit(1n, totals(100n * MB))).toMatchObject({ deposit: 38_041_009_114n });
    expect(computeUploadDeposit(12_345_678n, totals(0n))).toMatchObject({ deposit: 29_626_919_374_707_624n });
  });

  it('never makes a split upload cheaper than the whole (I-02)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: CAPACITY - 3n }),
        fc.bigInt({ min: 1n, max: CAPACITY }),
        fc.bigInt({ min: 1n, max: CAPACITY }),
        (used, first, second) => {
          fc.pre(used + first + second < CAPACITY);
          const whole = depositFor(used, first + second, CAPACITY, UNIT, FLOOR)!;
          const parts =
            depositFor(used, first, CAPACITY, UNIT, FLOOR)! + depositFor(used + first, second, CAPACITY, UNIT, FLOOR)!;
          // The same area, each part rounded up once more: at most 2 wei dearer.
          expect(parts >= whole && parts <= whole + 2n).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses an empty file, no node and too little free capacity, in that order', () => {
    expect(computeUploadDeposit(0n, totals(0n, { node_count: 0n, capacity_bytes: 0n }))).toEqual({ error: 'empty' });
    expect(computeUploadDeposit(1n, totals(0n, { node_count: 0n, capacity_bytes: 0n }))).toEqual({
      error: 'no-nodes',
    });
    expect(computeUploadDeposit(1n, totals(CAPACITY))).toEqual({ error: 'over-capacity' });
    expect(computeUploadDeposit(1n, totals(CAPACITY - 1n))).toEqual({ error: 'over-capacity' });
    expect(computeUploadDeposit(4n * MB, totals(396n * MB))).toEqual({ error: 'over-capacity' });
    expect(computeUploadDeposit(1n, totals(CAPACITY + 1n))).toEqual({ error: 'over-capacity' });
    expect(computeUploadDeposit(2n ** 256n - 1n, totals(0n))).toEqual({ error: 'over-capacity' });
    // The contract's bounds keep every deposit in 256 bits: 32 nodes of 2^64 - 1 MB, the highest prices, all but
    // one byte of the capacity in one upload is a 254-bit deposit (the 'unaffordable' refusal is a guard only).
    const huge = 32n * (2n ** 64n - 1n) * MB;
    const max = 10n ** 30n;
    const extreme = computeUploadDeposit(
      huge - 1n,
      totals(0n, { capacity_bytes: huge, unit_price: max, floor_price: max }),
    );
    expect('error' in extreme ? 0 : extreme.deposit.toString(2).length).toBe(254);
  });

  it('refuses a negative size', () => {
    expect(() => computeUploadDeposit(-1n, totals(0n))).toThrow(RangeError);
  });
});

describe('freeBytes', () => {
  it('is capacity less committed bytes, never negative', () => {
    expect(freeBytes(totals(100n * MB))).toBe(300n * MB);
    expect(freeBytes(totals(CAPACITY))).toBe(0n);
    expect(freeBytes(totals(CAPACITY + 5n))).toBe(0n);
    expect(committedBytes(totals(5n, { pending_bytes: 7n }))).toBe(12n);
  });
});
