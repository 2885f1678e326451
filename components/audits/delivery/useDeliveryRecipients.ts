'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContracts } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { useManagers } from '../hooks/useMembers';
import { deliveryRecipients, type DeliveryRecipients } from './deliveryPlan';

/**
 * Who a delivery is sealed for, read when the auditor is about to seal: the registry's managers (one read, shared
 * with the console's list), then every manager's key and the auditor's own in one batched read (a multicall of
 * one `encryption_key_of` a manager, so bounded by the manager count). Nothing is read until an auditor is
 * connected: a visitor's request page costs no read for a form it cannot use.
 */
export function useDeliveryRecipients(registry: Address, auditor: Address | undefined) {
  const managers = useManagers(registry, { enabled: auditor !== undefined });
  const list = managers.data;
  const keys = useReadContracts({
    allowFailure: false,
    contracts: [...(list ?? []).map((m) => m.account), ...(auditor ? [auditor] : [])].map(
      (account) =>
        ({ address: registry, abi: auditRegistryAbi, functionName: 'encryption_key_of', args: [account] }) as const,
    ),
    query: { enabled: list !== undefined && auditor !== undefined },
  });
  const data: DeliveryRecipients | undefined = useMemo(() => {
    if (!list || !auditor || !keys.data || keys.data.length !== list.length + 1) return undefined;
    return deliveryRecipients(list, keys.data.slice(0, list.length), auditor, keys.data[list.length]);
  }, [list, auditor, keys.data]);
  return {
    data,
    error: managers.error ?? keys.error,
    refetch: async () => {
      await managers.refetch();
      await keys.refetch();
    },
  };
}
