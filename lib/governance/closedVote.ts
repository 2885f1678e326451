// What a vote that has closed but is not evaluated yet amounts to, in words: the page shows what happened and what
// evaluating it will do, instead of a disabled Vote card.
import type { TallySummary } from './tallies';

export type ClosedVoteOutcome = 'accept' | 'reject' | 'no-quorum';

/** The outcome evaluation would give on these figures: the quorum first, then more FOR than AGAINST. */
export function closedVoteOutcome(
  tallies: { votes_for: bigint; votes_against: bigint },
  summary: Pick<TallySummary, 'quorumMet'>,
): ClosedVoteOutcome {
  if (!summary.quorumMet) return 'no-quorum';
  return tallies.votes_for > tallies.votes_against ? 'accept' : 'reject';
}

/** One sentence on what evaluating the proposal will do with the figures as they stand. */
export function closedVoteSentence(outcome: ClosedVoteOutcome): string {
  switch (outcome) {
    case 'no-quorum':
      return 'The votes are below the quorum: evaluating it rejects it for lack of votes.';
    case 'accept':
      return 'The quorum is reached and FOR leads AGAINST: evaluating it accepts it and carries it out.';
    case 'reject':
      return 'The quorum is reached but FOR does not lead AGAINST: evaluating it rejects it.';
  }
}
