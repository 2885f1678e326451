'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import type { Address } from 'viem';
import { useConfig } from 'wagmi';
import { readContract } from '@wagmi/core';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { collectMatches, describeSearch, pageOfMatches } from '@/lib/lists/wholeList';
import { formatCloReadable } from '@/lib/format/clo';
import {
  evaluationDeadline,
  ProposalKind,
  isAuditManagerKind,
  isHostNodeKind,
  proposalStatusLabel,
  votingWindow,
  type Proposal,
} from '@/lib/governance/proposal';
import {
  KIND_FILTERS,
  STATE_FILTERS,
  isKindFilter,
  isStateFilter,
  matchesFilter,
  matchesKindFilter,
  type KindFilter,
  type StateFilter,
} from '@/lib/governance/filters';
import { describeHostNodeChange } from '@/lib/governance/hostNodes';
import { PROPOSALS_PAGE_SIZE, type PageRange } from '@/lib/governance/paging';
import { describeParameterChange } from '@/lib/governance/parameters';
import { isEvaluated, quorumBase, tallySummary } from '@/lib/governance/tallies';
import { describeAuditManagerChange, executionLabel, kindLabel } from '@/lib/governance/terms';
import { Button, Card } from '@/components/ui/primitives';
import { TallyBars } from './TallyBars';
import { StatusBadge, proposalHref } from '@/components/governance/pageParts';
import { DateAt } from '@/components/ui/chainDisplay';
import { Pager } from '@/components/ui/Pager';
import { describeReadError } from '@/components/ui/describeReadError';
import type { GovernanceClock } from './hooks/useGovernanceClock';
import type { GovernanceParams } from './hooks/useGovernanceParams';
import { useWholeListSearch } from '@/components/ui/useWholeListSearch';
import { plural } from '@/lib/format/plural';
import { SafeText } from '@/components/ui/SafeText';

export function proposalTerms(p: Proposal): string {
  if (p.kind === ProposalKind.Funding) {
    return `${formatCloReadable(p.amount_per_epoch)} × ${plural(p.epochs, 'epoch')}`;
  }
  if (p.kind === ProposalKind.SetParameter) return describeParameterChange(p);
  if (isAuditManagerKind(p.kind)) return describeAuditManagerChange(p);
  if (isHostNodeKind(p.kind)) return describeHostNodeChange(p);
  return kindLabel(p.kind);
}

/** What the list needs besides its page: the clock (states and dates), the total stake (the bars before
 * evaluation) and the count (paging). */
export type ListFigures = GovernanceClock & GovernanceParams & { totalStaked: bigint; proposalCount: bigint };

interface Props {
  governance: Address;
  figures: ListFigures | undefined;
  proposals: Proposal[] | undefined;
  range: PageRange | undefined;
  pageError: Error | null | undefined;
  onPage(page: number): void;
}

