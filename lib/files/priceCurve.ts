// The points of the price curve the nodes page draws (bigint wei; the chart converts to numbers only where it
// draws) and the point marked "now".
import { committedBytes, pricePerMb } from './pricing';
import type { StorageTotals } from './types';

export interface CurvePoint {
  usedBytes: bigint;
  /** Wei per MB at that use; NO_PRICE at or beyond the capacity. */
  pricePerMb: bigint;
}

/** The share of the capacity where the drawn curve stops (in hundredths): beyond it the price climbs without bound. */
export const CURVE_END_PERCENT = 95;

/**
 * The price per MB against committed use: points at every 1/`steps` of the capacity from empty to CURVE_END_PERCENT
 * (the tenths among them when `steps` is a multiple of 10). The curve has no bound at full capacity, so it is drawn
 * only so far. Empty for no capacity.
 */
export function priceCurve(
  totals: Pick<StorageTotals, 'capacity_bytes' | 'unit_price' | 'floor_price'>,
  steps = 40,
): CurvePoint[] {
  const { capacity_bytes: capacity, unit_price: unit, floor_price: floor } = totals;
  if (capacity === 0n || steps < 1) return [];
  const points: CurvePoint[] = [];
  const last = Math.floor((steps * CURVE_END_PERCENT) / 100);
  for (let i = 0; i <= last; i++) {
    const used = (capacity * BigInt(i)) / BigInt(steps);
    points.push({ usedBytes: used, pricePerMb: pricePerMb(used, capacity, unit, floor) });
  }
  return points;
}

/** The point marked on the curve: the price now, at the bytes committed (counted and pending). */
export function currentPoint(
  totals: Pick<StorageTotals, 'used_bytes' | 'pending_bytes' | 'capacity_bytes' | 'unit_price' | 'floor_price'>,
): CurvePoint {
  const committed = committedBytes(totals);
  return {
    usedBytes: committed,
    pricePerMb: pricePerMb(committed, totals.capacity_bytes, totals.unit_price, totals.floor_price),
  };
}
