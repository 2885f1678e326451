'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useReadContract } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import type { StakingFeatures } from '@/lib/staking/contractFeatures';
import type { LiveStakingView } from '@/lib/staking/livePool';
import { addStakeLoss, claimableReward, type StakerState } from '@/lib/staking/rewardModel';
import type { HeadBlock } from './useHeadBlock';
import { useLastSettled } from './useLastSettled';
import { fresh, freshOptional, pinnedTo } from './pinnedRead';
import type { StakingPool } from './useStakingPool';

/** An account's stake as a call in the pool's block sees it. */
export interface StakerPosition {
  staker: StakerState;
  /** What `claim` pays in the block read (equal to the contract's `stake_reward` there). */
  reward: bigint;
  /** What adding to the stake in the block read forfeits. */
  addLoss: { lostTime: bigint; lostReward: bigint };
  /** 0 on contracts without governance holds. */
  heldUntil: bigint;
  /** A reported stake the account did not accept, owed to it (L-06); undefined without the pull payment. */
  ownPendingReturn: bigint | undefined;
  /** The pool it was priced against (the same block), for figures derived from it such as the reward projection. */
  view: LiveStakingView;
}

/**
 * The connected account's position: its stake, any governance hold and any returned stake owed to it, read in the
 * same block as the pool (and in the same batch), with the reward and the add-to-stake loss computed from that
 * block's live pool. Undefined without an account.
 */
export function useStakerPosition(
  staking: Address,
  account: Address | undefined,
  head: HeadBlock | undefined,
  pool: StakingPool | undefined,
  features: StakingFeatures,
) {
  const who = account;
  const at = { address: staking, abi: coldStakingAbi, blockNumber: head?.number } as const;
  const connected = who !== undefined;
  const staker = useReadContract({
    ...at,
    functionName: 'staker',
    args: who && [who],
    query: pinnedTo(head?.number, connected),
  });
  const heldUntil = useReadContract({
    ...at,
    functionName: 'held_until',
    args: who && [who],
    query: pinnedTo(head?.number, connected && features.heldUntil),
  });
  const owed = useReadContract({
    ...at,
    functionName: 'pending_returns',
    args: who && [who],
    query: pinnedTo(head?.number, connected && features.pendingReturns),
  });

  const stake = fresh(staker);
  const hold = freshOptional(heldUntil, features.heldUntil);
  const owedNow = freshOptional(owed, features.pendingReturns);
  // Only with the pool of the same block: a position is never priced against another block's pool.
  const samePool = pool && head && pool.blockNumber === head.number ? pool : undefined;

  const position = useMemo<StakerPosition | undefined>(() => {
    if (!stake || !samePool || hold === undefined || owedNow === undefined) return undefined;
    const [amount, time, multiplier, endTime] = stake;
    const state: StakerState = { amount, time, multiplier, endTime };
    return {
      staker: state,
      reward: claimableReward(state, samePool.view).reward,
      addLoss: addStakeLoss(state, samePool.view),
      heldUntil: hold === 'absent' ? 0n : hold,
      ownPendingReturn: owedNow === 'absent' ? undefined : owedNow,
      view: samePool.view,
    };
  }, [stake, samePool, hold, owedNow]);

  const reads = [staker, heldUntil, owed];
  return {
    data: useLastSettled(position, account),
    error: reads.find((r) => r.error)?.error ?? null,
    refetch: () => Promise.all(reads.map((r) => r.refetch())),
  };
}
