// Paging the proposal list newest first, and reading a proposal id from the address.

export const PROPOSALS_PAGE_SIZE = 10;

export interface PageRange {
  /** The `offset` and `limit` of `get_proposals`: ids offset .. offset + limit - 1. */
  offset: bigint;
  limit: bigint;
  /** Pages in all (at least 1, so an empty list still has its page 1). */
  pageCount: number;
  /** The page actually read, clamped to the last one. */
  page: number;
}

/**
 * Page `page` (0 = newest) of `count` proposals, newest first: page 0 holds the `pageSize` highest ids, the last
 * page the oldest remainder. The contract's getter returns its range oldest first; reverse it for display.
 */
export function newestFirstPage(count: bigint, page: number, pageSize = PROPOSALS_PAGE_SIZE): PageRange {
  const size = BigInt(pageSize);
  const pageCount = count === 0n ? 1 : Number((count + size - 1n) / size);
  const clamped = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const end = count - BigInt(clamped) * size;
  const offset = end > size ? end - size : 0n;
  return { offset, limit: end - offset, pageCount, page: clamped };
}

/** An id from the query string: decimal digits only, below 2^256; anything else is no proposal. */
export function parseProposalId(raw: string | null | undefined): bigint | undefined {
  if (raw === null || raw === undefined || !/^\d{1,78}$/.test(raw)) return undefined;
  const id = BigInt(raw);
  return id < 2n ** 256n ? id : undefined;
}
