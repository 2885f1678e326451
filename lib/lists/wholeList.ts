/**
 * Searching a whole on-chain list that the contract only serves by position (`get_proposals(offset, limit)`,
 * `get_audited(offset, limit)`): the list is read in a few large batches, newest first, the filter is applied here,
 * and the matches are paged like the unfiltered list. No React, no chain: the hooks in components/ read the batches.
 */

/** Items read per request while searching: one eth_call each, so 1,000 items cost 10 requests. Large enough to keep
 * the request count small, small enough that one call stays well under a node's eth_call gas cap (a proposal is
 * about 25 storage slots: 100 of them cost about 5M gas of the 50M geth allows). */
export const SEARCH_BATCH_SIZE = 100;

/** One batch of a search: `offset` and `limit` as the contract's paged getter takes them. */
export interface SearchBatch {
  offset: bigint;
  limit: bigint;
}

/**
 * Batch `index` (0 = the first read) of a list of `count` items. `newestAt` says where the newest items are:
 * 'end' for lists by id (`get_proposals`, `get_requests`: batch 0 is the highest ids), 'start' for lists the
 * contract serves newest first already (`get_audited`). Undefined past the last batch.
 */
export function searchBatch(
  count: bigint,
  index: number,
  newestAt: 'start' | 'end',
  batchSize = SEARCH_BATCH_SIZE,
): SearchBatch | undefined {
  const size = BigInt(batchSize);
  const start = BigInt(index) * size;
  if (index < 0 || start >= count) return undefined;
  const limit = count - start < size ? count - start : size;
  return newestAt === 'start' ? { offset: start, limit } : { offset: count - start - limit, limit };
}

/** How many batches a search of `count` items takes. */
export function searchBatchCount(count: bigint, batchSize = SEARCH_BATCH_SIZE): number {
  return Number((count + BigInt(batchSize) - 1n) / BigInt(batchSize));
}

/** One page of the matches found so far, newest first. `complete` is whether the whole list was read: until then
 * the page count may still grow. */
export interface MatchPage<T> {
  items: T[];
  /** The page shown, clamped to the last page of matches. */
  page: number;
  pageCount: number;
  matches: number;
}

export function pageOfMatches<T>(matches: readonly T[], page: number, pageSize: number): MatchPage<T> {
  const pageCount = Math.max(1, Math.ceil(matches.length / pageSize));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  return {
    items: matches.slice(clamped * pageSize, (clamped + 1) * pageSize),
    page: clamped,
    pageCount,
    matches: matches.length,
  };
}

/** The batches read so far, each in display order (newest first), flattened and filtered. */
export function collectMatches<T>(batches: readonly (readonly T[])[], matches: (item: T) => boolean): T[] {
  return batches.flat().filter(matches);
}

/** "Searching 1,000 proposals: 400 read" while reading; "Searched all 1,000 proposals: 3 match" when done. */
export function describeSearch(what: { one: string; many: string }, total: bigint, read: number, matches: number) {
  const n = (v: bigint | number) => v.toLocaleString('en-US');
  const noun = total === 1n ? what.one : what.many;
  if (BigInt(read) < total) return `Searching ${n(total)} ${noun}: ${n(read)} read, ${n(matches)} found so far`;
  return `Searched all ${n(total)} ${noun}: ${matches === 0 ? 'none' : n(matches)} match${matches === 1 ? 'es' : ''}`;
}
