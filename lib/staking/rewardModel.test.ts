import { describe, expect, it } from 'vitest';
import {
  ColdStakingModel,
  ModelRevert,
  NOMINATOR,
  REVERT,
  addStakeLoss,
  addStakePreview,
  claimableReward,
  completedRoundsTime,
  elapsedSeconds,
  multiplierForRounds,
  projectReward,
  rewardOf,
  simulateClock,
  type StakingParams,
} from './rewardModel';

const A = '0x000000000000000000000000000000000000000A';
const B = '0x000000000000000000000000000000000000000b';
const C = '0x000000000000000000000000000000000000000C';
const OWNER = '0x0000000000000000000000000000000000000001';
const params: StakingParams = { roundInterval: 100n, maxDelay: 1000n, maxSecondsPerBlock: 1000n };

function revertReason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ModelRevert) return error.reason;
    throw error;
  }
  throw new Error('expected a revert');
}

function stateOf(model: ColdStakingModel) {
  const { timestamp, lastBlock, totalWeight, totalAmount, balance, stakerCount } = model;
  return { timestamp, lastBlock, totalWeight, totalAmount, balance, stakerCount, stakers: [...model.stakers] };
}

describe('multiplierForRounds', () => {
  it('is 0.40 + 0.05 x rounds, capped at 1.00 from 12 rounds', () => {
    expect(multiplierForRounds(1n)).toBe(450_000_000_000_000_000n);
    expect(multiplierForRounds(2n)).toBe(500_000_000_000_000_000n);
    expect(multiplierForRounds(11n)).toBe(950_000_000_000_000_000n);
    expect(multiplierForRounds(12n)).toBe(NOMINATOR);
    expect(multiplierForRounds(13n)).toBe(NOMINATOR);
    expect(multiplierForRounds(1000n)).toBe(NOMINATOR);
  });
});

describe('clock', () => {
  it('moves once a block by at most maxSecondsPerBlock a block', () => {
    const clock = { timestamp: 1000n, lastBlock: 10n, totalWeight: 7n, totalAmount: 3n };
    expect(elapsedSeconds(clock, { number: 10n, timestamp: 5000n }, 25n)).toBe(0n);
    expect(elapsedSeconds(clock, { number: 11n, timestamp: 1010n }, 25n)).toBe(10n);
    expect(elapsedSeconds(clock, { number: 11n, timestamp: 5000n }, 25n)).toBe(25n);
    expect(elapsedSeconds(clock, { number: 14n, timestamp: 5000n }, 25n)).toBe(100n);
    expect(simulateClock(clock, { number: 14n, timestamp: 5000n }, 25n)).toEqual({
      timestamp: 1100n,
      totalWeight: 7n + 300n,
    });
  });
});

