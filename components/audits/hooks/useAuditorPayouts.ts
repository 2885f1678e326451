'use client';

import type { Address } from 'viem';
import { useReadContracts } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

export interface PeriodPayout {
  period: bigint;
  budget: bigint | undefined;
  /** All karma earned in the period: 0 lets anyone roll its budget over. */
  totalKarma: bigint | undefined;
  /** The account's karma, claimable share and whether it claimed: undefined with no account. */
  karma: bigint | undefined;
  claimable: bigint | undefined;
  claimed: boolean | undefined;
}

/**
 * For each ended period asked about: its budget and total karma, and the account's karma, claimable share and
 * claim. One multicall a figure (issued together, so they travel in one batch); the account's figures are not
 * read without an account.
 */
export function useAuditorPayouts(registry: Address, periods: readonly bigint[], account: Address | undefined) {
  const base = { address: registry, abi: auditRegistryAbi } as const;
  const enabled = periods.length > 0;
  const mine = { enabled: enabled && account !== undefined };
  // Not read without an account (`mine` is off); the registry address only fills the argument.
  const who = account ?? registry;
  const budget = useReadContracts({
    contracts: periods.map((p) => ({ ...base, functionName: 'period_budget', args: [p] }) as const),
    query: { enabled },
  });
  const totalKarma = useReadContracts({
    contracts: periods.map((p) => ({ ...base, functionName: 'total_karma_in_period', args: [p] }) as const),
    query: { enabled },
  });
  const karma = useReadContracts({
    contracts: periods.map((p) => ({ ...base, functionName: 'karma_in_period', args: [p, who] }) as const),
    query: mine,
  });
  const claimable = useReadContracts({
    contracts: periods.map((p) => ({ ...base, functionName: 'claimable', args: [p, who] }) as const),
    query: mine,
  });
  const claimed = useReadContracts({
    contracts: periods.map((p) => ({ ...base, functionName: 'claimed', args: [p, who] }) as const),
    query: mine,
  });
  return periods.map((period, i): PeriodPayout => ({
    period,
    budget: budget.data?.[i]?.result,
    totalKarma: totalKarma.data?.[i]?.result,
    karma: account ? karma.data?.[i]?.result : undefined,
    claimable: account ? claimable.data?.[i]?.result : undefined,
    claimed: account ? claimed.data?.[i]?.result : undefined,
  }));
}
