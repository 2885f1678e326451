'use client';
// How many proposals exist (ids run 0 .. count - 1): the list's paging and "no such proposal" both rest on it.
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';

export function useProposalCount(governance: Address) {
  return useReadContract({ address: governance, abi: treasuryGovernanceAbi, functionName: 'proposal_count' });
}
