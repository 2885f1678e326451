'use client';
// The payments accepted proposals commit in an epoch and the next (funding and host node salaries).
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';

export function useCommittedPayouts(governance: Address, epoch: bigint | undefined) {
  const g = { address: governance, abi: treasuryGovernanceAbi, functionName: 'committed_in_epoch' } as const;
  const enabled = epoch !== undefined;
  const thisEpoch = useReadContract({ ...g, args: [epoch ?? 0n], query: { enabled } });
  const nextEpoch = useReadContract({ ...g, args: [(epoch ?? 0n) + 1n], query: { enabled } });
  return {
    thisEpoch: thisEpoch.data,
    nextEpoch: nextEpoch.data,
    refetch: () => Promise.all([thisEpoch.refetch(), nextEpoch.refetch()]),
  };
}
