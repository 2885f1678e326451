'use client';
// The dates of the blocks a history shows (its rows' blocks only), for every feature that lists events: from the
// history store where a past visit dated them, the rest asked together (one JSON-RPC batch) and stored. A block that
// fails only loses its date.
import { useQuery } from '@tanstack/react-query';
import { usePublicClient } from 'wagmi';
import { blockTimestamps } from '@/lib/history/blockTimes';
import { REORG_DEPTH } from '@/lib/history/scan';
import { useNetwork } from '@/components/ui/NetworkContext';
import { historyStore, type EventHistory } from './useEventHistory';

/**
 * Block number to timestamp for `blocks` (undefined while loading). `history` is the scan the blocks come from: its
 * head decides which dates are old enough to keep (a block under the re-read window is not expected to change).
 */
export function useBlockDates(
  blocks: readonly bigint[],
  history: Pick<EventHistory<never, never>, 'scannedTo' | 'progress'>,
): ReadonlyMap<bigint, bigint> | undefined {
  const { chain } = useNetwork();
  const client = usePublicClient({ chainId: chain.id });
  const head = history.scannedTo ?? history.progress?.toBlock ?? 0n;
  const dates = useQuery({
    queryKey: ['history-block-dates', chain.id, blocks.map(String)],
    enabled: Boolean(client) && blocks.length > 0,
    staleTime: Infinity,
    queryFn: async () => {
      if (!client) throw new Error('No connection to the network');
      return blockTimestamps(client, await historyStore(), chain.id, blocks, head, REORG_DEPTH);
    },
  });
  return dates.data;
}
