import { describe, expect, it } from 'vitest';
import { projectPosition } from './positionProjection';
import { ColdStakingModel, projectReward, type StakingParams } from './rewardModel';

const A = '0x000000000000000000000000000000000000000A';
const B = '0x000000000000000000000000000000000000000b';
const OWNER = '0x0000000000000000000000000000000000000001';
const params: StakingParams = { roundInterval: 100n, maxDelay: 1000n, maxSecondsPerBlock: 1000n };

/** The pool as a call in the model's head block sees it, as the page's pool hook builds it. */
function viewOf(model: ColdStakingModel) {
  const { timestamp, totalWeight } = model.clock();
  return {
    now: timestamp,
    pool: model.pool,
    totalWeight,
    totalAmount: model.totalAmount,
    roundInterval: params.roundInterval,
  };
}

function twoStakers() {
  const model = new ColdStakingModel(params, { number: 1n, timestamp: 1_000n }, OWNER);
  model.advance(1n);
  model.stake(A, 100n * 10n ** 18n, 4n);
  model.stake(B, 300n * 10n ** 18n, 12n);
  model.credit(1_000n * 10n ** 18n);
  return model;
}

describe('projectPosition', () => {
  it('a new stake projects what the stake form previewed for it', () => {
    const model = twoStakers();
    const before = { pool: model.pool, totalAmount: 300n * 10n ** 18n };
    const projection = projectPosition(model.staker(A), viewOf(model))!;
    // The preview of A's stake, had it been made against the same pool and weight.
    const preview = projectReward({
      amount: 100n * 10n ** 18n,
      rounds: 4n,
      pool: before.pool,
      totalWeight: viewOf(model).totalWeight,
      totalAmount: before.totalAmount,
      roundInterval: params.roundInterval,
    });
    expect(projection.perRound).toBe(preview.perRound);
    expect(projection).toMatchObject({ termRounds: 4, completedRounds: 0, claimable: 0n, roundsLeft: 4, nowRound: 0 });
    expect(projection.expectedTotal).toBe(preview.total);
    expect(projection.points.map((p) => p.cumulativeReward)).toEqual(
      [0n, 1n, 2n, 3n, 4n].map((k) => k * preview.perRound),
    );
  });

  it('shows the completed rounds at what a claim pays now, and estimates each round left as the contract then pays it', () => {
    const model = twoStakers();
    model.advance(200n);
    const projection = projectPosition(model.staker(A), viewOf(model))!;
    expect(projection.completedRounds).toBe(2);
    expect(projection.claimable).toBe(model.stakeReward(A));
    expect(projection.claimable).toBeGreaterThan(0n);
    expect(projection.points[2]).toEqual({ round: 2, cumulativeReward: projection.claimable, completed: true });
    // Each completed round is worth the same share of today's pool (up to the contract's rounding down).
    const first = projection.points[1]!.cumulativeReward;
    expect(projection.claimable - 2n * first).toBeLessThanOrEqual(1n);
    expect(projection.points[3]).toEqual({
      round: 3,
      cumulativeReward: projection.claimable + projection.perRound,
      completed: false,
    });
    expect(projection.expectedTotal).toBe(projection.claimable + 2n * projection.perRound);

    // When the estimate's assumptions hold (A claims at each round's end, nobody else claims, no block rewards
    // arrive), the contract pays exactly the estimate for the next round.
    expect(model.claim(A)).toBe(projection.claimable);
    model.advance(100n);
    expect(model.claim(A)).toBe(projection.perRound);
  });

  it('places now inside the round in progress, and counts only the rounds that complete by the term end', () => {
    const model = twoStakers();
    model.advance(250n);
    // A adds to the stake mid-round: its rounds restart now, with the term end kept (4 rounds from the start).
    model.stake(A, 10n * 10n ** 18n, 1n);
    model.advance(30n);
    const staker = model.staker(A);
    expect(staker.endTime - staker.time).toBe(150n);
    const projection = projectPosition(staker, viewOf(model))!;
    // 150 s of term left from the restart: one whole round; the last 50 s earn nothing.
    expect(projection).toMatchObject({ termRounds: 1, completedRounds: 0, roundsLeft: 1, nowRound: 0.3 });
    expect(projection.points).toHaveLength(2);
  });

  it('after the term: every round is completed, nothing more is expected', () => {
    const model = twoStakers();
    model.advance(1_000n);
    const projection = projectPosition(model.staker(A), viewOf(model))!;
    expect(projection).toMatchObject({ termRounds: 4, completedRounds: 4, roundsLeft: 0, perRound: 0n, nowRound: 4 });
    expect(projection.expectedTotal).toBe(model.stakeReward(A));
    expect(projection.points.every((p) => p.completed)).toBe(true);
  });

  it('has nothing to project without a stake', () => {
    const model = twoStakers();
    expect(projectPosition(model.staker(OWNER), viewOf(model))).toBeUndefined();
  });
});
