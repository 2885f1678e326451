'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';

/** The file system's deposit for storing `size` bytes now (the contract's own `quote`), and its price per MB: what
 * anyone storing a file pays, a proposal's description or an archived report alike. */
export function useStorageQuote(fileSystem: Address | undefined, size: bigint | undefined) {
  const quote = useReadContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'quote',
    args: size === undefined ? undefined : [size],
    query: { enabled: fileSystem !== undefined && size !== undefined && size > 0n },
  });
  return { deposit: quote.data?.[1], pricePerMb: quote.data?.[0], error: quote.error, isPending: quote.isPending };
}
