import { describe, expect, it } from 'vitest';
import { MB, NO_PRICE, pricePerMb } from './pricing';
import { currentPoint, priceCurve } from './priceCurve';
import { formatPricePerMb } from './units';

describe('the price curve', () => {
  const totals = {
    used_bytes: 500n * MB,
    pending_bytes: 100n * MB,
    capacity_bytes: 1000n * MB,
    unit_price: 10n ** 18n,
    floor_price: 2n * 10n ** 15n,
  };

  it('runs from empty to 95% of the capacity with the contract’s prices, rising', () => {
    const curve = priceCurve(totals, 40);
    expect(curve).toHaveLength(39);
    expect(curve[0]).toEqual({ usedBytes: 0n, pricePerMb: totals.floor_price });
    expect(curve.at(-1)).toEqual({ usedBytes: 950n * MB, pricePerMb: 19_952_000_000_000_000_000n });
    for (const p of curve) {
      expect(p.pricePerMb).toBe(pricePerMb(p.usedBytes, totals.capacity_bytes, totals.unit_price, totals.floor_price));
    }
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.usedBytes > curve[i - 1]!.usedBytes).toBe(true);
      expect(curve[i]!.pricePerMb > curve[i - 1]!.pricePerMb).toBe(true);
    }
    // The tenths the chart's table lists are among the points.
    for (let t = 0n; t <= 9n; t++)
      expect(curve.some((p) => p.usedBytes === (totals.capacity_bytes * t) / 10n)).toBe(true);
  });

  it('marks the price now at the committed bytes, stored and waiting alike', () => {
    expect(currentPoint(totals)).toEqual({ usedBytes: 600n * MB, pricePerMb: 264_500_000_000_000_000n });
    expect(currentPoint({ ...totals, used_bytes: 1000n * MB }).pricePerMb).toBe(NO_PRICE);
    expect(formatPricePerMb(NO_PRICE)).toBe('no price (capacity taken)');
  });

  it('is empty without capacity', () => {
    expect(priceCurve({ ...totals, capacity_bytes: 0n })).toEqual([]);
  });
});
