'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContracts } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import type { AuditReport } from '@/lib/audits/types';

/** The reports of a page of requests, by request id: one multicall for the page, whatever its size. */
export function useReportsOf(registry: Address, requestIds: readonly bigint[]) {
  const reads = useReadContracts({
    // `as const` keeps the function's name literal, so the results are typed from the ABI.
    contracts: requestIds.map(
      (id) => ({ address: registry, abi: auditRegistryAbi, functionName: 'get_reports', args: [id] }) as const,
    ),
    query: { enabled: requestIds.length > 0 },
  });
  return useMemo(() => {
    const byId = new Map<bigint, readonly AuditReport[]>();
    requestIds.forEach((id, i) => {
      const entry = reads.data?.[i];
      if (entry?.status === 'success') byId.set(id, entry.result);
    });
    return byId;
  }, [requestIds, reads.data]);
}
