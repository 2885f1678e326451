import { describe, expect, it } from 'vitest';
import { byKarma, isActiveAt, recentEndedPeriods } from './members';

const A = '0x00000000000000000000000000000000000000aa' as const;
const B = '0x00000000000000000000000000000000000000bb' as const;

describe('members', () => {
  it('sorts auditors by karma, then by reports revealed', () => {
    const m = (account: `0x${string}`, karma: bigint, reports_revealed = 0n) => ({ account, karma, reports_revealed });
    expect(byKarma([m(A, 1n), m(B, 5n)]).map((x) => x.account)).toEqual([B, A]);
    expect(byKarma([m(B, 5n, 1n), m(A, 5n, 2n)]).map((x) => x.account)).toEqual([A, B]);
    expect(byKarma([m(B, 5n, 1n), m(A, 5n, 1n)]).map((x) => x.account)).toEqual([A, B]);
  });

  it('tells who is active at a time', () => {
    expect(isActiveAt({ active_role: true, active_until: 100n }, 99)).toBe(true);
    expect(isActiveAt({ active_role: true, active_until: 100n }, 100)).toBe(false);
    expect(isActiveAt({ active_role: false, active_until: 100n }, 1)).toBe(false);
  });

  it('lists the latest ended payout periods', () => {
    expect(recentEndedPeriods(0n)).toEqual([]);
    expect(recentEndedPeriods(2n)).toEqual([1n, 0n]);
    expect(recentEndedPeriods(10n, 3)).toEqual([9n, 8n, 7n]);
  });
});
