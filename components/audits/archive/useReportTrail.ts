'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { commitmentTrailOf, type CommitmentTrail, type TrailLog } from '@/lib/audits/archive/commitmentTrail';
import { useBlockDates } from '@/components/history/useBlockDates';
import { useEventHistory } from '@/components/history/useEventHistory';

const TRAIL_EVENTS = ['ReportCommitted', 'ReportRevealed'] as const;

export interface DatedTrail extends CommitmentTrail {
  /** Block timestamps (seconds) of the commit and the reveal, once read. */
  committedAt: bigint | undefined;
  revealedAt: bigint | undefined;
  scanning: boolean;
  error: string | undefined;
}

/**
 * When a report was committed and revealed, from the registry's event history (the shared, cached scan), with the
 * blocks' dates. Mounted when the reader opens the report, so the scan starts then.
 */
export function useReportTrail(registry: Address, requestId: bigint, auditor: Address): DatedTrail {
  const history = useEventHistory({
    address: registry,
    contract: 'AuditRegistry',
    abi: auditRegistryAbi,
    eventNames: TRAIL_EVENTS,
  });
  const trail = useMemo(() => {
    const logs: TrailLog[] = history.logs.map((log) =>
      log.eventName === 'ReportCommitted'
        ? {
            eventName: 'ReportCommitted',
            args: { request_id: log.args.request_id, auditor: log.args.auditor, commitment: log.args.commitment },
            blockNumber: log.blockNumber,
          }
        : {
            eventName: 'ReportRevealed',
            args: { request_id: log.args.request_id, auditor: log.args.auditor, link: log.args.link },
            blockNumber: log.blockNumber,
          },
    );
    return commitmentTrailOf(logs, requestId, auditor);
  }, [history.logs, requestId, auditor]);
  const blocks = useMemo(
    () => [trail.committedIn, trail.revealedIn].filter((b): b is bigint => b !== undefined),
    [trail.committedIn, trail.revealedIn],
  );
  const dates = useBlockDates(blocks, history);
  return {
    ...trail,
    committedAt: trail.committedIn === undefined ? undefined : dates?.get(trail.committedIn),
    revealedAt: trail.revealedIn === undefined ? undefined : dates?.get(trail.revealedIn),
    scanning: history.status === 'scanning' || history.status === 'idle',
    error: history.error,
  };
}
