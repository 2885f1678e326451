// An existing stake's reward, round by round over its term: the rounds already completed (what `claim` pays for
// them now, the contract's own formula) and an estimate of each round left, from the same maths as the stake
// form's preview (`expectedRoundReward`). Rounds are counted from the stake's `time`, which is where its last claim
// or addition left it: the contract pays whole rounds from there, so earlier, claimed rounds are not in the state.
// No React.
import { claimableReward, expectedRoundReward, rewardOf, type PoolView, type StakerState } from './rewardModel';

export interface PositionRoundPoint {
  /** Rounds since the stake's `time` (0 is that moment). */
  round: number;
  /** Reward of rounds 1..round: exact for completed rounds (claimable now), estimated after. */
  cumulativeReward: bigint;
  /** Whether the round has completed (its reward is claimable now). */
  completed: boolean;
}

export interface PositionProjection {
  /** Whole rounds from `time` that complete by the term end; a fraction of a round left at the end earns nothing. */
  termRounds: number;
  /** Rounds completed and not claimed yet. */
  completedRounds: number;
  /** What `claim` pays now for them. */
  claimable: bigint;
  /** Rounds still to complete, the one in progress included. */
  roundsLeft: number;
  /** The estimate for each round left (0 when none is left). */
  perRound: bigint;
  /** claimable + roundsLeft x perRound. */
  expectedTotal: bigint;
  /** Where now sits, in rounds since `time` (with the fraction of the round in progress), at most `termRounds`. */
  nowRound: number;
  /** Rounds 0..termRounds. */
  points: PositionRoundPoint[];
}

/**
 * The projection of `staker`'s reward as a call in the pool's block sees it, or undefined without a stake. Each
 * completed round is worth the same share of today's pool (the contract's reward is proportional to the weight, one
 * round of the stake each), so the cumulative figure for k of them is the reward of k rounds' weight. The rounds
 * left assume what the preview assumes: the completed rounds are claimed first, then every round pays what a claim
 * one round from now would pay with today's pool and stakes. An estimate, not a promise.
 */
export function projectPosition(
  staker: StakerState,
  view: PoolView & { totalAmount: bigint },
): PositionProjection | undefined {
  if (staker.amount === 0n) return undefined;
  const { now, roundInterval } = view;
  const termSeconds = staker.endTime > staker.time ? staker.endTime - staker.time : 0n;
  const termRounds = Number(termSeconds / roundInterval);
  const claimed = claimableReward(staker, view);
  const completedRounds = Number(claimed.completedTime / roundInterval);
  const roundsLeft = termRounds - completedRounds;
  const perRound =
    roundsLeft > 0
      ? expectedRoundReward({
          amount: staker.amount,
          multiplier: staker.multiplier,
          pool: view.pool - claimed.reward,
          totalWeight: view.totalWeight - claimed.weight,
          totalAmount: view.totalAmount,
          roundInterval,
        })
      : 0n;
  const roundWeight = staker.amount * roundInterval;
  const points = Array.from({ length: termRounds + 1 }, (_, round): PositionRoundPoint => {
    const completed = round <= completedRounds;
    const cumulativeReward = completed
      ? rewardOf(view.pool, BigInt(round) * roundWeight, view.totalWeight, staker.multiplier)
      : claimed.reward + BigInt(round - completedRounds) * perRound;
    return { round, cumulativeReward, completed };
  });
  const elapsed = now > staker.time ? Number(now - staker.time) / Number(roundInterval) : 0;
  return {
    termRounds,
    completedRounds,
    claimable: claimed.reward,
    roundsLeft,
    perRound,
    expectedTotal: claimed.reward + BigInt(roundsLeft) * perRound,
    nowRound: Math.min(elapsed, termRounds),
    points,
  };
}
