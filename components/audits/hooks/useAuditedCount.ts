'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** How many contracts the registry lists as audited (completed requests). */
export function useAuditedCount(registry: Address) {
  return useReadContract({ address: registry, abi: auditRegistryAbi, functionName: 'audited_count' });
}
