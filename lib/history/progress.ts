// Progress in words for the page. No React.
import type { ScanProgress } from './types';

function trimmed(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

/** "7.6M", "20.3M", "950K", "812": block numbers short enough for one line. */
export function shortBlockNumber(block: bigint): string {
  const n = Number(block);
  if (n >= 1_000_000) return `${trimmed(n / 1_000_000)}M`;
  if (n >= 10_000) return `${trimmed(n / 1_000)}K`;
  return block.toLocaleString('en');
}

/** Whole percent done, 0-100 (100 only when every block is read). */
export function progressPercent(progress: ScanProgress): number {
  if (progress.blocksTotal === 0n || progress.blocksDone >= progress.blocksTotal) return 100;
  const percent = Number((progress.blocksDone * 100n) / progress.blocksTotal);
  return Math.min(99, Math.max(0, percent));
}

/** "Reading history: blocks 7.6M to 20.3M, 42%". */
export function describeScanProgress(progress: ScanProgress): string {
  return `Reading history: blocks ${shortBlockNumber(progress.fromBlock)} to ${shortBlockNumber(progress.toBlock)}, ${progressPercent(progress)}%`;
}
