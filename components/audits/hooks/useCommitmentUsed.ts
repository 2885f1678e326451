'use client';

import type { Address, Hex } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** Whether the registry already holds `commitment` (it accepts each once); nothing is read without one. */
export function useCommitmentUsed(registry: Address, commitment: Hex | undefined) {
  const used = useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'commitment_used',
    args: commitment ? [commitment] : undefined,
    query: { enabled: commitment !== undefined },
  });
  return used.data === true;
}
