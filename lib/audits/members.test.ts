import { describe, expect, it } from 'vitest';
import { auditorLabel, byKarma, isActiveAt, recentEndedPeriods } from './members';

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

  it('names an auditor in a picker by its contact and short address, never a contact alone', () => {
    const account = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
    expect(auditorLabel(account, 'alice@example.org')).toBe('alice@example.org (0x3C44…93BC)');
    expect(auditorLabel(account, undefined)).toBe('0x3C44…93BC');
    expect(auditorLabel(account, '   ')).toBe('0x3C44…93BC');
    // A right-to-left override would make the address after it read backwards; a zero-width space hides itself.
    expect(auditorLabel(account, 'evil\u202Egro.elpmaxe\u200B')).toBe('evil\ufffdgro.elpmaxe\ufffd (0x3C44…93BC)');
  });
});
