import { describe, expect, it } from 'vitest';
import { closedVoteOutcome, closedVoteSentence } from './closedVote';

describe('a closed vote awaiting evaluation', () => {
  it('fails for lack of votes below the quorum, whatever the majority', () => {
    expect(closedVoteOutcome({ votes_for: 10n, votes_against: 0n }, { quorumMet: false })).toBe('no-quorum');
    expect(closedVoteSentence('no-quorum')).toMatch(/rejects it for lack of votes/);
  });

  it('is accepted only with more FOR than AGAINST; a tie rejects it', () => {
    expect(closedVoteOutcome({ votes_for: 3n, votes_against: 2n }, { quorumMet: true })).toBe('accept');
    expect(closedVoteOutcome({ votes_for: 2n, votes_against: 2n }, { quorumMet: true })).toBe('reject');
    expect(closedVoteSentence('accept')).toMatch(/accepts it/);
    expect(closedVoteSentence('reject')).toMatch(/rejects it\.$/);
  });
});
