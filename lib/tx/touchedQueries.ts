// After a transaction, the cached reads that mention any address it touched (the contract called, the
// sender, every contract that emitted a log) are stale; everything else can stay.
import type { Query } from '@tanstack/react-query';
import type { Address, TransactionReceipt } from 'viem';

export function touchedAddresses(receipt: TransactionReceipt, extra: readonly (Address | undefined)[]): Set<string> {
  const set = new Set<string>();
  for (const address of [receipt.from, receipt.to, receipt.contractAddress, ...extra]) {
    if (address) set.add(address.toLowerCase());
  }
  for (const log of receipt.logs) set.add(log.address.toLowerCase());
  return set;
}

function mentions(value: unknown, addresses: Set<string>, depth = 0): boolean {
  if (depth > 8 || value === null || value === undefined) return false;
  if (typeof value === 'string') return addresses.has(value.toLowerCase());
  if (Array.isArray(value)) return value.some((v) => mentions(v, addresses, depth + 1));
  if (typeof value === 'object') return Object.values(value).some((v) => mentions(v, addresses, depth + 1));
  return false;
}

/** A predicate for queryClient.invalidateQueries: true for queries whose key names a touched address. */
export function queryTouches(addresses: Set<string>): (query: Query) => boolean {
  return (query) => mentions(query.queryKey, addresses);
}
