'use client';

import { useMemo } from 'react';
import { zeroAddress, type Address } from 'viem';
import { useBalance, useBlock, useGasPrice, useReadContracts } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { simulateClock, type StakerState } from '@/lib/staking/rewardModel';
import { ok } from '@/components/ui/chainDisplay';

/** The live mainnet contract has no `max_seconds_per_block` view; this is its hard-coded cap. */
const MAINNET_MAX_SECONDS_PER_BLOCK = 25n;

export interface StakingData {
  totalStaked: bigint;
  rewardPool: bigint;
  /** TotalStakingWeight moved to the latest block, as the contract's views see it. */
  totalWeight: bigint;
  roundInterval: bigint;
  maxDelay: bigint;
  /** undefined on contracts without the view (mainnet V2). */
  stakerCount?: bigint;
  contractNow: bigint;
  /** Chain time of the latest block. */
  blockTime: bigint;
  position?: {
    staker: StakerState;
    reward: bigint;
    /** From the contract's `add_stake_loss` where it has one. */
    addLoss?: { lostTime: bigint; lostReward: bigint };
    heldUntil: bigint;
  };
}

/**
 * Everything the staking page shows first, as one multicall, with the latest block and the account's
 * balance travelling in the same JSON-RPC batch.
 */
export function useStakingData(staking: Address | undefined, account: Address | undefined) {
  const c = { address: staking, abi: coldStakingAbi } as const;
  const who = account ?? zeroAddress;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...c, functionName: 'TotalStakingAmount' },
      { ...c, functionName: 'StakingRewardPool' },
      { ...c, functionName: 'TotalStakingWeight' },
      { ...c, functionName: 'round_interval' },
      { ...c, functionName: 'max_delay' },
      { ...c, functionName: 'Timestamp' },
      { ...c, functionName: 'LastBlock' },
      { ...c, functionName: 'staker_count' },
      { ...c, functionName: 'max_seconds_per_block' },
      // With no account connected these read the zero address: a fixed shape keeps every result typed.
      { ...c, functionName: 'staker', args: [who] },
      { ...c, functionName: 'stake_reward', args: [who] },
      { ...c, functionName: 'add_stake_loss', args: [who] },
      { ...c, functionName: 'held_until', args: [who] },
    ],
    query: { enabled: Boolean(staking) },
  });
  const block = useBlock({ query: { enabled: Boolean(staking) } });
  const balance = useBalance({ address: account, query: { enabled: Boolean(account) } });
  const gasPrice = useGasPrice({ query: { enabled: Boolean(account) } });

  const data = useMemo<StakingData | undefined>(() => {
    const r = reads.data;
    if (!r || !block.data) return undefined;
    const totalStaked = ok(r[0]);
    const rewardPool = ok(r[1]);
    const totalWeight = ok(r[2]);
    const roundInterval = ok(r[3]);
    const maxDelay = ok(r[4]);
    const timestamp = ok(r[5]);
    const lastBlock = ok(r[6]);
    if (
      totalStaked === undefined ||
      rewardPool === undefined ||
      totalWeight === undefined ||
      roundInterval === undefined ||
      maxDelay === undefined ||
      timestamp === undefined ||
      lastBlock === undefined
    ) {
      return undefined;
    }
    const maxSecondsPerBlock = ok(r[8]) ?? MAINNET_MAX_SECONDS_PER_BLOCK;
    const clock = simulateClock(
      { timestamp, lastBlock, totalWeight, totalAmount: totalStaked },
      { number: block.data.number, timestamp: block.data.timestamp },
      maxSecondsPerBlock,
    );
    let position: StakingData['position'];
    if (account) {
      const s = ok(r[9]);
      const reward = ok(r[10]);
      const loss = ok(r[11]);
      const held = ok(r[12]);
      if (s && reward !== undefined) {
        position = {
          staker: { amount: s[0], time: s[1], multiplier: s[2], endTime: s[3] },
          reward,
          addLoss: loss ? { lostTime: loss[0], lostReward: loss[1] } : undefined,
          heldUntil: held ?? 0n,
        };
      }
    }
    return {
      totalStaked,
      rewardPool,
      totalWeight: clock.totalWeight,
      roundInterval,
      maxDelay,
      stakerCount: ok(r[7]),
      contractNow: clock.timestamp,
      blockTime: block.data.timestamp,
      position,
    };
  }, [reads.data, block.data, account]);

  return {
    data,
    balance: balance.data?.value,
    gasPrice: gasPrice.data,
    isLoading: reads.isLoading || block.isLoading,
    error: reads.error ?? block.error,
    refetch: () => Promise.all([reads.refetch(), block.refetch()]),
  };
}
