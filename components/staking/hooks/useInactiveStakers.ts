'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContracts } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { findInactiveStakers, inactiveCandidates } from '@/lib/staking/inactiveStakers';
import type { EventHistory } from '@/components/history/useEventHistory';
import type { StakingEventName } from '../StakingHistory';

/**
 * Stakes idle long after their term, which any staker may return. Candidates come from the cached StartStaking
 * events (they carry the end of the term); only they are read from the contract, as one batch (a list: one
 * `useReadContracts`), and the contract's answer decides. Read once the scan has found what it can. `inactive` is
 * undefined while that is not known yet.
 */
export function useInactiveStakers(
  staking: Address,
  history: EventHistory<typeof coldStakingAbi, StakingEventName>,
  contractNow: bigint | undefined,
  maxDelay: bigint | undefined,
) {
  const scanned = history.status === 'complete' || history.status === 'cancelled';
  const candidates = useMemo(
    () =>
      scanned && contractNow !== undefined && maxDelay !== undefined
        ? inactiveCandidates(history.logs, contractNow, maxDelay)
        : undefined,
    [scanned, history.logs, contractNow, maxDelay],
  );
  const addresses = useMemo(() => candidates ?? [], [candidates]);

  const stakers = useReadContracts({
    allowFailure: true,
    contracts: addresses.map((address) => ({
      address: staking,
      abi: coldStakingAbi,
      functionName: 'staker' as const,
      args: [address] as const,
    })),
    query: { enabled: addresses.length > 0 },
  });

  const inactive = useMemo(() => {
    if (contractNow === undefined || maxDelay === undefined || candidates === undefined) return undefined;
    if (addresses.length === 0) return [];
    if (!stakers.data) return undefined;
    const tuples = stakers.data.map((r) => (r.status === 'success' ? r.result : undefined));
    return findInactiveStakers(addresses, tuples, contractNow, maxDelay);
  }, [addresses, candidates, stakers.data, contractNow, maxDelay]);

  return { inactive, error: stakers.error, isFetching: stakers.isFetching, refetch: stakers.refetch };
}
