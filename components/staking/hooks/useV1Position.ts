'use client';

import { useMemo } from 'react';
import type { Address } from 'viem';
import { useBalance, useBlock, useReadContract } from 'wagmi';
import { coldStakingV1Abi } from '@/contracts-abi/ColdStakingV1';
import { V2_MAX_SECONDS_PER_BLOCK } from '@/lib/staking/contractFeatures';
import { liveStakingView, v1ClaimableReward, type LiveStakingView } from '@/lib/staking/livePool';
import type { PositionClock } from '@/lib/staking/position';

/** A stake in the legacy V1 contract, as a call in one block sees it. */
export interface V1Position {
  amount: bigint;
  /** V1's stake start (the start of its current round), in V1's clock. */
  time: bigint;
  roundInterval: bigint;
  frozen: boolean;
  /** V1's pool, clock and weight in the block read. */
  view: LiveStakingView;
  clock: Pick<PositionClock, 'contractNow' | 'chainNow'>;
  /** What a withdrawal or a claim pays now: 0 while V1 is frozen. */
  reward: bigint;
}

/**
 * The connected account's stake in the legacy V1 contract (`v1`, undefined where the network has none). Its own
 * block, refreshed every minute so that "withdrawal opens" comes true by itself; every figure is read in that block.
 * `stake` is the raw stake read (amount 0 once withdrawn), `position` the whole position once every read is in.
 */
export function useV1Position(v1: Address | undefined, account: Address, chainId: number) {
  const block = useBlock({ chainId, scopeKey: v1, query: { enabled: Boolean(v1), refetchInterval: 60_000 } });
  const blockNumber = block.data?.number;
  const at = { address: v1, abi: coldStakingV1Abi, blockNumber } as const;
  const query = { enabled: Boolean(v1) && blockNumber !== undefined };
  const staker = useReadContract({ ...at, functionName: 'staker', args: [account], query });
  const roundInterval = useReadContract({ ...at, functionName: 'round_interval', query });
  const timestamp = useReadContract({ ...at, functionName: 'Timestamp', query });
  const lastBlock = useReadContract({ ...at, functionName: 'LastBlock', query });
  const totalAmount = useReadContract({ ...at, functionName: 'TotalStakingAmount', query });
  const totalWeight = useReadContract({ ...at, functionName: 'TotalStakingWeight', query });
  const frozen = useReadContract({ ...at, functionName: 'CS_frozen', query });
  const balance = useBalance({ address: v1, blockNumber, query });

  const position = useMemo<V1Position | undefined>(() => {
    if (
      !staker.data ||
      !block.data ||
      roundInterval.data === undefined ||
      timestamp.data === undefined ||
      lastBlock.data === undefined ||
      totalAmount.data === undefined ||
      totalWeight.data === undefined ||
      frozen.data === undefined ||
      balance.data === undefined
    ) {
      return undefined;
    }
    const [amount, time] = staker.data;
    const view = liveStakingView(
      {
        balance: balance.data.value,
        totalAmount: totalAmount.data,
        totalWeight: totalWeight.data,
        timestamp: timestamp.data,
        lastBlock: lastBlock.data,
      },
      { number: block.data.number, timestamp: block.data.timestamp },
      // V1 caps its clock at 25 s a block, as V2 does.
      V2_MAX_SECONDS_PER_BLOCK,
      roundInterval.data,
    );
    return {
      amount,
      time,
      roundInterval: roundInterval.data,
      frozen: frozen.data,
      view,
      clock: { contractNow: view.now, chainNow: block.data.timestamp },
      // Computed from the live pool (the stored StakingRewardPool lags between calls); frozen V1 pays no reward.
      reward: frozen.data ? 0n : v1ClaimableReward({ amount, time }, view),
    };
  }, [
    staker.data,
    block.data,
    roundInterval.data,
    timestamp.data,
    lastBlock.data,
    totalAmount.data,
    totalWeight.data,
    frozen.data,
    balance.data,
  ]);

  const [amount] = staker.data ?? [];
  const reads = [staker, roundInterval, timestamp, lastBlock, totalAmount, totalWeight, frozen];
  return {
    /** The stake's amount as read (0 once withdrawn), before the other figures are in. */
    amount,
    position,
    isPending: reads.some((r) => r.isPending),
    isFetching: reads.some((r) => r.isFetching),
    /** The stake itself could not be read (the other figures failing only leave the reward unknown). */
    failed: block.isError || staker.isError,
    refetch: () => Promise.all([block.refetch(), balance.refetch(), ...reads.map((r) => r.refetch())]),
  };
}
