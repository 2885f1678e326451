'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { formatCloWithUnit } from '@/lib/format/clo';
import {
  evaluationDeadline,
  ProposalKind,
  isAuditManagerKind,
  isHostNodeKind,
  proposalStatusLabel,
  votingWindow,
  type ProposalData,
} from '@/lib/governance/proposal';
import {
  KIND_FILTERS,
  STATE_FILTERS,
  describeAuditManagerChange,
  describeHostNodeChange,
  describeParameterChange,
  executionLabel,
  isEvaluated,
  isKindFilter,
  isStateFilter,
  kindLabel,
  matchesFilter,
  matchesKindFilter,
  quorumBase,
  tallySummary,
  type PageRange,
  type KindFilter,
  type StateFilter,
} from '@/lib/governance/view';
import { Button, Card } from '@/components/ui/primitives';
import { TallyBars } from './TallyBars';
import { StatusBadge, proposalHref } from './shared';
import { DateAt } from '@/components/ui/chainDisplay';
import type { GovernanceState } from './useGovernanceList';

export function proposalTerms(p: ProposalData): string {
  if (p.kind === ProposalKind.Funding) {
    return `${formatCloWithUnit(p.amount_per_epoch)} × ${p.epochs} epoch${p.epochs === 1 ? '' : 's'}`;
  }
  if (p.kind === ProposalKind.SetParameter) return describeParameterChange(p);
  if (isAuditManagerKind(p.kind)) return describeAuditManagerChange(p);
  if (isHostNodeKind(p.kind)) return describeHostNodeChange(p);
  return kindLabel(p.kind);
}

interface Props {
  state: GovernanceState | undefined;
  proposals: ProposalData[] | undefined;
  range: PageRange | undefined;
  pageError: Error | null | undefined;
  onPage(page: number): void;
}

export function ProposalList({ state, proposals, range, pageError, onPage }: Props) {
  const [filter, setFilter] = useState<StateFilter>('All');
  const [kindFilter, setKindFilter] = useState<KindFilter>('All kinds');
  const filterId = useId();
  const kindFilterId = useId();
  const count = state?.proposalCount;
  // The filters apply to the page already read: the contract has no getter by state or kind, and reading every
  // proposal to filter them would break the paging. With a filter on, a page may show fewer than ten.
  const shown =
    state &&
    proposals?.filter(
      (p) => matchesFilter(proposalStatusLabel(p, state.currentEpoch), filter) && matchesKindFilter(p.kind, kindFilter),
    );
  const filterWords = [
    filter === 'All' ? undefined : `in the state “${filter}”`,
    kindFilter === 'All kinds' ? undefined : `of the kind “${kindFilter}”`,
  ]
    .filter(Boolean)
    .join(' and ');

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
              onChange={(e) => isStateFilter(e.target.value) && setFilter(e.target.value)}
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
              onChange={(e) => isKindFilter(e.target.value) && setKindFilter(e.target.value)}
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

      {pageError ? (
        <p role="alert" className="text-sm text-rose-200">
          The proposals cannot be read: {pageError.message.split('\n')[0]}
        </p>
      ) : !state || !proposals ? (
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
      ) : shown && shown.length === 0 ? (
        <p role="status" className="text-sm text-slate-300">
          No proposal on this page is {filterWords}. Other pages may hold some.
        </p>
      ) : (
        <ul className="space-y-3" aria-label="Proposals, newest first">
          {shown?.map((p) => (
            <ProposalItem key={p.id.toString()} proposal={p} state={state} />
          ))}
        </ul>
      )}

      {range && range.pageCount > 1 && (
        <nav aria-label="Proposal pages" className="mt-4 flex flex-wrap items-center gap-3">
          <Button variant="secondary" disabled={range.page === 0} onClick={() => onPage(range.page - 1)}>
            Newer proposals
          </Button>
          <p className="text-sm text-slate-400" aria-live="polite">
            Page {range.page + 1} of {range.pageCount}
          </p>
          <Button
            variant="secondary"
            disabled={range.page >= range.pageCount - 1}
            onClick={() => onPage(range.page + 1)}
          >
            Older proposals
          </Button>
        </nav>
      )}
    </Card>
  );
}

function ProposalItem({ proposal: p, state }: { proposal: ProposalData; state: GovernanceState }) {
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
            {p.title}
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
