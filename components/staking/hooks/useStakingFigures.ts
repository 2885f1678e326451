'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { describePosition } from '@/lib/staking/position';
import { useContractFeatures } from './useContractFeatures';
import { useHeadBlock } from './useHeadBlock';
import { useStakerPosition } from './useStakerPosition';
import { useStakingPool } from './useStakingPool';

/**
 * Everything the staking page shows of the pool and of the connected account's stake, from one block: the latest
 * block is read first and every read is pinned to it (a block mined between two reads would skew pool, clock and
 * weight); the reads travel together, as one multicall or, where the chain has no Multicall3, one JSON-RPC batch.
 * The position's dates are its contract times moved onto that block's time (lib/staking/position).
 */
export function useStakingFigures(staking: Address, account: Address | undefined, chainId: number) {
  const features = useContractFeatures(chainId);
  const block = useHeadBlock(true);
  const pool = useStakingPool(staking, block.head, features);
  const position = useStakerPosition(staking, account, block.head, pool.data, features);
  const timeline = useMemo(
    () =>
      pool.data && position.data
        ? describePosition(position.data.staker, {
            contractNow: pool.data.contractNow,
            chainNow: pool.data.blockTime,
            roundInterval: pool.data.roundInterval,
            maxDelay: pool.data.maxDelay,
          })
        : undefined,
    [pool.data, position.data],
  );
  return {
    features,
    pool: pool.data,
    position: position.data,
    timeline,
    error: block.error ?? pool.error ?? position.error,
    refetch: () => Promise.all([block.refetch(), pool.refetch(), position.refetch()]),
  };
}
