'use client';
// The contracts governance acts on besides its own treasury: the audit registry (audit manager proposals) and the
// file system (host node proposals, storage prices). Either may be the zero address on a chain without it, and
// then the proposals that need it are not offered.
import { zeroAddress, type Address } from 'viem';
import { useReadContract } from 'wagmi';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';

export function useGovernanceTargets(governance: Address) {
  const g = { address: governance, abi: treasuryGovernanceAbi } as const;
  const registry = useReadContract({ ...g, functionName: 'audit_registry' });
  const fileSystem = useReadContract({ ...g, functionName: 'file_system' });
  return {
    /** Undefined until read. */
    hasAuditRegistry: registry.data === undefined ? undefined : registry.data !== zeroAddress,
    hasFileSystem: fileSystem.data === undefined ? undefined : fileSystem.data !== zeroAddress,
    /** The file system governance was deployed with, when it has one. */
    fileSystem: fileSystem.data && fileSystem.data !== zeroAddress ? fileSystem.data : undefined,
  };
}
