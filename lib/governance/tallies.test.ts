import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import { ProposalStatus } from './proposal';
import { quorumBase, shareBps, tallyRowText, tallySummary } from './tallies';
import { proposal } from './testProposal';

describe('tallies', () => {
  it('computes shares in basis points without floating point', () => {
    expect(shareBps(1n, 3n)).toBe(3333n);
    expect(shareBps(5n, 0n)).toBe(0n);
    expect(shareBps(7n, 5n)).toBe(10_000n);
  });

  it('summarises votes, turnout and the quorum as evaluate decides it', () => {
    const s = tallySummary(
      { votes_for: parseEther('1200'), votes_against: parseEther('600'), votes_abstain: parseEther('200') },
      parseEther('10000'),
      2000,
    );
    expect(s.turnout).toBe(parseEther('2000'));
    expect(s.turnoutBps).toBe(2000n);
    expect(s.quorumWeight).toBe(parseEther('2000'));
    expect(s.quorumMet).toBe(true);
    expect(s.rows.map(tallyRowText)).toEqual(['For 60% (1,200 CLO)', 'Against 30% (600 CLO)', 'Abstain 10% (200 CLO)']);
    expect(s.rows[0]!.ofStakeBps).toBe(1200n);
  });

  it('words the shares of the votes so that they add up to exactly 100%', () => {
    // Three equal thirds cut to 33.3% each would read 99.9% in all: the largest remainder takes the missing tenth.
    const thirds = tallySummary({ votes_for: 1n, votes_against: 1n, votes_abstain: 1n }, 10n, 1000);
    expect(thirds.rows.map(tallyRowText)).toEqual([
      'For 33.4% (0 CLO)',
      'Against 33.3% (0 CLO)',
      'Abstain 33.3% (0 CLO)',
    ]);
    const none = tallySummary({ votes_for: 0n, votes_against: 0n, votes_abstain: 0n }, 10n, 1000);
    expect(none.rows.map((row) => row.ofVotes)).toEqual(['0%', '0%', '0%']);
  });

  it('rounds the quorum up, as turnout x 10000 < quorum x total fails', () => {
    const s = tallySummary({ votes_for: 0n, votes_against: 0n, votes_abstain: 333n }, 3333n, 1000);
    expect(s.quorumWeight).toBe(334n);
    expect(s.quorumMet).toBe(false);
    const t = tallySummary({ votes_for: 334n, votes_against: 0n, votes_abstain: 0n }, 3333n, 1000);
    expect(t.quorumMet).toBe(true);
  });

  it('measures evaluated proposals against the stake recorded at evaluation', () => {
    expect(quorumBase(proposal(), 9n)).toBe(9n);
    expect(quorumBase(proposal({ status: ProposalStatus.Rejected, total_staked_at_vote_end: 4n }), 9n)).toBe(4n);
  });
});
