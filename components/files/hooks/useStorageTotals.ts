'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';

/**
 * The file system's `totals()`: counted and pending bytes, capacity, held deposits, counts and the price
 * parameters, typed from the ABI. One query key for every page that shows them (files, nodes, overview), so they
 * share one read and one refresh after a transaction. `data` is undefined until read.
 */
export function useStorageTotals(fileSystem: Address | undefined) {
  return useReadContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'totals',
    query: { enabled: fileSystem !== undefined },
  });
}
