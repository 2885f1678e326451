'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useChainId } from 'wagmi';
import { searchBatch, type SearchBatch } from '@/lib/lists/wholeList';

/**
 * Reads a whole list through its contract's paged getter while a filter is on, batch after batch (one request
 * each), so a filter can search every item and not only the page shown. Idle (no request at all) while `enabled`
 * is false, so the unfiltered first paint costs what it did. The query key names the contract's address, so the
 * transaction helper's invalidation reads the list again after a transaction touched it.
 */
export function useWholeListSearch<T>({
  address,
  name,
  count,
  newestAt,
  enabled,
  readBatch,
}: {
  address: string;
  /** Which getter: part of the cache key. */
  name: string;
  count: bigint | undefined;
  newestAt: 'start' | 'end';
  enabled: boolean;
  /** Reads one batch; returns it newest first. */
  readBatch(batch: SearchBatch): Promise<readonly T[]>;
}) {
  const chainId = useChainId();
  const query = useInfiniteQuery({
    queryKey: ['whole-list', chainId, address, name, count?.toString()],
    enabled: enabled && count !== undefined,
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const batch = count === undefined ? undefined : searchBatch(count, pageParam, newestAt);
      return batch ? readBatch(batch) : Promise.resolve([]);
    },
    getNextPageParam: (_last, pages) =>
      count !== undefined && searchBatch(count, pages.length, newestAt) ? pages.length : undefined,
    // The list changes only with a transaction (invalidated then) or a new count (a new key).
    staleTime: 60_000,
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  // Read on, one batch after another, until the whole list is read; stop on an error (Retry resumes).
  useEffect(() => {
    if (enabled && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [enabled, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);

  const batches = query.data?.pages;
  const read = batches?.reduce((n, b) => n + b.length, 0) ?? 0;
  return {
    batches,
    read,
    complete: batches !== undefined && !hasNextPage,
    error: query.error,
    retry: () => void (batches ? query.fetchNextPage() : query.refetch()),
  };
}
