'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** Whether `account` is a manager and whether it is an auditor of the registry: false for both with no account
 * (nothing is read then). `isPending` is true while a connected account's roles are not known yet. */
export function useRoles(registry: Address, account: Address | undefined) {
  const base = { address: registry, abi: auditRegistryAbi, query: { enabled: account !== undefined } } as const;
  const manager = useReadContract({ ...base, functionName: 'is_manager', args: account ? [account] : undefined });
  const auditor = useReadContract({ ...base, functionName: 'is_auditor', args: account ? [account] : undefined });
  return {
    isManager: account !== undefined && manager.data === true,
    isAuditor: account !== undefined && auditor.data === true,
    isPending: account !== undefined && (manager.isPending || auditor.isPending),
  };
}
