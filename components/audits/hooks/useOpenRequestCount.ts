'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** Requests pending, approved or in progress: a counter the contract keeps, however many requests exist. */
export function useOpenRequestCount(registry: Address) {
  return useReadContract({ address: registry, abi: auditRegistryAbi, functionName: 'open_request_count' });
}
