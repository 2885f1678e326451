'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';

/**
 * The file system's totals (storage used, waiting and free, the price per MB, the files), which the contract keeps
 * as counters: one call however many files exist. Read exactly as the files feature reads `totals()` (same address,
 * function and no arguments), so both share one cached query.
 */
export function useStorageTotals(fileSystem: Address | undefined) {
  return useReadContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'totals',
    query: { enabled: Boolean(fileSystem) },
  });
}
