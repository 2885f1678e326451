import { describe, expect, it } from 'vitest';
import { getAddress, parseEther, type Address } from 'viem';
import { findInactiveStakers, inactiveCandidates, uniqueStakerAddresses, type StakerTuple } from './inactiveStakers';

const DAY = 86_400n;
const ROUND = 27n * DAY;
const MAX_DELAY = 365n * DAY;
const NOW = 1_800_000_000n;
const FULL = 10n ** 18n;

const A: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const C: Address = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const D: Address = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65';

// staker() of a stake whose term ended `ago` seconds before NOW.
const endedAgo = (amount: bigint, ago: bigint): StakerTuple => [amount, NOW - ago - ROUND, FULL, NOW - ago];

describe('findInactiveStakers', () => {
  it('returns stakes idle for more than max_delay after their term, longest idle first', () => {
    const result = findInactiveStakers(
      [A, B, C, D],
      [
        endedAgo(parseEther('10'), MAX_DELAY + DAY),
        endedAgo(parseEther('20'), MAX_DELAY + 30n * DAY),
        endedAgo(parseEther('30'), MAX_DELAY - DAY),
        endedAgo(0n, MAX_DELAY * 3n),
      ],
      NOW,
      MAX_DELAY,
    );
    expect(result).toEqual([
      { address: B, amount: parseEther('20'), endTime: NOW - MAX_DELAY - 30n * DAY, inactiveSince: NOW - 30n * DAY },
      { address: A, amount: parseEther('10'), endTime: NOW - MAX_DELAY - DAY, inactiveSince: NOW - DAY },
    ]);
  });

  it('matches the contract at the boundary: removable only strictly after end_time + max_delay', () => {
    expect(findInactiveStakers([A], [endedAgo(1n, MAX_DELAY)], NOW, MAX_DELAY)).toEqual([]);
    expect(findInactiveStakers([A], [endedAgo(1n, MAX_DELAY + 1n)], NOW, MAX_DELAY)).toHaveLength(1);
  });

  it('skips addresses whose read failed and stakes still in term', () => {
    const inTerm: StakerTuple = [parseEther('1'), NOW - DAY, FULL, NOW + 11n * ROUND];
    expect(findInactiveStakers([A, B], [undefined, inTerm], NOW, MAX_DELAY)).toEqual([]);
  });
});

describe('uniqueStakerAddresses', () => {
  it('dedupes case-insensitively, keeps first-seen order, drops missing and malformed entries', () => {
    expect(uniqueStakerAddresses([B.toLowerCase(), A, undefined, B, 'not an address', A.toUpperCase()])).toEqual([
      B,
      A,
    ]);
  });
});

describe('inactiveCandidates', () => {
  const a = '0x00000000000000000000000000000000000000aa';
  const b = '0x00000000000000000000000000000000000000bb';
  const c = '0x00000000000000000000000000000000000000cc';
  const start = (addr: string, end_time: bigint) =>
    ({ eventName: 'StartStaking', args: { addr: addr as `0x${string}`, end_time } }) as const;

  it('keeps the addresses whose latest term ended more than max_delay ago and that have not withdrawn', () => {
    const logs = [
      start(a, 100n),
      start(b, 100n),
      start(c, 100n),
      // b renewed its term: no longer idle; c withdrew.
      start(b, 5_000n),
      { eventName: 'WithdrawStake', args: { staker: c as `0x${string}` } } as const,
      { eventName: 'Claim', args: { staker: a as `0x${string}`, reward: 1n } } as const,
    ];
    expect(inactiveCandidates(logs, 1_101n, 1_000n)).toEqual([getAddress(a)]);
    // Exactly at end + max_delay the contract still refuses (it needs strictly more).
    expect(inactiveCandidates(logs, 1_100n, 1_000n)).toEqual([]);
  });

  it('takes a new stake after a withdrawal as a new term', () => {
    const logs = [
      start(a, 100n),
      { eventName: 'WithdrawStake', args: { staker: a as `0x${string}` } } as const,
      start(a, 200n),
    ];
    expect(inactiveCandidates(logs, 5_000n, 1_000n)).toEqual([getAddress(a)]);
  });
});
