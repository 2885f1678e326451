'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** How many requests the registry holds (ids run from 0): one cache entry shared by every page that reads it. */
export function useRequestCount(registry: Address) {
  return useReadContract({ address: registry, abi: auditRegistryAbi, functionName: 'request_count' });
}
