'use client';

import type { ReactNode } from 'react';
import { ReadFailed } from './primitives';

export { describeReadError } from './describeReadError';

/** The parts of a TanStack/wagmi query result that decide what a page shows. */
export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch(): unknown;
}

/**
 * A read's three faces: a loading placeholder while the first answer is on its way, the error in words with a retry
 * when it failed, and `children(data)` once there is data. Data already shown stays when a later refresh fails
 * (the RPC banner says the network is down), so a page never blanks out under a user.
 */
export function QueryState<T>({
  query,
  what,
  loading,
  children,
}: {
  query: QueryLike<T>;
  /** What is read, as the subject of a sentence: "The proposal" (cannot be read: …). */
  what: string;
  /** Shown while the first answer is on its way; a pulsing block by default. */
  loading?: ReactNode;
  children(data: T): ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ReadFailed what={what} error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{what}: loading…</span>
      {loading ?? <div aria-hidden="true" className="h-24 w-full animate-pulse rounded-xl bg-slate-900/60" />}
    </div>
  );
}
