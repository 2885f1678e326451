// The storage price of contracts/CallistoFS.sol, for the app (quotes before signing, the price curve) and the host
// nodes. Bigint arithmetic with the contract's integer semantics: the same inputs give the same wei.
//
//   price_per_mb(used) = max(floor_price, ceil(unit_price * used / (capacity_bytes * CRR)))   wei per MB
//   quote(size):  p = price_per_mb(used_bytes + size),  deposit = ceil(size * p / MB)          wei
//
// 1 MB = 1,048,576 bytes (2^20). Both divisions round up, in the contract's favour. With no capacity the price is
// the floor. An upload of 0 bytes, with no elected node, or beyond the free capacity is refused.

/** Bytes a MB: prices are wei per MB, capacities whole MB. */
export const MB = 1_048_576n;
/** The constant reserve ratio of the price formula. */
export const CRR = 10n;

/** The fields of the contract's `totals()` the price depends on (viem decodes them under these names). */
export interface PricingTotals {
  used_bytes: bigint;
  capacity_bytes: bigint;
  node_count: bigint;
  unit_price: bigint;
  floor_price: bigint;
}

export type UploadRefusal = 'empty' | 'no-nodes' | 'over-capacity';

export type UploadDeposit = { pricePerMb: bigint; deposit: bigint } | { error: UploadRefusal };

/** ceil(a / b) for a >= 0, b > 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return a === 0n ? 0n : (a - 1n) / b + 1n;
}

function requireNonNegative(values: Record<string, bigint>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value < 0n) throw new RangeError(`${name} cannot be negative`);
  }
}

/** Wei per MB at `used` bytes of use (the contract's `price_per_mb`). */
export function pricePerMb(used: bigint, capacity: bigint, unitPrice: bigint, floorPrice: bigint): bigint {
  requireNonNegative({ used, capacity, unitPrice, floorPrice });
  if (capacity === 0n) return floorPrice;
  const price = ceilDiv(unitPrice * used, capacity * CRR);
  return price > floorPrice ? price : floorPrice;
}

/** Bytes still free: capacity less use, 0 when a removed node left use above capacity. */
export function freeBytes(totals: Pick<PricingTotals, 'used_bytes' | 'capacity_bytes'>): bigint {
  return totals.capacity_bytes > totals.used_bytes ? totals.capacity_bytes - totals.used_bytes : 0n;
}

/**
 * The price a MB and the deposit the contract's `quote(size)` gives, or why `upload` would refuse the file (checked
 * in the contract's order: empty, no node, over capacity). The deposit is the least `upload` accepts.
 */
export function computeUploadDeposit(size: bigint, totals: PricingTotals): UploadDeposit {
  requireNonNegative({ size });
  if (size === 0n) return { error: 'empty' };
  if (totals.node_count === 0n) return { error: 'no-nodes' };
  if (totals.used_bytes > totals.capacity_bytes || size > totals.capacity_bytes - totals.used_bytes) {
    return { error: 'over-capacity' };
  }
  const price = pricePerMb(totals.used_bytes + size, totals.capacity_bytes, totals.unit_price, totals.floor_price);
  return { pricePerMb: price, deposit: ceilDiv(size * price, MB) };
}

export function isUploadRefusal(result: UploadDeposit): result is { error: UploadRefusal } {
  return 'error' in result;
}
