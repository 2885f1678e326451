'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** The payout periods' clock: the current period, a period's length and the registry's genesis, and when the
 * current period ends (once all three are read). */
export function usePayoutClock(registry: Address) {
  const base = { address: registry, abi: auditRegistryAbi } as const;
  const current = useReadContract({ ...base, functionName: 'current_period' });
  const length = useReadContract({ ...base, functionName: 'payout_period' });
  const genesis = useReadContract({ ...base, functionName: 'genesis' });
  const currentPeriod = current.data;
  const payoutPeriod = length.data;
  const endsAt =
    currentPeriod !== undefined && payoutPeriod !== undefined && genesis.data !== undefined
      ? genesis.data + (currentPeriod + 1n) * payoutPeriod
      : undefined;
  return { currentPeriod, payoutPeriod, endsAt, error: current.error, refetch: current.refetch };
}
