'use client';

import type { Address } from 'viem';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { contractAddress } from '@/lib/chain/deployments';
import { useNetwork } from '@/components/ui/NetworkContext';

/** The file system contract on the current network, or undefined where it is not deployed. */
export function useFileSystem(): { address: Address; abi: typeof callistoFSAbi } | undefined {
  const { chain } = useNetwork();
  const address = contractAddress(chain.id, 'CallistoFS');
  return address ? { address, abi: callistoFSAbi } : undefined;
}
