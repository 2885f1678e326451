'use client';
// The two parameters governance itself may change: the quorum (in basis points of all staked CLO) and the
// submission deposit. Read with the same keys wherever shown (the treasury card, the new-proposal form).
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';

export interface GovernanceParams {
  quorumBps: bigint;
  submissionDeposit: bigint;
}

export function useGovernanceParams(governance: Address) {
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const quorum = useReadContract({ ...g, functionName: 'quorum_bps' });
  const deposit = useReadContract({ ...g, functionName: 'submission_deposit' });
  const data: GovernanceParams | undefined =
    quorum.data !== undefined && deposit.data !== undefined
      ? { quorumBps: BigInt(quorum.data), submissionDeposit: deposit.data }
      : undefined;
  return {
    data,
    /** Each value as soon as it is read, for a form that shows what it has. */
    quorumBps: quorum.data === undefined ? undefined : BigInt(quorum.data),
    submissionDeposit: deposit.data,
    error: quorum.error ?? deposit.error,
    refetch: () => Promise.all([quorum.refetch(), deposit.refetch()]),
  };
}
