'use client';
// The line a card shows while its history loads: "Reading history: blocks 7.6M to 20.3M, 42%" with a progress bar
// and Cancel; after a cancel or a failure (the RPC's words), Resume. Nothing once the scan is complete.
import { describeScanProgress, progressPercent, type ScanProgress } from '@/lib/history';
import { Button } from '@/components/ui/primitives';
import type { EventHistoryStatus } from './useEventHistory';

export interface HistoryProgressProps {
  status: EventHistoryStatus;
  progress: ScanProgress | undefined;
  error: string | undefined;
  cancel(): void;
  resume(): void;
  /** What is being read, for the error line: "The staking history". */
  what: string;
}

export function HistoryProgress({ status, progress, error, cancel, resume, what }: HistoryProgressProps) {
  if (status === 'scanning') {
    const percent = progress ? progressPercent(progress) : 0;
    return (
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm text-slate-300" data-testid="history-progress">
        <p role="status" className="min-w-0">
          {progress ? describeScanProgress(progress) : 'Reading history…'}
        </p>
        <progress
          className="h-2 w-32 accent-teal-400"
          max={100}
          value={percent}
          aria-label={`${what}: ${percent}% read`}
        />
        <Button variant="secondary" onClick={cancel}>
          Cancel
        </Button>
      </div>
    );
  }
  if (status === 'cancelled') {
    return (
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm text-amber-200" data-testid="history-progress">
        <p role="status">
          Reading stopped{progress ? ` at ${progressPercent(progress)}%` : ''}: what is shown may be incomplete.
        </p>
        <Button variant="secondary" onClick={resume}>
          Resume
        </Button>
      </div>
    );
  }
  if (status === 'error') {
    return (
      <div role="alert" className="mb-3 space-y-3 text-sm text-rose-100" data-testid="history-progress">
        <p>
          {what} could not be read completely{progress ? ` (${progressPercent(progress)}% read)` : ''}: {error}
        </p>
        <Button variant="secondary" onClick={resume}>
          Resume
        </Button>
      </div>
    );
  }
  return null;
}
