'use client';
// The treasury's epoch clock: the current epoch, the genesis time and the epoch length. Every governance view
// needs it (the vote windows, the evaluation deadlines, the payments), so it is read one way everywhere: three
// plain contract reads whose cache keys (address, function, chain) are the same wherever they are used, issued in
// the same render so they travel in one JSON-RPC batch.
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';

export interface GovernanceClock {
  currentEpoch: bigint;
  /** Block time of epoch 0's start. */
  genesis: bigint;
  /** Seconds an epoch lasts. */
  epochLength: bigint;
}

export function useGovernanceClock(governance: Address) {
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const currentEpoch = useReadContract({ ...g, functionName: 'current_epoch' });
  const genesis = useReadContract({ ...g, functionName: 'genesis' });
  const epochLength = useReadContract({ ...g, functionName: 'epoch_length' });
  const data: GovernanceClock | undefined =
    currentEpoch.data !== undefined && genesis.data !== undefined && epochLength.data !== undefined
      ? { currentEpoch: currentEpoch.data, genesis: genesis.data, epochLength: epochLength.data }
      : undefined;
  return {
    data,
    error: currentEpoch.error ?? genesis.error ?? epochLength.error,
    refetch: () => Promise.all([currentEpoch.refetch(), genesis.refetch(), epochLength.refetch()]),
  };
}
