'use client';
// The payments accepted proposals committed to each epoch of a window around the current one (funding and host node
// salaries): 6 past epochs, the current one and 6 coming, read as one batch (one multicall, or one JSON-RPC batch
// where the chain has none), never a read an epoch or a proposal.
import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContracts } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { epochWindow, treasuryPicture, type TreasuryPicture } from '@/lib/governance/treasuryPicture';

export function useCommittedPayouts(governance: Address, currentEpoch: bigint | undefined) {
  const epochs = useMemo(() => (currentEpoch === undefined ? [] : epochWindow(currentEpoch)), [currentEpoch]);
  const reads = useReadContracts({
    allowFailure: false,
    contracts: epochs.map((epoch) => ({
      address: governance,
      abi: treasuryGovernanceAbi,
      functionName: 'committed_in_epoch' as const,
      args: [epoch] as const,
    })),
    query: { enabled: epochs.length > 0 },
  });
  const picture = useMemo<TreasuryPicture | undefined>(
    () =>
      currentEpoch !== undefined && reads.data && reads.data.length === epochs.length
        ? treasuryPicture(epochs, reads.data, currentEpoch)
        : undefined,
    [currentEpoch, epochs, reads.data],
  );
  return { picture, error: reads.error, refetch: reads.refetch };
}
