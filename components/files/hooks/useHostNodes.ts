'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';

/**
 * The elected host nodes (`host_nodes()`, in the contract's order), typed from the ABI. One query key wherever the
 * nodes are read: the upload targets, the file page's confirmers, the nodes page, governance's node pickers and
 * the IPFS gateways of descriptions. `enabled: false` holds the read until a caller needs it.
 */
export function useHostNodes(fileSystem: Address | undefined, { enabled = true }: { enabled?: boolean } = {}) {
  return useReadContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'host_nodes',
    query: { enabled: enabled && fileSystem !== undefined },
  });
}
