'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** Managers, auditors and nominations are small teams: one read of this many covers each list. */
export const MEMBERS_READ = 200n;

/** Auditors `offset` .. `offset + limit - 1` in the registry's order (removed ones included, marked inactive). */
export function useAuditors(registry: Address, offset = 0n, limit = MEMBERS_READ) {
  return useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'get_auditors',
    args: [offset, limit],
  });
}

/** How many auditors the registry lists (the leaderboard's page count). */
export function useAuditorCount(registry: Address) {
  return useReadContract({ address: registry, abi: auditRegistryAbi, functionName: 'auditor_count' });
}

/** The managers, appointed by the owner or by governance; `enabled: false` holds the read until it is needed. */
export function useManagers(registry: Address, { enabled = true }: { enabled?: boolean } = {}) {
  return useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'get_managers',
    args: [0n, MEMBERS_READ],
    query: { enabled },
  });
}

/** Auditors nominated by one manager and waiting for another's confirmation. */
export function useNominations(registry: Address) {
  return useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'get_nominations',
    args: [0n, MEMBERS_READ],
  });
}

/** The registry's owner, who appoints managers (and is not one by that alone). */
export function useRegistryOwner(registry: Address) {
  return useReadContract({ address: registry, abi: auditRegistryAbi, functionName: 'owner' });
}

/** Each auditor's public contact by lower-case address (removed auditors included), for naming auditors in
 * pickers; empty until the list is read. One read, shared with the console's auditor list. */
export function useAuditorContacts(registry: Address): ReadonlyMap<string, string> {
  const auditors = useAuditors(registry).data;
  return useMemo(() => new Map((auditors ?? []).map((m) => [m.account.toLowerCase(), m.contact])), [auditors]);
}
