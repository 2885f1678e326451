import { describe, expect, it } from 'vitest';
import { countBlocks, highestBlock, mergeRanges, missingRanges, rangesBefore } from './blockRanges';

const r = (from: number, to: number) => ({ from: BigInt(from), to: BigInt(to) });

describe('block ranges', () => {
  it('merges touching and overlapping ranges, in order', () => {
    expect(mergeRanges([r(20, 30), r(0, 9), r(10, 12), r(25, 40), r(50, 49)])).toEqual([r(0, 12), r(20, 40)]);
  });

  it('finds what is missing from a span', () => {
    expect(missingRanges([r(10, 19), r(30, 39)], 0n, 50n)).toEqual([r(0, 9), r(20, 29), r(40, 50)]);
    expect(missingRanges([r(0, 100)], 10n, 20n)).toEqual([]);
    expect(missingRanges([], 5n, 5n)).toEqual([r(5, 5)]);
  });

  it('cuts ranges at a reorg', () => {
    expect(rangesBefore([r(0, 9), r(10, 30), r(40, 50)], 20n)).toEqual([r(0, 9), r(10, 19)]);
  });

  it('counts blocks and finds the highest', () => {
    expect(countBlocks([r(0, 9), r(20, 20)])).toBe(11n);
    expect(highestBlock([r(0, 9), r(20, 25)])).toBe(25n);
    expect(highestBlock([])).toBeUndefined();
  });
});
