'use client';
// Everything a proposal's page shows first: the proposal, the clock, what is due and what the treasury can pay,
// the stake its quorum is measured against, and the connected account's vote and voting power. Each is its own
// small read (shared by key with every other view of the same value), all issued in one render so that they travel
// as one JSON-RPC batch.
import type { Address } from 'viem';
import type { Proposal } from '@/lib/governance/proposal';
import { useDueEpochs } from './useDueEpochs';
import { useGovernanceClock, type GovernanceClock } from './useGovernanceClock';
import { useProposal } from './useProposal';
import { useTotalStaked } from './useTotalStaked';
import { useTreasuryBalance } from './useTreasuryBalance';
import { useVote, type RecordedVote } from './useVote';
import { useVotingPower } from './useVotingPower';

export interface ProposalPageData extends GovernanceClock {
  proposal: Proposal;
  dueEpochs: bigint;
  availableBalance?: bigint;
  /** All CLO staked now. */
  totalStaked: bigint;
  /** The account's recorded vote (choice 0 = none). */
  myVote?: RecordedVote;
  /** The account's stake in cold staking: its voting power. */
  myStake?: bigint;
  /** The cold staking contract (a funding payee there is paid as a donation to its reward pool). */
  staking: Address;
}

export function useProposalPage(governance: Address, staking: Address, id: bigint, account: Address | undefined) {
  const proposal = useProposal(governance, id);
  const clock = useGovernanceClock(governance);
  const due = useDueEpochs(governance, id);
  const treasury = useTreasuryBalance(governance);
  const totalStaked = useTotalStaked(staking);
  const vote = useVote(governance, id, account);
  const power = useVotingPower(staking, account);

  const data: ProposalPageData | undefined =
    proposal.data && clock.data && totalStaked.data !== undefined
      ? {
          ...clock.data,
          proposal: proposal.data,
          dueEpochs: due.data ?? 0n,
          availableBalance: treasury.available,
          totalStaked: totalStaked.data,
          myVote: vote.data,
          myStake: power.data,
          staking,
        }
      : undefined;
  return {
    data,
    missing: proposal.missing,
    error: proposal.error ?? clock.error ?? totalStaked.error,
    refetch: () =>
      Promise.all([
        proposal.refetch(),
        clock.refetch(),
        due.refetch(),
        treasury.refetch(),
        totalStaked.refetch(),
        vote.refetch(),
        power.refetch(),
      ]),
  };
}
