'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { AUDITS_PAGE_SIZE } from '@/lib/audits/registry';
import { useAuditedCount } from './useAuditedCount';

/**
 * One page of the audited contracts, newest first as `get_audited` returns them. The page is read with the count
 * (not after it): a page past the end is simply empty, and the count only clamps the page number.
 */
export function useAuditedPage(registry: Address, page: number) {
  const count = useAuditedCount(registry);
  const pageCount = count.data === undefined ? 1 : Math.max(1, Math.ceil(Number(count.data) / AUDITS_PAGE_SIZE));
  const clamped = Math.max(0, Math.min(page, pageCount - 1));
  const rows = useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'get_audited',
    args: [BigInt(clamped * AUDITS_PAGE_SIZE), BigInt(AUDITS_PAGE_SIZE)],
  });
  return {
    count: count.data,
    audited: rows.data,
    page: clamped,
    pageCount,
    error: count.error ?? rows.error,
    refetch: () => Promise.all([count.refetch(), rows.refetch()]),
  };
}
