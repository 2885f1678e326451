import { describe, expect, it } from 'vitest';
import {
  SEARCH_BATCH_SIZE,
  collectMatches,
  describeSearch,
  pageOfMatches,
  searchBatch,
  searchBatchCount,
} from './wholeList';

/** Every id a list of `count` reads through its batches, in the order read. */
function idsRead(count: bigint, newestAt: 'start' | 'end', size: number): bigint[][] {
  const out: bigint[][] = [];
  for (let i = 0; ; i++) {
    const b = searchBatch(count, i, newestAt, size);
    if (!b) break;
    out.push(Array.from({ length: Number(b.limit) }, (_, k) => b.offset + BigInt(k)));
  }
  return out;
}

describe('searchBatch', () => {
  it('reads a list by id from its newest end, every id once, the oldest remainder last', () => {
    const batches = idsRead(1_005n, 'end', 100);
    expect(batches).toHaveLength(11);
    expect(batches[0]![0]).toBe(905n);
    expect(batches[0]!.at(-1)).toBe(1_004n);
    expect(batches[10]).toEqual([0n, 1n, 2n, 3n, 4n]);
    const all = batches.flat().sort((a, b) => (a < b ? -1 : 1));
    expect(all).toEqual(Array.from({ length: 1_005 }, (_, i) => BigInt(i)));
  });

  it('reads a list served newest first from offset 0 on', () => {
    expect(searchBatch(250n, 0, 'start', 100)).toEqual({ offset: 0n, limit: 100n });
    expect(searchBatch(250n, 2, 'start', 100)).toEqual({ offset: 200n, limit: 50n });
    expect(searchBatch(250n, 3, 'start', 100)).toBeUndefined();
  });

  it('reads nothing of an empty list, and 1,000 proposals in 10 requests', () => {
    expect(searchBatch(0n, 0, 'end')).toBeUndefined();
    expect(searchBatch(10n, -1, 'end')).toBeUndefined();
    expect(searchBatchCount(0n)).toBe(0);
    expect(SEARCH_BATCH_SIZE).toBe(100);
    expect(searchBatchCount(1_000n)).toBe(10);
    expect(searchBatchCount(1_001n)).toBe(11);
  });
});

describe('pageOfMatches', () => {
  const matches = Array.from({ length: 23 }, (_, i) => i);

  it('pages the matches ten at a time and clamps a page past the end', () => {
    expect(pageOfMatches(matches, 0, 10)).toEqual({ items: matches.slice(0, 10), page: 0, pageCount: 3, matches: 23 });
    expect(pageOfMatches(matches, 2, 10).items).toEqual([20, 21, 22]);
    // The matches shrank under the page (a transaction changed a state): show the last page, not an empty one.
    expect(pageOfMatches(matches, 7, 10)).toMatchObject({ page: 2, items: [20, 21, 22] });
    expect(pageOfMatches(matches, -1, 10).page).toBe(0);
  });

  it('has one empty page when nothing matches', () => {
    expect(pageOfMatches([], 3, 10)).toEqual({ items: [], page: 0, pageCount: 1, matches: 0 });
  });
});

describe('collectMatches', () => {
  it('keeps the order read across batches and drops what does not match', () => {
    expect(collectMatches([[9, 8, 7], [6, 5], [4]], (n) => n % 2 === 0)).toEqual([8, 6, 4]);
  });
});

describe('describeSearch', () => {
  const what = { one: 'proposal', many: 'proposals' };
  it('says how far the search went while it reads, and when it is complete', () => {
    expect(describeSearch(what, 1_000n, 400, 2)).toBe('Searching 1,000 proposals: 400 read, 2 found so far');
    expect(describeSearch(what, 1_000n, 1_000, 3)).toBe('Searched all 1,000 proposals: 3 match');
    expect(describeSearch(what, 1_000n, 1_000, 1)).toBe('Searched all 1,000 proposals: 1 matches');
    expect(describeSearch(what, 1_000n, 1_000, 0)).toBe('Searched all 1,000 proposals: none match');
    expect(describeSearch(what, 1n, 1, 1)).toBe('Searched all 1 proposal: 1 matches');
  });
});
