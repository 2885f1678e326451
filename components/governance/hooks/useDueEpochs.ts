'use client';
// The epochs of a proposal's payments that are due and unpaid now, as the contract counts them.
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';

export function useDueEpochs(governance: Address, id: bigint) {
  return useReadContract({ address: governance, abi: treasuryGovernanceAbi, functionName: 'due_epochs', args: [id] });
}
