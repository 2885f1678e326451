'use client';
// What a host node or storage price proposal is checked against: the file system's elected nodes and its two
// prices. Read from the file system governance names (the deployment file's address is the same one locally).
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { useHostNodes } from '@/components/files/hooks/useHostNodes';

export function useFileSystemForProposals(fileSystem: Address | undefined) {
  const fs = { address: fileSystem, abi: callistoFSAbi, query: { enabled: fileSystem !== undefined } } as const;
  const hostNodes = useHostNodes(fileSystem);
  const unitPrice = useReadContract({ ...fs, functionName: 'unit_price' });
  const floorPrice = useReadContract({ ...fs, functionName: 'floor_price' });
  return {
    hostNodes: hostNodes.data,
    /** Whether the nodes are still being read (rather than unreadable). */
    hostNodesPending: fileSystem !== undefined && hostNodes.isPending,
    unitPrice: unitPrice.data,
    floorPrice: floorPrice.data,
  };
}
