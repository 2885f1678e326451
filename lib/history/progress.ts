// Progress in words for the page. No React.
import type { ScanProgress } from './types';

/** "7.6M", "20.3M", "950K", "812": block numbers short enough for one line. */
export declare function shortBlockNumber(block: bigint): string;

/** Whole percent done, 0-100 (100 only when complete). */
export declare function progressPercent(progress: ScanProgress): number;

/** "Reading history: blocks 7.6M to 20.3M, 42%". */
export declare function describeScanProgress(progress: ScanProgress): string;
