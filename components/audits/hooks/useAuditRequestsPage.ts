'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { newestFirstPage } from '@/lib/governance/paging';
import { AUDITS_PAGE_SIZE } from '@/lib/audits/registry';
import { useRequestCount } from './useRequestCount';
import { useFollowChain } from '@/components/ui/useRpcHealth';

/**
 * One page of the request list, newest first. The contract pages by id (oldest first), so the page is taken from
 * the newest end once the count is known: one read for the count, then one for the page.
 */
export function useAuditRequestsPage(registry: Address, page: number) {
  const count = useRequestCount(registry);
  // The count follows new blocks (one read a block); a new count moves the page's range, which reads it again.
  useFollowChain(count.refetch);
  const range = count.data === undefined ? undefined : newestFirstPage(count.data, page, AUDITS_PAGE_SIZE);
  const rows = useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'get_requests',
    args: [range?.offset ?? 0n, range?.limit ?? 0n],
    query: { enabled: range !== undefined },
  });
  const requests = useMemo(() => (rows.data ? [...rows.data].reverse() : undefined), [rows.data]);
  return {
    count: count.data,
    requests,
    page: range?.page ?? 0,
    pageCount: range?.pageCount ?? 1,
    error: count.error ?? rows.error,
    refetch: () => Promise.all([count.refetch(), rows.refetch()]),
  };
}
