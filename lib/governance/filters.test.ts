import { describe, expect, it } from 'vitest';
import { olderMayBeOpen, openForVoting } from './filters';
import { ProposalStatus } from './proposal';
import { proposal } from './testProposal';

describe('openForVoting and olderMayBeOpen', () => {
  const page = [
    proposal({ id: 3n, voting_epoch: 4n }),
    proposal({ id: 4n, voting_epoch: 5n }),
    proposal({ id: 5n, voting_epoch: 5n, status: ProposalStatus.Withdrawn }),
    proposal({ id: 6n, voting_epoch: 6n }),
  ];
  it('keeps proposals in voting during their voting epoch', () => {
    expect(openForVoting(page, 5n).map((p) => p.id)).toEqual([4n]);
  });
  it('looks further back only while the oldest on the page votes now or later', () => {
    expect(olderMayBeOpen(page, 5n)).toBe(false);
    expect(olderMayBeOpen(page, 4n)).toBe(true);
    expect(olderMayBeOpen([], 4n)).toBe(false);
  });
});
