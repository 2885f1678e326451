'use client';

import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';

/** The file system's deposit for storing `size` bytes now (its `quote`): what the revealing manager pays. */
export function useArchiveDeposit(size: bigint | undefined) {
  const fs = useFileSystem();
  const quote = useReadContract({
    address: fs?.address,
    abi: callistoFSAbi,
    functionName: 'quote',
    args: size === undefined ? undefined : [size],
    query: { enabled: fs !== undefined && size !== undefined && size > 0n },
  });
  return { deposit: quote.data?.[1], pricePerMb: quote.data?.[0], isPending: quote.isPending, error: quote.error };
}
