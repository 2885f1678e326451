'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useBalance, useReadContract } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { V2_MAX_SECONDS_PER_BLOCK, type StakingFeatures } from '@/lib/staking/contractFeatures';
import { liveStakingView, type LiveStakingView } from '@/lib/staking/livePool';
import type { HeadBlock } from './useHeadBlock';
import { useLastSettled } from './useLastSettled';
import { fresh, freshOptional, pinnedTo } from './pinnedRead';

/** The pool as a call in one block sees it. */
export interface StakingPool {
  /** The block every figure below was read at. */
  blockNumber: bigint;
  /** Chain time of that block. */
  blockTime: bigint;
  totalStaked: bigint;
  /** Live: balance - stakes (- pending returns), as V2's stake_reward computes it; never the stored variable. */
  rewardPool: bigint;
  /** Live: TotalStakingWeight moved to the block read, as the contract's views compute it. */
  totalWeight: bigint;
  roundInterval: bigint;
  maxDelay: bigint;
  /** undefined on contracts without the view (mainnet V2). */
  stakerCount: bigint | undefined;
  /** The contract clock as a call in the block read sees it. */
  contractNow: bigint;
  /** Everything above as the reward model takes it. */
  view: LiveStakingView;
}

/**
 * The staking pool at `head`: the contract's totals, clock and balance read in that block (one multicall, or one
 * JSON-RPC batch where the chain has no Multicall3: the reads are issued in the same render) and combined the way
 * the contract's own views compute them (lib/staking/livePool). The optional views are read only where the ABI on
 * this chain has them. While a new block's reads load, the previous block's pool stays.
 */
export function useStakingPool(staking: Address, head: HeadBlock | undefined, features: StakingFeatures) {
  const at = { address: staking, abi: coldStakingAbi, blockNumber: head?.number } as const;
  const pinned = pinnedTo(head?.number);
  const totalStaked = useReadContract({ ...at, functionName: 'TotalStakingAmount', query: pinned });
  const storedWeight = useReadContract({ ...at, functionName: 'TotalStakingWeight', query: pinned });
  const roundInterval = useReadContract({ ...at, functionName: 'round_interval', query: pinned });
  const maxDelay = useReadContract({ ...at, functionName: 'max_delay', query: pinned });
  const timestamp = useReadContract({ ...at, functionName: 'Timestamp', query: pinned });
  const lastBlock = useReadContract({ ...at, functionName: 'LastBlock', query: pinned });
  const balance = useBalance({ address: staking, blockNumber: head?.number, query: pinned });
  const stakerCount = useReadContract({
    ...at,
    functionName: 'staker_count',
    query: pinnedTo(head?.number, features.stakerCount),
  });
  const maxSecondsPerBlock = useReadContract({
    ...at,
    functionName: 'max_seconds_per_block',
    query: pinnedTo(head?.number, features.maxSecondsPerBlock),
  });
  const pendingReturns = useReadContract({
    ...at,
    functionName: 'total_pending_returns',
    query: pinnedTo(head?.number, features.totalPendingReturns),
  });

  const values = {
    totalStaked: fresh(totalStaked),
    storedWeight: fresh(storedWeight),
    roundInterval: fresh(roundInterval),
    maxDelay: fresh(maxDelay),
    timestamp: fresh(timestamp),
    lastBlock: fresh(lastBlock),
    balance: fresh(balance)?.value,
    stakerCount: freshOptional(stakerCount, features.stakerCount),
    maxSecondsPerBlock: freshOptional(maxSecondsPerBlock, features.maxSecondsPerBlock),
    // A contract with the pull payment whose read failed: no pool figure rather than one too high.
    pendingReturns: freshOptional(pendingReturns, features.totalPendingReturns),
  };
  const { totalStaked: total, storedWeight: weight, roundInterval: interval, maxDelay: delay } = values;
  const { timestamp: stamp, lastBlock: last, balance: coins, stakerCount: count } = values;
  const { maxSecondsPerBlock: cap, pendingReturns: owed } = values;

  const pool = useMemo<StakingPool | undefined>(() => {
    if (
      !head ||
      total === undefined ||
      weight === undefined ||
      interval === undefined ||
      delay === undefined ||
      stamp === undefined ||
      last === undefined ||
      coins === undefined ||
      count === undefined ||
      cap === undefined ||
      owed === undefined
    ) {
      return undefined;
    }
    const view = liveStakingView(
      {
        balance: coins,
        totalAmount: total,
        totalWeight: weight,
        timestamp: stamp,
        lastBlock: last,
        pendingReturns: owed === 'absent' ? undefined : owed,
      },
      head,
      cap === 'absent' ? V2_MAX_SECONDS_PER_BLOCK : cap,
      interval,
    );
    return {
      blockNumber: head.number,
      blockTime: head.timestamp,
      totalStaked: total,
      rewardPool: view.pool,
      totalWeight: view.totalWeight,
      roundInterval: interval,
      maxDelay: delay,
      stakerCount: count === 'absent' ? undefined : count,
      contractNow: view.now,
      view,
    };
  }, [head, total, weight, interval, delay, stamp, last, coins, count, cap, owed]);

  const reads = [totalStaked, storedWeight, roundInterval, maxDelay, timestamp, lastBlock, balance];
  const optional = [stakerCount, maxSecondsPerBlock, pendingReturns];
  return {
    data: useLastSettled(pool),
    error: reads.find((r) => r.error)?.error ?? optional.find((r) => r.error)?.error ?? null,
    refetch: () => Promise.all([...reads, ...optional].map((r) => r.refetch())),
  };
}
