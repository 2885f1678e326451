// The "My files" list is paged by the contract (`files_of(owner, offset, limit)`, newest first).

export const FILES_PAGE_SIZE = 10;

/** The `offset` and `limit` of `files_of` for page `page` (0 = newest; the contract pages newest first). */
export function filesPage(total: bigint | undefined, page: number, pageSize = FILES_PAGE_SIZE) {
  const pageCount =
    total === undefined || total === 0n ? 1 : Number((total + BigInt(pageSize) - 1n) / BigInt(pageSize));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  return { offset: BigInt(clamped * pageSize), limit: BigInt(pageSize), page: clamped, pageCount };
}
