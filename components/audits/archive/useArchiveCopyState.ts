'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { auditArchiveAbi } from '@/contracts-abi/AuditArchive';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { archiveCopyStateOf, type ArchiveCopyState } from '@/lib/audits/archive/archiveCopy';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { useChainNow } from '@/components/ui/chainDisplay';
import { useRegistryArchive } from '../hooks/useRegistryArchive';

/** A copy waiting for a node's confirmation is read again this often, so the confirmation shows when it lands. */
const WAITING_POLL_MS = 4_000;

/**
 * Where the archive copy of one revealed report stands (archive_file_of, then the file system's entry), read only
 * when `enabled` (a report opened, a manager's reveal panel shown), so the registry's lists cost nothing more.
 * `state` is undefined while loading.
 */
export function useArchiveCopyState(
  registry: Address,
  requestId: bigint,
  auditor: Address,
  enabled: boolean,
): { state: ArchiveCopyState | undefined; refetch: () => void } {
  const { archive, isPending: archivePending } = useRegistryArchive(registry);
  const fileSystem = useFileSystem();
  const record = useReadContract({
    address: archive,
    abi: auditArchiveAbi,
    functionName: 'archive_file_of',
    args: [requestId, auditor],
    query: { enabled: enabled && archive !== undefined },
  });
  const [stored, fileId] = record.data ?? [false, 0n];
  const file = useReadContract({
    address: fileSystem?.address,
    abi: callistoFSAbi,
    functionName: 'file',
    args: [fileId],
    query: {
      enabled: enabled && stored && fileSystem !== undefined,
      refetchInterval: (query) => {
        const entry = query.state.data;
        return entry && entry.status === 0 && entry.confirmations === 0 ? WAITING_POLL_MS : false;
      },
    },
  });
  // The chain's clock, not the tab's: on anvil the chain runs ahead of the wall clock after a time jump.
  const { now } = useChainNow(enabled && stored);
  const refetch = () => {
    void record.refetch();
    void file.refetch();
  };
  if (!enabled || archivePending) return { state: undefined, refetch };
  if (archive === undefined) return { state: { kind: 'none' }, refetch };
  if (record.data === undefined || (stored && file.data === undefined)) return { state: undefined, refetch };
  return { state: archiveCopyStateOf({ stored, fileId }, stored ? file.data : undefined, BigInt(now)), refetch };
}
