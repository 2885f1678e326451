'use client';
// The treasury's CLO: its whole balance, and what is free for payments (the balance less the deposits of
// proposals in voting and the refunds owed to authors).
import type { Address } from 'viem';
import { useBalance, useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';

export function useTreasuryBalance(governance: Address) {
  const balance = useBalance({ address: governance });
  const available = useReadContract({
    address: governance,
    abi: treasuryGovernanceAbi,
    functionName: 'available_balance',
  });
  return {
    balance: balance.data?.value,
    available: available.data,
    error: available.error ?? balance.error,
    refetch: () => Promise.all([balance.refetch(), available.refetch()]),
  };
}
