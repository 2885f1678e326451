'use client';

import type { Address } from 'viem';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { useDeployedAddress } from '@/components/ui/DeployedGate';

/** The file system contract on the current network, or undefined where it is not deployed (for reads outside the
 * file pages, such as governance's IPFS gateways; the pages themselves sit behind a DeployedGate). */
export function useFileSystem(): { address: Address; abi: typeof callistoFSAbi } | undefined {
  const address = useDeployedAddress('CallistoFS');
  return address ? { address, abi: callistoFSAbi } : undefined;
}
