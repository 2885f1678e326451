// A staker's dates, from the contract's own clock. The contract measures terms in its `Timestamp`, which moves
// with blocks (at most `max_seconds_per_block` a block); a date shown to a person is that contract time moved
// onto the chain's clock: chainNow + (t - contractNow). While blocks come faster than the cap (15 s on
// mainnet against 25 s), the two clocks move together.
import { allowed, refused, type ActionState } from '../tx/actionState';
import type { StakerState } from './rewardModel';

export interface PositionClock {
  /** The contract clock as a call in the latest block sees it. */
  contractNow: bigint;
  /** The chain's time now (latest block time plus the seconds since it was read). */
  chainNow: bigint;
  roundInterval: bigint;
  maxDelay: bigint;
}

export interface PositionTimeline {
  hasStake: boolean;
  /** Chain time the round in progress completes, or undefined when no further round can complete. */
  nextRoundAt?: bigint;
  /** Whole rounds left in the term, counting the one in progress. */
  roundsLeft: bigint;
  termEndsAt: bigint;
  termEnded: boolean;
  /** Chain time from which any staker may return the stake as inactive. */
  removableAt: bigint;
  removable: boolean;
}

export function toChainTime(contractTime: bigint, clock: Pick<PositionClock, 'contractNow' | 'chainNow'>): bigint {
  return clock.chainNow + (contractTime - clock.contractNow);
}

export function describePosition(staker: StakerState, clock: PositionClock): PositionTimeline {
  const { contractNow, roundInterval, maxDelay } = clock;
  const hasStake = staker.amount > 0n;
  const termEnded = contractNow >= staker.endTime;
  const roundsDone = contractNow > staker.time ? (contractNow - staker.time) / roundInterval : 0n;
  const nextRound = staker.time + (roundsDone + 1n) * roundInterval;
  const roundsLeft = termEnded ? 0n : (staker.endTime - contractNow + roundInterval - 1n) / roundInterval;
  return {
    hasStake,
    nextRoundAt: hasStake && nextRound <= staker.endTime ? toChainTime(nextRound, clock) : undefined,
    roundsLeft,
    termEndsAt: toChainTime(staker.endTime, clock),
    termEnded,
    removableAt: toChainTime(staker.endTime + maxDelay, clock),
    removable: hasStake && contractNow > staker.endTime + maxDelay,
  };
}

/** Whether an action can be taken now; when refused, the chain time it becomes possible, where one is known. */
export type DatedActionState = ActionState & { until?: bigint };

/** Whether `claim` can pay anything now, and if not, why and until when (as a chain time). */
export function claimState(timeline: PositionTimeline, reward: bigint): DatedActionState {
  if (!timeline.hasStake) return refused('You have no stake in this contract.');
  if (reward > 0n) return allowed();
  if (timeline.nextRoundAt !== undefined) {
    return { ...refused('Nothing to claim until your current round completes.'), until: timeline.nextRoundAt };
  }
  return refused('No reward is due: the pool is empty or your rounds are paid.');
}

/** Whether `withdraw_stake` would succeed now, and if not, why. */
export function withdrawState(timeline: PositionTimeline, heldUntil: bigint, chainNow: bigint): DatedActionState {
  if (!timeline.hasStake) return refused('You have no stake in this contract.');
  if (!timeline.termEnded) {
    return { ...refused('Your stake is locked until the end of its term.'), until: timeline.termEndsAt };
  }
  if (heldUntil > chainNow) {
    return { ...refused('Your stake is held until a vote you took part in ends.'), until: heldUntil };
  }
  return allowed();
}
