'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { awaitsConfirmations } from '@/lib/files/fileState';
import type { FileEntry } from '@/lib/files/types';
import { retryUnlessReverted } from './retry';

/** Confirmations arrive a few blocks after the upload: the file page reads again this often until all are in. */
const CONFIRMATION_POLL_MS = 4_000;

/**
 * File `id` and the nodes that confirmed it, with the file count that tells a missing id (`missing`) from a read
 * that failed. Issued together, so they travel in one batch. The file and its confirmers are read again every few
 * seconds while it may still gain a confirmation from one of the `nodeCount` elected nodes.
 */
export function useFile(fileSystem: Address, id: bigint, nodeCount: number | undefined) {
  const contract = { address: fileSystem, abi: callistoFSAbi } as const;
  const poll = (file: FileEntry | undefined) =>
    file && nodeCount !== undefined && awaitsConfirmations(file, nodeCount, BigInt(Math.floor(Date.now() / 1000)))
      ? CONFIRMATION_POLL_MS
      : false;
  const count = useReadContract({ ...contract, functionName: 'file_count' });
  const file = useReadContract({
    ...contract,
    functionName: 'file',
    args: [id],
    query: { retry: retryUnlessReverted, refetchInterval: (query) => poll(query.state.data) },
  });
  const confirmers = useReadContract({
    ...contract,
    functionName: 'confirmers_of',
    args: [id],
    query: { retry: retryUnlessReverted, refetchInterval: () => poll(file.data) },
  });
  const both = file.data !== undefined && confirmers.data !== undefined;
  return {
    /** True once the count says there is no file `id`. */
    missing: count.data !== undefined && id >= count.data,
    data: both ? { file: file.data, confirmers: confirmers.data } : undefined,
    error: count.error ?? file.error ?? confirmers.error,
    isPending: file.isPending || confirmers.isPending,
    refetch() {
      void count.refetch();
      void file.refetch();
      void confirmers.refetch();
    },
  };
}
