'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { useRequestCount } from './useRequestCount';

/**
 * One request by id, with its reports and the code size the contract measured for it (0 when the manager must
 * give it at reveal). `missing` once the count says no request has this id: `get_request` of a missing id reverts,
 * so the page says "no such request" rather than "the read failed".
 */
export function useAuditRequest(registry: Address, id: bigint) {
  const base = { address: registry, abi: auditRegistryAbi } as const;
  const count = useRequestCount(registry);
  const request = useReadContract({ ...base, functionName: 'get_request', args: [id] });
  const reports = useReadContract({ ...base, functionName: 'get_reports', args: [id] });
  const complexity = useReadContract({ ...base, functionName: 'complexity_of', args: [id] });
  const missing = count.data !== undefined && id >= count.data;
  return {
    missing,
    /** The request and its reports once both are read (the page shows neither without the other). */
    data: request.data && reports.data ? { request: request.data, reports: reports.data } : undefined,
    complexity: complexity.data,
    error: missing ? null : (request.error ?? reports.error),
    isPending: request.isPending || reports.isPending,
    refetch: () => Promise.all([count.refetch(), request.refetch(), reports.refetch()]),
  };
}
