// What stops an upload before anything is sent, said in words next to the picker: no node elected, the capacity
// taken, an empty file, a file larger than the free space or than what the host nodes accept.
import { freeBytes } from './pricing';
import type { StorageTotals } from './types';
import { formatBytes } from './units';

type CapacityTotals = Pick<StorageTotals, 'node_count' | 'used_bytes' | 'pending_bytes' | 'capacity_bytes'>;

/** Why no upload can start now, said before a file is picked; undefined when one can. */
export function uploadUnavailableReason(totals: CapacityTotals): string | undefined {
  if (totals.node_count === 0n) return 'No host node is elected yet, so there is nowhere to store a file.';
  if (freeBytes(totals) <= 1n)
    return 'The host nodes’ capacity is taken: no upload fits until files are withdrawn or expire.';
  return undefined;
}

/** Why this file or folder cannot be uploaded, next to the picker; undefined when it fits. `maxUploadBytes` is
 * the largest limit any online node reported, when one did. An upload must leave at least one byte free: the price
 * has no bound at full capacity. */
export function validateUploadSize(size: bigint, totals: CapacityTotals, maxUploadBytes?: bigint): string | undefined {
  if (size === 0n) return 'The file is empty: there is nothing to store.';
  const unavailable = uploadUnavailableReason(totals);
  if (unavailable) return unavailable;
  const free = freeBytes(totals);
  if (size >= free)
    return `It is ${formatBytes(size)}; ${formatBytes(free)} of capacity is free, and an upload must leave some of it free.`;
  if (maxUploadBytes !== undefined && size > maxUploadBytes)
    return `It is ${formatBytes(size)}; the host nodes accept uploads of at most ${formatBytes(maxUploadBytes)}.`;
  return undefined;
}
