// The storage price of contracts/CallistoFS.sol, for the app (quotes before signing, the price curve) and the host
// nodes. Bigint arithmetic with the contract's integer semantics: the same inputs give the same wei.
//
// The seed's formula is Price = Balance / (Supply x CRR), CRR = 10: linear in the storage consumed, so it tops out
// at unit / CRR a MB and the whole capacity could be held for a bounded refundable deposit (audit finding M-05).
// The contract keeps its start and slope and adds a term that grows without bound as the free space runs out:
//
//   C = capacity_bytes, u = committed bytes (counted + pending)
//   price_per_mb(u) = floor + ceil(unit * (C^2 - (C - u)^2) / (2 * CRR * (C - u)^2))      wei per MB
//                   ~ floor + unit * u / (C * CRR)   while u is small (the seed's formula)
//   deposit(u, s)   = ceil(floor * s / MB) + ceil(unit * s * (C^2 - A * B) / (2 * CRR * MB * A * B)),
//                     A = C - u, B = C - u - s                                                  wei
//
// The deposit is the exact area under the curve over the bytes the upload takes, so splitting an upload never
// makes it cheaper (each part rounds up). 1 MB = 1,048,576 bytes (2^20). With no capacity the price is the floor;
// at or beyond the capacity there is no price (the contract answers 2^256 - 1). An upload of 0 bytes, with no
// elected node, that would reach the capacity, or whose deposit does not fit in 256 bits is refused.

import type { StorageTotals } from './types';

/** Bytes a MB: prices are wei per MB, capacities whole MB. */
export const MB = 1_048_576n;
/** The constant reserve ratio of the seed's formula, which the curve follows while little is used. */
export const CRR = 10n;
/** The largest uint256: the contract's "no price" at or beyond the capacity. */
export const NO_PRICE = 2n ** 256n - 1n;

/** The fields of the contract's `totals()` the price depends on. */
export type PricingTotals = Pick<
  StorageTotals,
  'used_bytes' | 'pending_bytes' | 'capacity_bytes' | 'node_count' | 'unit_price' | 'floor_price'
>;

export type UploadRefusal = 'empty' | 'no-nodes' | 'over-capacity' | 'unaffordable';

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

/** Wei per MB at `used` committed bytes (the contract's `price_per_mb`); NO_PRICE at or beyond the capacity. */
export function pricePerMb(used: bigint, capacity: bigint, unitPrice: bigint, floorPrice: bigint): bigint {
  requireNonNegative({ used, capacity, unitPrice, floorPrice });
  if (capacity === 0n) return floorPrice;
  if (used >= capacity) return NO_PRICE;
  const free = capacity - used;
  const price = floorPrice + ceilDiv(unitPrice * (capacity * capacity - free * free), 2n * CRR * free * free);
  return price > NO_PRICE ? NO_PRICE : price;
}

/** The deposit for `size` bytes taken from `used` committed bytes: the area under the curve, rounded up as the
 * contract does; undefined where the contract's 256-bit arithmetic refuses it. Needs 0 < size < capacity - used. */
export function depositFor(
  used: bigint,
  size: bigint,
  capacity: bigint,
  unitPrice: bigint,
  floorPrice: bigint,
): bigint | undefined {
  const a = capacity - used;
  const b = a - size;
  const curve = ceilDiv(unitPrice * size * (capacity * capacity - a * b), 2n * CRR * MB * a * b);
  const deposit = ceilDiv(floorPrice * size, MB) + curve;
  return curve > NO_PRICE || deposit > NO_PRICE ? undefined : deposit;
}

/** Bytes committed: counted files plus pending uploads not yet confirmed or released. */
export function committedBytes(totals: Pick<PricingTotals, 'used_bytes' | 'pending_bytes'>): bigint {
  return totals.used_bytes + totals.pending_bytes;
}

/** Bytes still free: capacity less committed bytes, 0 when a removed node left them above capacity. */
export function freeBytes(totals: Pick<PricingTotals, 'used_bytes' | 'pending_bytes' | 'capacity_bytes'>): bigint {
  const committed = committedBytes(totals);
  return totals.capacity_bytes > committed ? totals.capacity_bytes - committed : 0n;
}

/**
 * The price a MB after the upload and the deposit the contract's `quote(size)` gives, or why `upload` would refuse
 * the file (checked in the contract's order: empty, no node, over capacity, unaffordable). The deposit is the least
 * `upload` accepts. An upload must leave at least one byte free: the price has no bound at full capacity.
 */
export function computeUploadDeposit(size: bigint, totals: PricingTotals): UploadDeposit {
  requireNonNegative({ size });
  if (size === 0n) return { error: 'empty' };
  if (totals.node_count === 0n) return { error: 'no-nodes' };
  const committed = committedBytes(totals);
  if (committed >= totals.capacity_bytes || size >= totals.capacity_bytes - committed) {
    return { error: 'over-capacity' };
  }
  const deposit = depositFor(committed, size, totals.capacity_bytes, totals.unit_price, totals.floor_price);
  if (deposit === undefined) return { error: 'unaffordable' };
  const price = pricePerMb(committed + size, totals.capacity_bytes, totals.unit_price, totals.floor_price);
  return { pricePerMb: price, deposit };
}
