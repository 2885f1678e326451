'use client';

import type { Address } from 'viem';
import { useBalance, useReadContract } from 'wagmi';
import { coldStakingAbi } from '@/contracts-abi/ColdStaking';
import type { StakingFeatures } from '@/lib/staking/contractFeatures';
import { livePool } from '@/lib/staking/livePool';

/** A figure of the summary: its value, or `failed` when its read failed (undefined while loading). */
export type SummaryFigure<T> = T | 'failed' | undefined;

/** What was read stays shown while a later read fails (the RPC banner says the network is down). */
function figure<T>(read: { data: T | undefined; isError: boolean }): SummaryFigure<T> {
  return read.data !== undefined ? read.data : read.isError ? 'failed' : undefined;
}

/**
 * The cold staking figures of the overview, at the latest block: the stakes, the round length, the staker count
 * (where the ABI has it) and the live reward pool (balance - stakes - pending returns, as the staking page and the
 * contract's own `stake_reward` compute it; never the stored `StakingRewardPool`, which the live mainnet contracts
 * refresh only when called). One batch with the page's other reads.
 */
export function useStakingSummary(staking: Address | undefined, features: StakingFeatures) {
  const c = { address: staking, abi: coldStakingAbi } as const;
  const deployed = Boolean(staking);
  const totalStaked = useReadContract({ ...c, functionName: 'TotalStakingAmount', query: { enabled: deployed } });
  const roundInterval = useReadContract({ ...c, functionName: 'round_interval', query: { enabled: deployed } });
  const stakerCount = useReadContract({
    ...c,
    functionName: 'staker_count',
    query: { enabled: deployed && features.stakerCount },
  });
  const pendingReturns = useReadContract({
    ...c,
    functionName: 'total_pending_returns',
    query: { enabled: deployed && features.totalPendingReturns },
  });
  const balance = useBalance({ address: staking, query: { enabled: deployed } });

  // The pool needs the balance, the stakes and (where the view exists) the pending returns; any of them failing
  // shows a dash rather than a pool too high.
  const staked = figure(totalStaked);
  const coins = figure({ data: balance.data?.value, isError: balance.isError });
  const owed = features.totalPendingReturns ? figure(pendingReturns) : 0n;
  const rewardPool: SummaryFigure<bigint> =
    staked === 'failed' || coins === 'failed' || owed === 'failed'
      ? 'failed'
      : staked === undefined || coins === undefined || owed === undefined
        ? undefined
        : livePool({ balance: coins, totalAmount: staked, pendingReturns: owed });

  return {
    totalStaked: staked,
    roundInterval: figure(roundInterval),
    stakerCount: features.stakerCount ? figure(stakerCount) : undefined,
    rewardPool,
    /** Every read failed: the network does not answer. */
    unreachable: totalStaked.isError && roundInterval.isError,
  };
}
