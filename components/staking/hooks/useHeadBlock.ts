'use client';

import { useMemo } from 'react';
import { useBlock } from 'wagmi';

/** The block a page's figures are read at. */
export interface HeadBlock {
  number: bigint;
  timestamp: bigint;
}

/**
 * The chain's latest block, which the staking page pins its reads to so that pool, clock and weight are those of
 * one block. The same query as the chain clock of the countdowns (`useChainNow`): one request serves both, and the
 * transaction helper refreshes it after every transaction (lib/tx/touchedQueries).
 */
export function useHeadBlock(enabled: boolean) {
  const block = useBlock({ query: { enabled } });
  const number = block.data?.number;
  const timestamp = block.data?.timestamp;
  // One object a block: the hooks pinned to it recompute only when the block changes.
  const head = useMemo<HeadBlock | undefined>(
    () => (number === undefined || timestamp === undefined ? undefined : { number, timestamp }),
    [number, timestamp],
  );
  return { head, error: block.error, refetch: block.refetch };
}
