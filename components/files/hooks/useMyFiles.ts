'use client';

import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { awaitsConfirmations } from '@/lib/files/fileState';
import { FILES_PAGE_SIZE } from '@/lib/files/paging';
import type { FilesOfPage } from '@/lib/files/types';
import { useFollowChain } from '@/components/ui/useRpcHealth';

/** While a file of the page waits for node confirmations, the page reads again this often to show them arrive. */
const CONFIRMATION_POLL_MS = 4_000;

/** Whether a query key names `account` (lower case) anywhere inside it. */
function keyMentions(value: unknown, account: string, depth = 0): boolean {
  if (depth > 8 || value === null || value === undefined) return false;
  if (typeof value === 'string') return value.toLowerCase() === account;
  if (Array.isArray(value)) return value.some((v) => keyMentions(v, account, depth + 1));
  if (typeof value === 'object') return Object.values(value).some((v) => keyMentions(v, account, depth + 1));
  return false;
}

/**
 * A page of the account's files, newest first, as the contract pages them (`files_of`), with how many it has.
 * Read again every few seconds while one of them still waits for a confirmation from one of the `nodeCount`
 * elected nodes. Idle without an account.
 */
export function useMyFiles(
  fileSystem: Address,
  account: Address | undefined,
  page: number,
  nodeCount: bigint | undefined,
) {
  // files_of counts withdrawn files too, so the total never shrinks and a page once valid stays valid.
  const offset = BigInt(page * FILES_PAGE_SIZE);
  const files = useReadContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'files_of',
    args: account ? [account, offset, BigInt(FILES_PAGE_SIZE)] : undefined,
    query: {
      enabled: account !== undefined,
      // The page being left stays on screen until the next one arrives. Not across accounts: another account's
      // files must never show, even for a moment, as this one's.
      placeholderData: (previous: FilesOfPage | undefined, previousQuery: { queryKey: unknown } | undefined) =>
        account && previousQuery && keyMentions(previousQuery.queryKey, account.toLowerCase()) ? previous : undefined,
      refetchInterval: (query) => {
        const files = query.state.data?.[0];
        if (!files || nodeCount === undefined) return false;
        const now = BigInt(Math.floor(Date.now() / 1000));
        return files.some((file) => awaitsConfirmations(file, nodeCount, now)) ? CONFIRMATION_POLL_MS : false;
      },
    },
  });
  // The page (one read: the files and their count) follows new blocks, so an upload or a withdrawal made
  // elsewhere shows without a reload.
  useFollowChain(files.refetch);
  return files;
}
