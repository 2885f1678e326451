'use client';
// The deposits credited back to an account (its proposals were evaluated or expired) that it has yet to withdraw.
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';

export function useRefundOwed(governance: Address, account: Address | undefined) {
  return useReadContract({
    address: governance,
    abi: treasuryGovernanceAbi,
    functionName: 'refund_owed',
    args: account ? [account] : undefined,
    query: { enabled: Boolean(account) },
  });
}
