'use client';

import { describeReadError } from '@/components/ui/QueryState';

export interface SearchStatus {
  text: string;
  complete: boolean;
  error: Error | null;
  retry(): void;
}

/** How far a whole-list search went, or why it stopped (with a Retry that reads on from there). */
export function SearchProgress({ search, testId }: { search: SearchStatus; testId: string }) {
  return search.error ? (
    <p role="alert" className="mt-3 text-sm text-rose-200">
      The search stopped: {describeReadError(search.error)}.{' '}
      <button type="button" className="underline underline-offset-2" onClick={search.retry}>
        Retry
      </button>
    </p>
  ) : (
    <p role="status" aria-live="polite" className="mt-3 text-sm text-slate-300" data-testid={testId}>
      {search.text}
      {search.complete ? '.' : '…'}
    </p>
  );
}
