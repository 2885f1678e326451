import { describe, expect, it } from 'vitest';
import { describeScanProgress, progressPercent, shortBlockNumber } from './progress';
import type { ScanProgress } from './types';

const progress = (from: bigint, to: bigint, done: bigint): ScanProgress => ({
  fromBlock: from,
  toBlock: to,
  blocksDone: done,
  blocksTotal: to - from + 1n,
  blocksFetched: done,
  requests: 0,
  logsFound: 0,
  rangeSize: 5_000n,
});

describe('scan progress in words', () => {
  it('says which blocks and how far, as the issue asks', () => {
    expect(describeScanProgress(progress(7_600_000n, 20_300_000n, 5_340_000n))).toBe(
      'Reading history: blocks 7.6M to 20.3M, 42%',
    );
  });

  it('shortens block numbers for one line', () => {
    expect(shortBlockNumber(20_000_000n)).toBe('20M');
    expect(shortBlockNumber(950_400n)).toBe('950.4K');
    expect(shortBlockNumber(9_999n)).toBe('9,999');
  });

  it('shows 100% only when every block is read', () => {
    expect(progressPercent(progress(0n, 999n, 999n))).toBe(99);
    expect(progressPercent(progress(0n, 999n, 1_000n))).toBe(100);
    expect(progressPercent(progress(0n, 999n, 0n))).toBe(0);
  });
});
