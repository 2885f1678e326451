'use client';
// The vote an account recorded on a proposal (choice 0 = none), or undefined without an account.
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';

export interface RecordedVote {
  choice: number;
  weight: bigint;
}

export function useVote(governance: Address, id: bigint, account: Address | undefined) {
  const read = useReadContract({
    address: governance,
    abi: treasuryGovernanceAbi,
    functionName: 'vote_of',
    args: account ? [id, account] : undefined,
    query: { enabled: Boolean(account) },
  });
  const vote: RecordedVote | undefined = read.data ? { choice: read.data[0], weight: read.data[1] } : undefined;
  return { data: account ? vote : undefined, refetch: read.refetch };
}
