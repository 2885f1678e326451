// The reward pool and total weight as a call in a given block sees them, computed the way the live V2 contract's
// own `stake_reward` view computes them, from what the contract stores and its balance. Why not read
// `StakingRewardPool` and `TotalStakingWeight`: on mainnet (V1 and V2) they are storage that `new_block()` refreshes
// only when someone calls the contract, so between calls they lag behind the block rewards that keep arriving as
// plain balance credits. Every staking figure on the page (pool, claimable reward, the add-to-stake warning, the
// reward estimate) comes from `liveStakingView`. No React.
import { simulateClock, type BlockContext, type PoolView } from './rewardModel';

/** What the contract stores (all of it stale between calls on mainnet), its balance, and the block it was read at. */
export interface StakingStorage {
  /** The contract's balance (eth_getBalance). */
  balance: bigint;
  /** `TotalStakingAmount`: the sum of the stakes. */
  totalAmount: bigint;
  /** `TotalStakingWeight` as stored. */
  totalWeight: bigint;
  /** `Timestamp`: the contract clock as stored. */
  timestamp: bigint;
  /** `LastBlock`: the block the clock last moved in. */
  lastBlock: bigint;
  /**
   * `total_pending_returns()` on contracts that owe reported stakers a pull payment (undefined on those without the
   * view, such as mainnet V1 and V2): coins in the balance that belong to no reward.
   */
  pendingReturns?: bigint;
}

/**
 * The reward pool a call sees: the balance less the stakes and, where the contract owes reported stakers a pull
 * payment, less those; never the stored `StakingRewardPool`. A balance below them (which the contracts never allow)
 * reads as an empty pool.
 */
export function livePool(storage: Pick<StakingStorage, 'balance' | 'totalAmount' | 'pendingReturns'>): bigint {
  const owed = storage.totalAmount + (storage.pendingReturns ?? 0n);
  return storage.balance > owed ? storage.balance - owed : 0n;
}

export interface LiveStakingView extends PoolView {
  /** TotalStakingAmount (it only changes with calls, so the stored value is live). */
  totalAmount: bigint;
}

/**
 * The pool, clock and total weight a call in `block` sees: pool = balance - stakes (- pending returns), the clock
 * moved by min(block time - Timestamp, blocks since LastBlock x `maxSecondsPerBlock`), and the weight grown by that
 * time x the stakes. A balance below the stakes (which the contracts never allow) reads as an empty pool.
 */
export function liveStakingView(
  storage: StakingStorage,
  block: BlockContext,
  maxSecondsPerBlock: bigint,
  roundInterval: bigint,
): LiveStakingView {
  const clock = simulateClock(
    {
      timestamp: storage.timestamp,
      lastBlock: storage.lastBlock,
      totalWeight: storage.totalWeight,
      totalAmount: storage.totalAmount,
    },
    block,
    maxSecondsPerBlock,
  );
  return {
    now: clock.timestamp,
    pool: livePool(storage),
    totalWeight: clock.totalWeight,
    totalAmount: storage.totalAmount,
    roundInterval,
  };
}

/** A V1 stake: V1 has no multiplier (1.00) and no term, only a one-round lock from `time`. */
export interface V1Stake {
  amount: bigint;
  /** Contract time the current round started. */
  time: bigint;
}

/** The reward a V1 `claim` (or `withdraw_stake`) pays in the view's block: every completed round, at 1.00. */
export function v1ClaimableReward(stake: V1Stake, view: PoolView): bigint {
  if (stake.amount === 0n || view.now <= stake.time || view.totalWeight === 0n) return 0n;
  const completed = ((view.now - stake.time) / view.roundInterval) * view.roundInterval;
  return (view.pool * (completed * stake.amount)) / view.totalWeight;
}

/** When a V1 stake may be withdrawn, in contract time: one complete round after its start. */
export function v1WithdrawableFrom(stake: V1Stake, roundInterval: bigint): bigint {
  return stake.time + roundInterval;
}

/**
 * Where a V1 claim in the view's block would move the stake's start (to the latest round boundary) and so when a
 * withdrawal would open again: one complete round after that. Undefined when a claim would pay nothing and move
 * nothing (no completed round yet).
 */
export function v1LockAfterClaim(
  stake: V1Stake,
  view: PoolView,
): { newStart: bigint; withdrawableFrom: bigint } | undefined {
  if (stake.amount === 0n || view.now <= stake.time) return undefined;
  const completed = ((view.now - stake.time) / view.roundInterval) * view.roundInterval;
  if (completed === 0n) return undefined;
  const newStart = stake.time + completed;
  return { newStart, withdrawableFrom: newStart + view.roundInterval };
}