export function ProposalList({ governance, figures: state, proposals, range, pageError, onPage }: Props) {
  const config = useConfig();
  const [filter, setFilter] = useState<StateFilter>('All');
  const [kindFilter, setKindFilter] = useState<KindFilter>('All kinds');
  const [matchPage, setMatchPage] = useState(0);
  const filterId = useId();
  const kindFilterId = useId();
  const count = state?.proposalCount;
  // With a filter on, the whole list is searched: the contract has no getter by state or kind, so every proposal is
  // read through get_proposals in batches of 100 (one request each), newest first, and the matches are paged here.
  // With no filter nothing more is read than the page shown.
  const filtering = filter !== 'All' || kindFilter !== 'All kinds';
  const search = useWholeListSearch({
    address: governance,
    name: 'get_proposals',
    count,
    newestAt: 'end',
    enabled: filtering,
    readBatch: async ({ offset, limit }) => {
      const page = await readContract(config, {
        address: governance,
        abi: treasuryGovernanceAbi,
        functionName: 'get_proposals',
        args: [offset, limit],
      });
      return [...page].reverse();
    },
  });
  const matches =
    state && search.batches
      ? collectMatches(
          search.batches,
          (p) =>
            matchesFilter(proposalStatusLabel(p, state.currentEpoch), filter) && matchesKindFilter(p.kind, kindFilter),
        )
      : undefined;
  const found = matches && pageOfMatches(matches, matchPage, PROPOSALS_PAGE_SIZE);
  const shown = filtering ? found?.items : proposals;
  const filterWords = [
    filter === 'All' ? undefined : `in the state “${filter}”`,
    kindFilter === 'All kinds' ? undefined : `of the kind “${kindFilter}”`,
  ]
    .filter(Boolean)
    .join(' and ');
  const chooseState = (value: string) => {
    if (!isStateFilter(value)) return;
    setFilter(value);
    setMatchPage(0);
  };
  const chooseKind = (value: string) => {
    if (!isKindFilter(value)) return;
    setKindFilter(value);
    setMatchPage(0);
  };

  return (
    <Card title="Proposals">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-wrap gap-3">
          <div>
            <label htmlFor={filterId} className="block text-sm font-medium">
              Filter by state
            </label>
            <select
              id={filterId}
              value={filter}
              onChange={(e) => chooseState(e.target.value)}
              className="mt-1 rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-sm"
            >
              {STATE_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={kindFilterId} className="block text-sm font-medium">
              Filter by kind
            </label>
            <select
              id={kindFilterId}
              value={kindFilter}
              onChange={(e) => chooseKind(e.target.value)}
              className="mt-1 rounded-md border border-slate-700 bg-slate-950 px-3 py-2 text-sm"
              data-testid="proposal-kind-filter"
            >
              {KIND_FILTERS.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
        </div>
        {count !== undefined && (
          <p className="text-sm text-slate-400" data-testid="proposal-count">
            {count.toString()} proposal{count === 1n ? '' : 's'} in all, newest first
          </p>
        )}
      </div>

      {filtering && count !== undefined && count > 0n && (
        <div className="mb-3 text-sm" data-testid="proposal-search">
          {search.error ? (
            <p role="alert" className="text-rose-200">
              The search stopped: {describeReadError(search.error)}.{' '}
              <Button variant="secondary" onClick={search.retry}>
                Retry
              </Button>
            </p>
          ) : (
            <p role="status" aria-live="polite" className="text-slate-300" data-testid="proposal-search-progress">
              {describeSearch({ one: 'proposal', many: 'proposals' }, count, search.read, matches?.length ?? 0)}
              {search.complete ? '.' : '…'}
            </p>
          )}
        </div>
      )}

      {(filtering ? search.error && !search.batches : pageError) ? (
        <p role="alert" className="text-sm text-rose-200">
          The proposals cannot be read: {describeReadError(filtering ? search.error : pageError)}.
        </p>
      ) : !state || !shown ? (
        <p role="status" className="text-sm text-slate-300">
          Loading proposals…
        </p>
      ) : count === 0n ? (
        <p className="text-sm text-slate-300">
          No proposals yet.{' '}
          <Link href="/governance/new/" className="text-teal-300 underline underline-offset-2">
            Submit the first one
          </Link>
          .
        </p>
      ) : shown.length === 0 ? (
        <p role="status" className="text-sm text-slate-300">
          {search.complete ? `No proposal is ${filterWords}.` : `No proposal ${filterWords} found yet.`}
        </p>
      ) : (
        <ul className="space-y-3" aria-label="Proposals, newest first">
          {shown.map((p) => (
            <ProposalItem key={p.id.toString()} proposal={p} state={state} />
          ))}
        </ul>
      )}

      {filtering
        ? found &&
          found.pageCount > 1 && (
            <Pager
              page={found.page}
              pageCount={found.pageCount}
              onPage={setMatchPage}
              label="Matching proposal pages"
            />
          )
        : range &&
          range.pageCount > 1 && (
            <Pager page={range.page} pageCount={range.pageCount} onPage={onPage} label="Proposal pages" />
          )}
    </Card>
  );
}

function ProposalItem({ proposal: p, state }: { proposal: Proposal; state: ListFigures }) {
  const label = proposalStatusLabel(p, state.currentEpoch);
  const execution = executionLabel(p);
  const voteWindow = votingWindow(p.voting_epoch, state.genesis, state.epochLength);
  // A proposal is decided by the quorum in force at its submission, against the stake at the end of its vote.
  const summary = tallySummary(p, quorumBase(p, state.totalStaked), BigInt(p.quorum_bps));
  const evaluateBy = evaluationDeadline(p.voting_epoch, state.genesis, state.epochLength);
  return (
    <li className="rounded-lg border border-slate-800 bg-slate-950/40 p-3 sm:p-4" data-testid="proposal-item">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 text-base font-semibold break-words">
          <Link href={proposalHref(p.id)} className="text-slate-50 underline-offset-2 hover:underline">
            <span className="text-slate-400">#{p.id.toString()} </span>
            <SafeText text={p.title} kind="name" />
          </Link>
        </h3>
        <StatusBadge label={label} />
      </div>
      <p className="mt-1 text-sm text-slate-300">
        <span className="text-slate-400">{kindLabel(p.kind)}:</span>{' '}
        <span className="break-all">{proposalTerms(p)}</span>
      </p>
      {execution && (
        <p className="mt-1 text-xs text-slate-300" data-testid="proposal-execution">
          {execution}
        </p>
      )}
      {(label === 'Voting' || label === 'Pending vote') && (
        <p className="mt-1 text-xs text-slate-400">
          Voting {label === 'Voting' ? 'until' : 'from'}{' '}
          <DateAt at={label === 'Voting' ? voteWindow.end : voteWindow.start} />
        </p>
      )}
      {label === 'Awaiting evaluation' && (
        <p className="mt-1 text-xs text-amber-200" data-testid="evaluate-by">
          Evaluate by <DateAt at={evaluateBy} />: anyone may; after that it can only expire
        </p>
      )}
      {label === 'Expired' && (
        <p className="mt-1 text-xs text-slate-400" data-testid="expired-note">
          Nobody evaluated it by <DateAt at={evaluateBy} />: nothing was carried out; the deposit goes back to the
          author
        </p>
      )}
      {label !== 'Withdrawn' && label !== 'Pending vote' && (
        <div className="mt-3">
          <TallyBars summary={summary} compact atEvaluation={isEvaluated(p)} />
        </div>
      )}
    </li>
  );
}