describe('reward helpers', () => {
  it('count whole rounds up to the end of the term only', () => {
    expect(completedRoundsTime(1000n, 1300n, 1099n, 100n)).toBe(0n);
    expect(completedRoundsTime(1000n, 1300n, 1150n, 100n)).toBe(100n);
    expect(completedRoundsTime(1000n, 1300n, 1299n, 100n)).toBe(200n);
    expect(completedRoundsTime(1000n, 1300n, 9999n, 100n)).toBe(300n);
    expect(completedRoundsTime(1000n, 1250n, 9999n, 100n)).toBe(200n);
  });

  it('round down after each division as the contract does', () => {
    // 1000 x 10000 / 45000 = 222.2 -> 222; 222 x 0.45 = 99.9 -> 99
    expect(rewardOf(1000n, 10_000n, 45_000n, multiplierForRounds(1n))).toBe(99n);
    expect(rewardOf(1000n, 0n, 0n, NOMINATOR)).toBe(0n);
  });

  it('say what adding mid-round loses: the elapsed part of the incomplete round', () => {
    const staker = { amount: 300n, time: 1050n, multiplier: NOMINATOR, endTime: 2250n };
    const view = { now: 1200n, pool: 900n, totalWeight: 60_000n, roundInterval: 100n };
    // The completed round pays 900 x 30000 / 60000 = 450 first; then 50 s of the next round are lost,
    // worth 450 x (300 x 50) / 30000 = 225 at today's pool and weight.
    expect(claimableReward(staker, view).reward).toBe(450n);
    expect(addStakeLoss(staker, view)).toEqual({ lostTime: 50n, lostReward: 225n });
    // Nothing is lost at the very start of a round, nor when the round could not complete in term anyway.
    expect(addStakeLoss(staker, { ...view, now: 1150n })).toEqual({ lostTime: 0n, lostReward: 0n });
    expect(addStakeLoss({ ...staker, endTime: 1220n }, view)).toEqual({ lostTime: 0n, lostReward: 0n });
    expect(addStakeLoss(staker, { ...view, now: 5000n })).toEqual({ lostTime: 0n, lostReward: 0n });
  });

  it('preview an addition: later end, multiplier of the rounds left, averaged with a higher one in term', () => {
    const staker = { amount: 100n, time: 1000n, multiplier: multiplierForRounds(3n), endTime: 1300n };
    const view = { now: 1150n, pool: 0n, totalWeight: 15_000n, roundInterval: 100n };
    const preview = addStakePreview(staker, 50n, 1n, view);
    // The new term (1250) ends before the old one (1300): 1 whole round left -> 0.45, lower than the old 0.55,
    // so averaged by amount: (0.55 x 100 + 0.45 x 50) / 150.
    expect(preview.after).toEqual({
      amount: 150n,
      time: 1150n,
      multiplier: (multiplierForRounds(3n) * 100n + multiplierForRounds(1n) * 50n) / 150n,
      endTime: 1300n,
    });
    expect(preview.lostTime).toBe(50n);
    const longer = addStakePreview(staker, 50n, 12n, view);
    expect(longer.after).toEqual({ amount: 150n, time: 1150n, multiplier: NOMINATOR, endTime: 1150n + 1200n });
    const expired = addStakePreview(staker, 50n, 1n, { ...view, now: 1400n });
    expect(expired.after).toEqual({ amount: 150n, time: 1400n, multiplier: multiplierForRounds(1n), endTime: 1500n });
  });

  it('project a reward under documented assumptions', () => {
    const projection = projectReward({
      amount: 100n,
      rounds: 12n,
      pool: 1000n,
      totalWeight: 0n,
      totalAmount: 100n,
      roundInterval: 100n,
    });
    // At the first claim the total weight is one round of both stakes: (100 + 100) x 100; you earn half the pool.
    expect(projection).toEqual({ multiplier: NOMINATOR, perRound: 500n, total: 6000n });
    expect(
      projectReward({
        ...{ pool: 1000n, totalWeight: 0n, totalAmount: 0n, roundInterval: 100n },
        amount: 100n,
        rounds: 1n,
      }),
    ).toEqual({ multiplier: multiplierForRounds(1n), perRound: 450n, total: 450n });
    expect(
      projectReward({
        amount: 100n,
        rounds: 1n,
        pool: 0n,
        totalWeight: 0n,
        totalAmount: 0n,
        roundInterval: 100n,
        poolInflowPerRound: 1000n,
      }).perRound,
    ).toBe(450n);
    expect(
      projectReward({ amount: 0n, rounds: 3n, pool: 1n, totalWeight: 1n, totalAmount: 1n, roundInterval: 1n }).total,
    ).toBe(0n);
  });
});

