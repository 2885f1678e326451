// The vote tallies as shares: the bars, the turnout against the quorum, the stake it is measured against.
import { formatClo } from '../format/clo';
import { BPS, ProposalStatus, type Proposal } from './proposal';

/** `part` as basis points of `whole` (floor), clamped to 0..10000; 0 when `whole` is 0. */
export function shareBps(part: bigint, whole: bigint): bigint {
  if (whole <= 0n || part <= 0n) return 0n;
  const bps = (part * BPS) / whole;
  return bps > BPS ? BPS : bps;
}

/** Basis points as a percentage with at most one decimal, never rounded up to a false 100%: "62.5%". */
export function formatBps(bps: bigint | number): string {
  const value = BigInt(bps);
  const whole = value / 100n;
  const tenth = (value % 100n) / 10n;
  return tenth === 0n ? `${whole}%` : `${whole}.${tenth}%`;
}

export type ChoiceName = 'For' | 'Against' | 'Abstain';

export interface TallyRow {
  choice: ChoiceName;
  weight: bigint;
  /** Share of the votes cast. */
  ofVotesBps: bigint;
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
  const row = (choice: ChoiceName, weight: bigint): TallyRow => ({
    choice,
    weight,
    ofVotesBps: shareBps(weight, turnout),
    ofStakeBps: shareBps(weight, totalStaked),
  });
  return {
    rows: [row('For', tallies.votes_for), row('Against', tallies.votes_against), row('Abstain', tallies.votes_abstain)],
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
  return `${row.choice} ${formatBps(row.ofVotesBps)} (${formatClo(row.weight)} CLO)`;
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
