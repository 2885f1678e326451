'use client';
// One page of the proposal list, newest first: the count, then the page's range through `get_proposals` (the
// contract pages its list; nothing is read per proposal). The range read waits for the count, so the list costs
// two rounds whatever its length.
import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { newestFirstPage, PROPOSALS_PAGE_SIZE } from '@/lib/governance/paging';
import { useProposalCount } from './useProposalCount';
import { useFollowChain } from '@/components/ui/useRpcHealth';

export function useProposalListPage(governance: Address, page: number, pageSize = PROPOSALS_PAGE_SIZE) {
  const count = useProposalCount(governance);
  // The count follows new blocks (one read a block); a new count moves the page's range, which reads it again.
  useFollowChain(count.refetch);
  const range = count.data === undefined ? undefined : newestFirstPage(count.data, page, pageSize);
  const rows = useReadContract({
    address: governance,
    abi: treasuryGovernanceAbi,
    functionName: 'get_proposals',
    args: [range?.offset ?? 0n, range?.limit ?? 0n],
    query: { enabled: range !== undefined },
  });
  // The contract returns its range oldest first.
  const proposals = useMemo(() => (rows.data ? [...rows.data].reverse() : undefined), [rows.data]);
  return {
    count: count.data,
    range,
    proposals,
    countError: count.error,
    pageError: rows.error,
    refetch: () => Promise.all([count.refetch(), rows.refetch()]),
  };
}
