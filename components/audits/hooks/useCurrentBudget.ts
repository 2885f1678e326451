'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** The current payout period's budget and the part of it rolled over from earlier periods nobody earned in. */
export function useCurrentBudget(registry: Address, currentPeriod: bigint | undefined) {
  const period = currentPeriod ?? 0n;
  const query = { enabled: currentPeriod !== undefined };
  const budget = useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'period_budget',
    args: [period],
    query,
  });
  const rolledOver = useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'rolled_over_into',
    args: [period],
    query,
  });
  return { budget: budget.data, rolledOver: rolledOver.data };
}
