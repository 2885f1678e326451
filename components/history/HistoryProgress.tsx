'use client';
// The line a card shows while its history loads: "Reading history: blocks 7.6M to 20.3M, 42%" with a progress bar
// and Cancel; after a cancel or a failure (the RPC's words), Resume. Nothing once the scan is complete.
import type { EventHistoryStatus } from './useEventHistory';
import type { ScanProgress } from '@/lib/history';

export interface HistoryProgressProps {
  status: EventHistoryStatus;
  progress: ScanProgress | undefined;
  error: string | undefined;
  cancel(): void;
  resume(): void;
  /** What is being read, for the error line: "The staking history". */
  what: string;
}

export declare function HistoryProgress(props: HistoryProgressProps): React.JSX.Element | null;
