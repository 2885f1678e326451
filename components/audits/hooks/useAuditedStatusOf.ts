'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContracts } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';

/** Whether each contract still has audited status (`is_audited`), by lower-case address: one multicall a page. */
export function useAuditedStatusOf(registry: Address, contracts: readonly Address[]) {
  const reads = useReadContracts({
    // `as const` keeps the function's name literal, so the results are typed from the ABI.
    contracts: contracts.map(
      (contract) =>
        ({ address: registry, abi: auditRegistryAbi, functionName: 'is_audited', args: [contract] }) as const,
    ),
    query: { enabled: contracts.length > 0 },
  });
  return useMemo(() => {
    const byAddress = new Map<string, boolean>();
    contracts.forEach((contract, i) => {
      const entry = reads.data?.[i];
      if (entry?.status === 'success') byAddress.set(contract.toLowerCase(), entry.result);
    });
    return byAddress;
  }, [contracts, reads.data]);
}
