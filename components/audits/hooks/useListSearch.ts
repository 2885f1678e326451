'use client';

import type { Address } from 'viem';
import { useConfig } from 'wagmi';
import { readContract } from '@wagmi/core';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import type { SearchBatch } from '@/lib/lists/wholeList';
import { useWholeListSearch } from '@/components/ui/useWholeListSearch';

/**
 * Every audited contract, read through `get_audited` in batches of 100 (one request each) while `enabled`: the
 * contract has no index by name or verdict, so a search reads the whole list and the matches are paged here.
 */
export function useAuditedSearch(registry: Address, count: bigint | undefined, enabled: boolean) {
  const config = useConfig();
  return useWholeListSearch({
    address: registry,
    name: 'get_audited',
    count,
    newestAt: 'start',
    enabled,
    readBatch: ({ offset, limit }: SearchBatch) =>
      readContract(config, {
        address: registry,
        abi: auditRegistryAbi,
        functionName: 'get_audited',
        args: [offset, limit],
      }),
  });
}

/** Every request, newest first, read through `get_requests` in batches of 100 while `enabled` (the contract pages
 * by id only, so a filter by state reads the whole list). */
export function useRequestSearch(registry: Address, count: bigint | undefined, enabled: boolean) {
  const config = useConfig();
  return useWholeListSearch({
    address: registry,
    name: 'get_requests',
    count,
    newestAt: 'end',
    enabled,
    readBatch: async ({ offset, limit }: SearchBatch) => {
      const batch = await readContract(config, {
        address: registry,
        abi: auditRegistryAbi,
        functionName: 'get_requests',
        args: [offset, limit],
      });
      return [...batch].reverse();
    },
  });
}
