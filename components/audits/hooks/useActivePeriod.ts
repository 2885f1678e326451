'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** How long a report revealed on time keeps its auditor active, in seconds. */
export function useActivePeriod(registry: Address) {
  return useReadContract({ address: registry, abi: auditRegistryAbi, functionName: 'active_period' }).data;
}
