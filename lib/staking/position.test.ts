import { describe, expect, it } from 'vitest';
import { claimState, describePosition, withdrawState } from './position';

const DAY = 86_400n;
const round = 27n * DAY;
const clockAt = (contractNow: bigint) => ({
  contractNow,
  chainNow: contractNow + 100n,
  roundInterval: round,
  maxDelay: 365n * DAY,
});
const stake = { amount: 100n, time: 1_000n, multiplier: 5n * 10n ** 17n, endTime: 1_000n + 2n * round };

describe('a staker timeline', () => {
  it('during the first round: next round date, two rounds left, locked', () => {
    const t = describePosition(stake, clockAt(1_000n + DAY));
    expect(t.nextRoundAt).toBe(1_000n + round + 100n);
    expect(t.roundsLeft).toBe(2n);
    expect(t.termEnded).toBe(false);
    expect(t.termEndsAt).toBe(stake.endTime + 100n);
    expect(t.removableAt).toBe(stake.endTime + 365n * DAY + 100n);
    expect(claimState(t, 0n)).toMatchObject({ allowed: false, until: 1_000n + round + 100n });
    expect(withdrawState(t, 0n, 0n)).toMatchObject({ allowed: false, until: stake.endTime + 100n });
  });

  it('after the term: withdrawable unless a vote holds it, no further round', () => {
    const now = stake.endTime + DAY;
    const t = describePosition(stake, clockAt(now));
    expect(t.termEnded).toBe(true);
    expect(t.roundsLeft).toBe(0n);
    expect(t.nextRoundAt).toBeUndefined();
    expect(withdrawState(t, 0n, now + 100n)).toEqual({ allowed: true });
    expect(withdrawState(t, now + 1_000n, now + 100n)).toMatchObject({ allowed: false, until: now + 1_000n });
    expect(claimState(t, 5n)).toEqual({ allowed: true });
  });

  it('past the inactivity limit: removable', () => {
    const t = describePosition(stake, clockAt(stake.endTime + 365n * DAY + 1n));
    expect(t.removable).toBe(true);
  });

  it('without a stake every action says so', () => {
    const t = describePosition({ amount: 0n, time: 0n, multiplier: 0n, endTime: 0n }, clockAt(5_000n));
    expect(claimState(t, 0n)).toMatchObject({ allowed: false, reason: 'You have no stake in this contract.' });
    expect(withdrawState(t, 0n, 0n)).toMatchObject({ allowed: false, reason: 'You have no stake in this contract.' });
  });
});
