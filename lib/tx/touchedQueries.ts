// After a transaction, the cached reads that mention any address it touched (the contract called, the
// sender, every contract that emitted a log) are stale; so is every read of the chain's head (wagmi's `block` and
// `blockNumber` queries), whose keys name no address: the transaction was mined in a newer block, and figures read
// after it must not be paired with the time of a block before it (a position's dates would show early until the
// window regained focus). Everything else can stay.
import type { Query } from '@tanstack/react-query';
import type { Address, TransactionReceipt } from 'viem';

/** wagmi's query names (the first element of their keys) for reads of the latest block. */
const CHAIN_HEAD_QUERIES: ReadonlySet<unknown> = new Set(['block', 'blockNumber']);

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

/** A read of the chain's latest block (its number or the block itself), whatever its scope. A read pinned to a
 * given block number (`{ blockNumber }`) is history and stays. */
function readsChainHead(query: Query): boolean {
  const [name, parameters] = query.queryKey;
  if (!CHAIN_HEAD_QUERIES.has(name)) return false;
  if (typeof parameters !== 'object' || parameters === null) return true;
  const pinned = Object.entries(parameters).some(([k, v]) => (k === 'blockNumber' || k === 'blockHash') && v != null);
  return !pinned;
}

/**
 * A predicate for queryClient.invalidateQueries after a transaction: true for queries whose key names a touched
 * address, and for the reads of the chain's latest block.
 */
export function queryTouches(addresses: Set<string>): (query: Query) => boolean {
  return (query) => readsChainHead(query) || mentions(query.queryKey, addresses);
}