describe('ColdStakingModel', () => {
  it('follows a hand-computed scenario', () => {
    const model = new ColdStakingModel(params, { number: 1n, timestamp: 1000n }, OWNER);
    model.at({ number: 2n, timestamp: 1000n });
    expect(model.stake(A, 100n, 1n)).toEqual({ reward: 0n, lostTime: 0n });
    expect(model.staker(A)).toEqual({ amount: 100n, time: 1000n, multiplier: multiplierForRounds(1n), endTime: 1100n });

    model.at({ number: 3n, timestamp: 1050n });
    model.stake(B, 300n, 12n);
    expect(model.totalWeight).toBe(5000n);
    expect(model.totalAmount).toBe(400n);
    expect(model.stakerCount).toBe(2n);

    model.credit(1000n);
    expect(model.pool).toBe(1000n);

    model.at({ number: 4n, timestamp: 1150n });
    expect(model.stakeReward(A)).toBe(99n);
    expect(model.claim(A)).toBe(99n); // 1000 x 10000 / 45000 x 0.45
    expect(model.staker(A).time).toBe(1100n);
    expect(model.totalWeight).toBe(35_000n);
    expect(model.sumOfWeights()).toBe(model.totalWeight);
    expect(model.balance).toBe(1301n);

    expect(model.withdraw(A)).toEqual({ reward: 0n, stake: 100n, paid: 100n });
    expect(model.totalWeight).toBe(30_000n);
    expect(model.stakerCount).toBe(1n);
    expect(model.staker(A).amount).toBe(0n);
    expect(model.sumOfStakes()).toBe(model.totalAmount);
  });

  it('ticks once a block and caps the clock', () => {
    const model = new ColdStakingModel({ ...params, maxSecondsPerBlock: 25n }, { number: 1n, timestamp: 1000n }, OWNER);
    model.advance(0n);
    model.stake(A, 10n, 1n);
    model.advance(10_000n);
    model.claim(A);
    expect(model.timestamp).toBe(1025n);
    model.advance(1000n, 10n);
    expect(model.clock().timestamp).toBe(1275n);
    model.donate(5n);
    expect(model.pool).toBe(5n);
  });

  it('keeps incomplete time and stops rewards at the end of the term', () => {
    const model = new ColdStakingModel(params, { number: 1n, timestamp: 1000n }, OWNER);
    model.advance(0n);
    model.stake(A, 100n, 2n);
    model.credit(1_000_000n);
    model.advance(150n);
    model.claim(A);
    expect(model.staker(A).time).toBe(1100n);
    model.advance(1000n);
    model.claim(A);
    expect(model.staker(A).time).toBe(1200n); // the end of the term; nothing accrues after it
    model.advance(1000n);
    expect(model.stakeReward(A)).toBe(0n);
    expect(model.claim(A)).toBe(0n);
    expect(model.sumOfWeights()).toBe(model.totalWeight);
  });

  it('reverts as the contract does and leaves its state unchanged', () => {
    const model = new ColdStakingModel(params, { number: 1n, timestamp: 1000n }, OWNER);
    model.advance(1n);
    expect(revertReason(() => model.stake(A, 1n, 0n))).toBe(REVERT.zeroRounds);
    expect(revertReason(() => model.stake(A, 1n, 1001n))).toBe(REVERT.tooManyRounds);
    expect(revertReason(() => model.stake(A, 0n, 1n))).toBe(REVERT.nothingToStake);
    expect(revertReason(() => model.claim(A))).toBe(REVERT.noStake);
    model.stake(A, 100n, 1n);
    model.advance(50n);
    const before = stateOf(model);
    expect(revertReason(() => model.withdraw(A))).toBe(REVERT.locked);
    expect(revertReason(() => model.reportAbuse(B, A))).toBe(REVERT.onlyStakerReports);
    expect(stateOf(model)).toEqual(before);
    model.stake(B, 1n, 1n);
    expect(revertReason(() => model.reportAbuse(B, A))).toBe(REVERT.notIdle);
    expect(revertReason(() => model.reportAbuse(B, C))).toBe(REVERT.reportedHasNoStake);
    model.advance(1051n, 2n); // two blocks: one alone may move the clock 1000 s at most
    expect(model.reportAbuse(B, A)).toBe(100n);
    expect(model.stakerCount).toBe(1n);
  });

  it('lets governance hold a stake once the owner set it', () => {
    const model = new ColdStakingModel(params, { number: 1n, timestamp: 1000n }, OWNER);
    expect(revertReason(() => model.setGovernance(A, C))).toBe(REVERT.onlyOwner);
    expect(revertReason(() => model.setGovernance(OWNER, '0x0000000000000000000000000000000000000000'))).toBe(
      REVERT.governanceZero,
    );
    expect(revertReason(() => model.holdStake(C, A, 5000n))).toBe(REVERT.onlyGovernance);
    model.setGovernance(OWNER, C);
    expect(revertReason(() => model.setGovernance(OWNER, C))).toBe(REVERT.governanceSet);
    model.advance(1n);
    model.stake(A, 100n, 1n);
    model.holdStake(C, A, 5000n);
    model.holdStake(C, A, 2000n);
    expect(model.held(A)).toBe(5000n);
    model.advance(200n);
    expect(revertReason(() => model.withdraw(A))).toBe(REVERT.held);
    model.advance(5000n);
    expect(model.withdraw(A).stake).toBe(100n);
  });
});
