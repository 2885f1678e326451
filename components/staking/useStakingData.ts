'use client';

import { useMemo } from 'react';
import { zeroAddress, type Address } from 'viem';
import { keepPreviousData } from '@tanstack/react-query';
import { useBalance, useBlock, useGasPrice, useReadContracts } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import { stakingAbiOn, uintView, V2_MAX_SECONDS_PER_BLOCK } from '@/lib/staking/contractFeatures';
import { liveStakingView, type LiveStakingView } from '@/lib/staking/livePool';
import { addStakeLoss, claimableReward, type StakerState } from '@/lib/staking/rewardModel';
import { ok } from '@/components/ui/chainDisplay';

export interface StakingData {
  totalStaked: bigint;
  /** Live: balance - stakes (- pending returns), as V2's stake_reward computes it; never the stored variable. */
  rewardPool: bigint;
  /** Live: TotalStakingWeight moved to the block read, as the contract's views compute it. */
  totalWeight: bigint;
  roundInterval: bigint;
  maxDelay: bigint;
  /** undefined on contracts without the view (mainnet V2). */
  stakerCount?: bigint;
  /** A reported stake the connected address did not accept, owed to it (L-06); undefined without the pull payment. */
  ownPendingReturn?: bigint;
  /** The contract clock as a call in the block read sees it. */
  contractNow: bigint;
  /** Chain time of the block read. */
  blockTime: bigint;
  /** Everything above as the reward model takes it. */
  view: LiveStakingView;
  position?: {
    staker: StakerState;
    /** What `claim` pays in the block read (equal to the contract's `stake_reward` there). */
    reward: bigint;
    /** What adding to the stake in the block read forfeits. */
    addLoss: { lostTime: bigint; lostReward: bigint };
    /** 0 on contracts without governance holds. */
    heldUntil: bigint;
  };
}

/** The optional views, each read only where the contract's ABI on this chain has it (see contractFeatures). */
function optionalReads(staking: Address | undefined, chainId: number, who: Address) {
  const abi = stakingAbiOn(chainId);
  const wanted = [
    { key: 'stakerCount', item: uintView(abi, 'staker_count', 0), args: [] },
    { key: 'maxSecondsPerBlock', item: uintView(abi, 'max_seconds_per_block', 0), args: [] },
    { key: 'heldUntil', item: uintView(abi, 'held_until', 1), args: [who] },
    { key: 'pendingReturns', item: uintView(abi, 'total_pending_returns', 0), args: [] },
    { key: 'ownPendingReturn', item: uintView(abi, 'pending_returns', 1), args: [who] },
  ] as const;
  const present = wanted.filter((w) => w.item !== undefined);
  return {
    keys: present.map((w) => w.key),
    contracts: present.map((w) => ({ address: staking, abi: [w.item!], functionName: w.item!.name, args: w.args })),
  };
}

type OptionalKey = ReturnType<typeof optionalReads>['keys'][number];

const NO_OPTIONAL_RESULTS: readonly { status: 'success' | 'failure'; result?: unknown }[] = [];

/**
 * Everything the staking page shows first. The block is read first and every read is pinned to it, so that the
 * live pool, clock and weight are those of one block (a block mined between two reads would skew them); the reads
 * travel as one multicall (or one JSON-RPC batch where the chain has no Multicall3) with the contract's balance.
 */
