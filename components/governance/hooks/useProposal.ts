'use client';
// One proposal by id, and whether it exists at all: the count answers that, so a failed read of an id past it is
// "no such proposal", not a network error.
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { useProposalCount } from './useProposalCount';

export function useProposal(governance: Address, id: bigint) {
  const count = useProposalCount(governance);
  const proposal = useReadContract({
    address: governance,
    abi: treasuryGovernanceAbi,
    functionName: 'get_proposal',
    args: [id],
  });
  const missing = count.data !== undefined && id >= count.data;
  return {
    data: missing ? undefined : proposal.data,
    missing,
    error: missing ? null : (proposal.error ?? count.error),
    refetch: () => Promise.all([count.refetch(), proposal.refetch()]),
  };
}
