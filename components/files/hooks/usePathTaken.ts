'use client';

import { useEffect, useState } from 'react';
import { zeroAddress, type Address } from 'viem';
import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { validateFilePath } from '@/lib/files/paths';

/** Typing pauses this long before the path is looked up on chain. */
const PATH_CHECK_DELAY_MS = 300;

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(id);
  }, [value, delayMs]);
  return debounced;
}

/**
 * The id of the file `account` already keeps at `path` (`file_id_at_path`), undefined while the path is free,
 * invalid, still being typed or not read yet. Read only while `enabled` (something is picked).
 */
export function usePathTaken(
  fileSystem: Address,
  account: Address | undefined,
  path: string,
  enabled: boolean,
): bigint | undefined {
  const settled = useDebounced(path, PATH_CHECK_DELAY_MS);
  const taken = useReadContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'file_id_at_path',
    args: [account ?? zeroAddress, settled],
    query: { enabled: Boolean(account && enabled && validateFilePath(settled) === undefined) },
  });
  if (!taken.data || settled !== path) return undefined;
  const [exists, id] = taken.data;
  return exists ? id : undefined;
}
