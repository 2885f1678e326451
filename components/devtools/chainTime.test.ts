import { describe, expect, it } from 'vitest';
import { describeChainTime, describeClockOffset, describeTimeJump, shortClockOffset } from './chainTime';

const DAY = 86_400;
const wall = 1_795_980_000; // 29 Nov 2026
const isoDate = (s: number) => new Date(s * 1000).toISOString().slice(0, 10);

describe('the chain clock against the wall clock', () => {
  it('says how many whole days the seeded chain runs ahead, with its date', () => {
    const chain = wall + 457 * DAY + 5 * 3_600;
    expect(describeChainTime(chain, wall, isoDate)).toBe('chain time: 2028-03-01 (457 days ahead)');
    expect(shortClockOffset(chain, wall)).toBe('+457 d');
  });

  it('uses the singular for one day and says when the chain is behind', () => {
    expect(describeClockOffset(wall + DAY, wall)).toBe('(1 day ahead)');
    expect(describeClockOffset(wall - 3 * DAY, wall)).toBe('(3 days behind)');
    expect(shortClockOffset(wall - 3 * DAY, wall)).toBe('−3 d');
  });

  it('does not report a quiet chain, whose latest block is hours old, as a clock that differs', () => {
    expect(describeClockOffset(wall - 20 * 3_600, wall)).toBe('(within a day of your clock)');
    expect(shortClockOffset(wall - 20 * 3_600, wall)).toBeUndefined();
  });
});

describe('what a time button will move', () => {
  const round = 27 * DAY;
  const genesis = wall - 100 * DAY;
  // 100 days after genesis: epoch 3 (days 81 to 108), 8 days before it ends.
  const facts = { chainNow: wall, roundInterval: round, epochLength: round, genesis };

  it('says a staking round also moves governance on an epoch', () => {
    expect(describeTimeJump(round, facts)).toBe(
      'Moves the chain clock 27 days: every stake completes 1 more round; governance moves 1 epoch, from epoch 3 to 4 ' +
        '(the open vote closes and its evaluation opens); every upload still waiting for a confirmation expires.',
    );
  });

  it('says a day stays within the epoch unless the epoch ends within it', () => {
    expect(describeTimeJump(DAY, facts)).toContain('governance stays in epoch 3');
    expect(describeTimeJump(DAY, facts)).toContain('a stake whose round ends within 1 day completes it');
    const lastDay = { ...facts, chainNow: genesis + 4 * round - 3_600 };
    expect(describeTimeJump(DAY, lastDay)).toContain('governance moves 1 epoch, from epoch 3 to 4');
  });

  it('counts several epochs and rounds in a long jump', () => {
    expect(describeTimeJump(2 * round + DAY, facts)).toContain('every stake completes 2 or 3 more rounds');
    expect(describeTimeJump(2 * round + DAY, facts)).toContain('governance moves 2 epochs, from epoch 3 to 5');
  });

  it('leaves out what is not deployed', () => {
    expect(describeTimeJump(DAY, { chainNow: wall })).toBe(
      'Moves the chain clock 1 day: every upload still waiting for a confirmation expires.',
    );
  });
});
