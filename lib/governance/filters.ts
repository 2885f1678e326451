// The list's filters (by state, by kind) and which proposals are open for voting now.
import {
  isAuditManagerKind,
  isHostNodeKind,
  ProposalKind,
  ProposalStatus,
  type Proposal,
  type ProposalStatusLabel,
} from './proposal';

/** The state filter of the list, in the order it is offered. */
export const STATE_FILTERS = [
  'All',
  'Voting',
  'Pending vote',
  'Awaiting evaluation',
  'Accepted',
  'Being paid',
  'Completed',
  'Rejected',
  'Not enough votes',
  'Withdrawn',
  'Expired',
] as const satisfies readonly ('All' | ProposalStatusLabel)[];

export type StateFilter = (typeof STATE_FILTERS)[number];

export function isStateFilter(value: string): value is StateFilter {
  return (STATE_FILTERS as readonly string[]).includes(value);
}

export function matchesFilter(label: ProposalStatusLabel, filter: StateFilter): boolean {
  return filter === 'All' || filter === label;
}

/** Proposals whose vote is open now (in voting and in their voting epoch), in the order given. */
export function openForVoting<P extends Pick<Proposal, 'status' | 'voting_epoch'>>(
  proposals: readonly P[],
  currentEpoch: bigint,
): P[] {
  return proposals.filter((p) => p.status === ProposalStatus.Voting && p.voting_epoch === currentEpoch);
}

/**
 * Whether proposals older than this page (oldest first, as the contract returns it) could still be open for
 * voting. Ids grow with submission time and the voting epoch is the submission epoch + 1, so voting epochs never
 * decrease with the id: once the oldest on a page votes before the current epoch, every older one does too.
 */
export function olderMayBeOpen(pageOldestFirst: readonly Pick<Proposal, 'voting_epoch'>[], currentEpoch: bigint) {
  const oldest = pageOldestFirst[0];
  return oldest !== undefined && oldest.voting_epoch >= currentEpoch;
}

/** The kind filter of the list, in the order it is offered; a change and its reverse share one entry. */
export const KIND_FILTERS = ['All kinds', 'Funding', 'Parameter change', 'Audit manager', 'IPFS host node'] as const;

export type KindFilter = (typeof KIND_FILTERS)[number];

export function isKindFilter(value: string): value is KindFilter {
  return (KIND_FILTERS as readonly string[]).includes(value);
}

export function matchesKindFilter(kind: number, filter: KindFilter): boolean {
  switch (filter) {
    case 'All kinds':
      return true;
    case 'Funding':
      return kind === ProposalKind.Funding;
    case 'Parameter change':
      return kind === ProposalKind.SetParameter;
    case 'Audit manager':
      return isAuditManagerKind(kind);
    case 'IPFS host node':
      return isHostNodeKind(kind);
  }
}
