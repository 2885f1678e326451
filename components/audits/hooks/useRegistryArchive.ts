'use client';

import { zeroAddress, type Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** The registry's `archive` (AuditArchive), or undefined while unset or loading: only then does a reveal of a bare
 * `ipfs://` link store the report on the file system and take a deposit. */
export function useRegistryArchive(registry: Address) {
  const read = useReadContract({ address: registry, abi: auditRegistryAbi, functionName: 'archive' });
  const archive = read.data && read.data !== zeroAddress ? read.data : undefined;
  return { archive, isPending: read.isPending };
}
