// Sets of inclusive block ranges: what a store has read, what a scan still lacks. Pure, no I/O.
import type { BlockRange } from './types';

/** Sorted, with touching and overlapping ranges joined. */
export function mergeRanges(ranges: readonly BlockRange[]): BlockRange[] {
  const sorted = ranges.filter((r) => r.from <= r.to).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: BlockRange[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.from <= last.to + 1n) {
      if (r.to > last.to) last.to = r.to;
    } else {
      out.push({ from: r.from, to: r.to });
    }
  }
  return out;
}

/** The parts of [from, to] that no range covers, in order. */
export function missingRanges(covered: readonly BlockRange[], from: bigint, to: bigint): BlockRange[] {
  const gaps: BlockRange[] = [];
  let cursor = from;
  for (const r of mergeRanges(covered)) {
    if (r.to < cursor) continue;
    if (r.from > to) break;
    if (r.from > cursor) gaps.push({ from: cursor, to: r.from - 1n });
    cursor = r.to + 1n;
    if (cursor > to) break;
  }
  if (cursor <= to) gaps.push({ from: cursor, to });
  return gaps;
}

/** The ranges cut off at `block`: everything from it on is forgotten. */
export function rangesBefore(ranges: readonly BlockRange[], block: bigint): BlockRange[] {
  const out: BlockRange[] = [];
  for (const r of ranges) {
    if (r.from >= block) continue;
    out.push({ from: r.from, to: r.to < block ? r.to : block - 1n });
  }
  return out;
}

/** How many blocks the ranges hold. */
export function countBlocks(ranges: readonly BlockRange[]): bigint {
  return ranges.reduce((sum, r) => sum + (r.to - r.from + 1n), 0n);
}

/** The highest block covered, or undefined when nothing is. */
export function highestBlock(ranges: readonly BlockRange[]): bigint | undefined {
  return ranges.reduce<bigint | undefined>((top, r) => (top === undefined || r.to > top ? r.to : top), undefined);
}
