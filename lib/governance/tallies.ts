// The vote tallies as shares: the bars, the turnout against the quorum, the stake it is measured against.
import { formatClo } from '../format/clo';
import { sharesOf } from '../format/percent';
import { BPS, ProposalStatus, type Proposal } from './proposal';

/** `part` as basis points of `whole` (floor), clamped to 0..10000; 0 when `whole` is 0. */
export function shareBps(part: bigint, whole: bigint): bigint {
  if (whole <= 0n || part <= 0n) return 0n;
  const bps = (part * BPS) / whole;
  return bps > BPS ? BPS : bps;
}

export type ChoiceName = 'For' | 'Against' | 'Abstain';

export interface TallyRow {
  choice: ChoiceName;
  weight: bigint;
  /** Share of the votes cast: the width of its bar. */
  ofVotesBps: bigint;
  /** The same share in words, "62.5%"; the three add up to exactly 100% (largest remainder). */
  ofVotes: string;
  /** Share of the whole stake: the width of its segment on the turnout bar. */
  ofStakeBps: bigint;
}

export interface TallySummary {
  rows: TallyRow[];
  turnout: bigint;
  /** The stake the quorum is measured against: at evaluation once evaluated, today's total before. */
  totalStaked: bigint;
  turnoutBps: bigint;
  quorumBps: bigint;
  /** The least turnout that meets the quorum. */
  quorumWeight: bigint;
  quorumMet: boolean;
}

export function tallySummary(
  tallies: Pick<Proposal, 'votes_for' | 'votes_against' | 'votes_abstain'>,
  totalStaked: bigint,
  quorumBps: bigint | number,
): TallySummary {
  const quorum = BigInt(quorumBps);
  const turnout = tallies.votes_for + tallies.votes_against + tallies.votes_abstain;
  const weights = [tallies.votes_for, tallies.votes_against, tallies.votes_abstain];
  const shares = sharesOf(weights);
  const row = (choice: ChoiceName, index: number): TallyRow => ({
    choice,
    weight: weights[index] ?? 0n,
    ofVotesBps: shareBps(weights[index] ?? 0n, turnout),
    ofVotes: shares[index] ?? '0%',
    ofStakeBps: shareBps(weights[index] ?? 0n, totalStaked),
  });
  return {
    rows: [row('For', 0), row('Against', 1), row('Abstain', 2)],
    turnout,
    totalStaked,
    turnoutBps: shareBps(turnout, totalStaked),
    quorumBps: quorum,
    quorumWeight: (quorum * totalStaked + BPS - 1n) / BPS,
    quorumMet: turnout * BPS >= quorum * totalStaked,
  };
}

/** The words a bar stands for: "For 62.5% (1,200 CLO)". */
export function tallyRowText(row: TallyRow): string {
  return `${row.choice} ${row.ofVotes} (${formatClo(row.weight)} CLO)`;
}

/** Whether `evaluate` ran: the tallies are final and the stake they are measured against was recorded. */
export function isEvaluated(p: Pick<Proposal, 'status'>): boolean {
  return (
    p.status !== ProposalStatus.Voting && p.status !== ProposalStatus.Withdrawn && p.status !== ProposalStatus.Expired
  );
}

/** The stake a proposal's quorum is measured against: the total staked at the end of its vote, as recorded at
 * evaluation; before that, the best figure known (today's total while the vote runs). */
export function quorumBase(p: Pick<Proposal, 'status' | 'total_staked_at_vote_end'>, totalNow: bigint): bigint {
  return isEvaluated(p) ? p.total_staked_at_vote_end : totalNow;
}