export function useStakingData(staking: Address | undefined, account: Address | undefined, chainId: number) {
  const c = { address: staking, abi: coldStakingAbi } as const;
  const who = account ?? zeroAddress;
  // Keyed by the contract's address, so that a transaction to it (which invalidates the queries naming it) reads a
  // new block, and with it everything below.
  const block = useBlock({ scopeKey: staking, query: { enabled: Boolean(staking) } });
  const blockNumber = block.data?.number;
  // While a new block's reads load (after a transaction, say), the previous block's results stay: the page keeps
  // its figures and its forms stay mounted with their messages, instead of emptying for a moment.
  const pinned = { enabled: Boolean(staking) && blockNumber !== undefined, placeholderData: keepPreviousData };
  const reads = useReadContracts({
    allowFailure: true,
    blockNumber,
    contracts: [
      { ...c, functionName: 'TotalStakingAmount' },
      { ...c, functionName: 'TotalStakingWeight' },
      { ...c, functionName: 'round_interval' },
      { ...c, functionName: 'max_delay' },
      { ...c, functionName: 'Timestamp' },
      { ...c, functionName: 'LastBlock' },
      // With no account connected this reads the zero address: a fixed shape keeps every result typed.
      { ...c, functionName: 'staker', args: [who] },
    ],
    query: pinned,
  });
  const optional = optionalReads(staking, chainId, who);
  const optionalResults = useReadContracts({
    allowFailure: true,
    blockNumber,
    contracts: optional.contracts,
    query: { enabled: pinned.enabled && optional.contracts.length > 0, placeholderData: keepPreviousData },
  });
  // wagmi leaves a query with no contracts idle (no data): where the ABI has none of the views, there is nothing to wait for.
  const optionalData = optional.contracts.length === 0 ? NO_OPTIONAL_RESULTS : optionalResults.data;
  const contractBalance = useBalance({ address: staking, blockNumber, query: pinned });
  const balance = useBalance({ address: account, query: { enabled: Boolean(account) } });
  const gasPrice = useGasPrice({ query: { enabled: Boolean(account) } });

  const data = useMemo<StakingData | undefined>(() => {
    const r = reads.data;
    if (!r || !block.data || contractBalance.data === undefined || !optionalData) return undefined;
    const totalStaked = ok(r[0]);
    const totalWeight = ok(r[1]);
    const roundInterval = ok(r[2]);
    const maxDelay = ok(r[3]);
    const timestamp = ok(r[4]);
    const lastBlock = ok(r[5]);
    if (
      totalStaked === undefined ||
      totalWeight === undefined ||
      roundInterval === undefined ||
      maxDelay === undefined ||
      timestamp === undefined ||
      lastBlock === undefined
    ) {
      return undefined;
    }
    const extra = new Map<OptionalKey, bigint>();
    optional.keys.forEach((key, i) => {
      const entry = optionalData[i];
      if (entry?.status === 'success' && typeof entry.result === 'bigint') extra.set(key, entry.result);
    });
    // A contract that has the pull payment but whose read failed: no pool figure rather than one too high.
    if (optional.keys.includes('pendingReturns') && !extra.has('pendingReturns')) return undefined;
    const view = liveStakingView(
      {
        balance: contractBalance.data.value,
        totalAmount: totalStaked,
        totalWeight,
        timestamp,
        lastBlock,
        pendingReturns: extra.get('pendingReturns'),
      },
      { number: block.data.number, timestamp: block.data.timestamp },
      extra.get('maxSecondsPerBlock') ?? V2_MAX_SECONDS_PER_BLOCK,
      roundInterval,
    );
    let position: StakingData['position'];
    const s = ok(r[6]);
    if (account && s) {
      const staker = { amount: s[0], time: s[1], multiplier: s[2], endTime: s[3] };
      position = {
        staker,
        reward: claimableReward(staker, view).reward,
        addLoss: addStakeLoss(staker, view),
        heldUntil: extra.get('heldUntil') ?? 0n,
      };
    }
    return {
      totalStaked,
      rewardPool: view.pool,
      totalWeight: view.totalWeight,
      roundInterval,
      maxDelay,
      stakerCount: extra.get('stakerCount'),
      ownPendingReturn: account ? extra.get('ownPendingReturn') : undefined,
      contractNow: view.now,
      blockTime: block.data.timestamp,
      view,
      position,
    };
    // optional.keys follows chainId and the ABI, both fixed for a build; listing it would re-run on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reads.data, optionalData, contractBalance.data, block.data, account]);

  return {
    data,
    balance: balance.data?.value,
    gasPrice: gasPrice.data,
    isLoading: reads.isLoading || block.isLoading,
    error: reads.error ?? block.error ?? contractBalance.error ?? optionalResults.error,
    refetch: () =>
      Promise.all([block.refetch(), reads.refetch(), optionalResults.refetch(), contractBalance.refetch()]),
  };
}
