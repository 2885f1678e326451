import { describe, expect, it } from 'vitest';
import { liveStakingView, v1ClaimableReward, v1LockAfterClaim, v1WithdrawableFrom } from './livePool';

const storage = { balance: 1_500n, totalAmount: 1_000n, totalWeight: 50_000n, timestamp: 10_000n, lastBlock: 100n };

describe('liveStakingView', () => {
  it('moves the clock by the elapsed time capped per block and grows the weight by it', () => {
    // 4 blocks since the last call, 1,000 s of block time: the cap of 25 s a block gives 100 s.
    const view = liveStakingView(storage, { number: 104n, timestamp: 11_000n }, 25n, 600n);
    expect(view.now).toBe(10_100n);
    expect(view.totalWeight).toBe(50_000n + 100n * 1_000n);
    expect(view.pool).toBe(500n);
  });

  it('keeps the pending returns of reported stakers out of the pool where the contract has them', () => {
    const view = liveStakingView({ ...storage, pendingReturns: 200n }, { number: 100n, timestamp: 10_000n }, 25n, 600n);
    expect(view.pool).toBe(300n);
    expect(view.now).toBe(10_000n);
  });

  it('reads a balance below what is owed as an empty pool', () => {
    expect(liveStakingView({ ...storage, balance: 900n }, { number: 101n, timestamp: 10_001n }, 25n, 600n).pool).toBe(
      0n,
    );
  });
});

describe('V1', () => {
  const view = { now: 2_500n, pool: 1_000n, totalWeight: 4_000_000n, roundInterval: 1_000n };

  it('pays every completed round at 1.00, rounded down', () => {
    // Two rounds of 1,000 s completed since 400: weight 2,000 x 1,500 = 3,000,000 of 4,000,000.
    expect(v1ClaimableReward({ amount: 1_500n, time: 400n }, view)).toBe(750n);
    expect(v1ClaimableReward({ amount: 1_500n, time: 1_600n }, view)).toBe(0n);
  });

  it('says where a claim moves the start and when a withdrawal opens again', () => {
    expect(v1WithdrawableFrom({ amount: 1n, time: 400n }, 1_000n)).toBe(1_400n);
    expect(v1LockAfterClaim({ amount: 1n, time: 400n }, view)).toEqual({ newStart: 2_400n, withdrawableFrom: 3_400n });
    expect(v1LockAfterClaim({ amount: 1n, time: 1_600n }, view)).toBeUndefined();
  });
});
