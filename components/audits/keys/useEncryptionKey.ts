'use client';

import type { Address, Hex } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** The encryption public key `account` registered in the audit registry (zero when none); nothing is read with no
 * account. */
export function useEncryptionKey(registry: Address, account: Address | undefined) {
  const read = useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'encryption_key_of',
    args: account ? [account] : undefined,
    query: { enabled: account !== undefined },
  });
  return { key: read.data as Hex | undefined, error: read.error, isPending: read.isPending, refetch: read.refetch };
}
