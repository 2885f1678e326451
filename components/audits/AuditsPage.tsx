'use client';

import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import type { Address } from 'viem';
import { useConfig, useReadContracts } from 'wagmi';
import { readContract } from '@wagmi/core';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { contractAddress } from '@/lib/chain/deployments';
import { RequestState, severitySummary } from '@/lib/audits/requests';
import {
  AUDITS_PAGE_SIZE,
  QUEUE_STATES,
  VERDICT_FILTERS,
  auditedStatus,
  chainLabel,
  matchesAuditSearch,
  matchesVerdict,
  requestHref,
  type AuditReport,
  type AuditRequest,
  type VerdictFilter,
} from '@/lib/audits/view';
import { newestFirstPage } from '@/lib/governance/view';
import { collectMatches, describeSearch, pageOfMatches, type SearchBatch } from '@/lib/lists/wholeList';
import { useWholeListSearch } from '@/components/ui/useWholeListSearch';
import { DataTable } from '@/components/ui/DataTable';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, NotDeployed, ReadFailed, Stat } from '@/components/ui/primitives';
import { AddressText } from '@/components/ui/AddressText';
import { Pager } from '@/components/ui/Pager';
import { PageHeading, RequestStateBadge, VerdictBadge } from './shared';
import { DateAt, ExternalLink, ok } from '@/components/ui/chainDisplay';
import { inputClass } from '@/components/ui/FormField';

export function AuditsPage() {
  const { chain } = useNetwork();
  const registry = contractAddress(chain.id, 'AuditRegistry');
  return (
    <div className="space-y-6">
      <PageHeading title="Audit registry">
        Contracts audited by Callisto’s auditors, with the verdict, the findings and the revealed reports, and the queue
        of audit requests. Requesting an audit is free.
      </PageHeading>
      {registry ? <Registry registry={registry} /> : <NotDeployed feature="The audit registry" network={chain.name} />}
    </div>
  );
}

function Registry({ registry }: { registry: Address }) {
  const r = { address: registry, abi: auditRegistryAbi } as const;
  const config = useConfig();
  const [auditedPage, setAuditedPage] = useState(0);
  const [queuePage, setQueuePage] = useState(0);
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState<VerdictFilter>('All');
  const [matchPage, setMatchPage] = useState(0);
  const first = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...r, functionName: 'audited_count' },
      { ...r, functionName: 'request_count' },
    ],
  });
  const auditedCount = ok(first.data?.[0]);
  const requestCount = ok(first.data?.[1]);

  // get_audited is newest first already; get_requests runs by id, so its page is taken from the newest end.
  const auditedPages = auditedCount === undefined ? 1 : Math.max(1, Math.ceil(Number(auditedCount) / AUDITS_PAGE_SIZE));
  const auditedPageClamped = Math.min(auditedPage, auditedPages - 1);
  const queueRange =
    requestCount === undefined ? undefined : newestFirstPage(requestCount, queuePage, AUDITS_PAGE_SIZE);
  const second = useReadContracts({
    allowFailure: true,
    contracts: [
      {
        ...r,
        functionName: 'get_audited',
        args: [BigInt(auditedPageClamped * AUDITS_PAGE_SIZE), BigInt(AUDITS_PAGE_SIZE)],
      },
      { ...r, functionName: 'get_requests', args: [queueRange?.offset ?? 0n, queueRange?.limit ?? 0n] },
    ],
    query: { enabled: auditedCount !== undefined && queueRange !== undefined },
  });
  const audited = ok(second.data?.[0]) as readonly AuditRequest[] | undefined;
  const queue = useMemo(() => {
    const page = ok(second.data?.[1]) as readonly AuditRequest[] | undefined;
    return page ? [...page].reverse() : undefined;
  }, [second.data]);

  // With a search or a verdict on, every audited contract is searched: the contract has no index by name, so the
  // whole list is read through get_audited in batches of 100 (one request each) and the matches are paged here.
  const searching = query.trim() !== '' || verdict !== 'All';
  const search = useWholeListSearch({
    address: registry,
    name: 'get_audited',
    count: auditedCount,
    newestAt: 'start',
    enabled: searching,
    readBatch: ({ offset, limit }: SearchBatch) =>
      readContract(config, { ...r, functionName: 'get_audited', args: [offset, limit] }) as Promise<
        readonly AuditRequest[]
      >,
  });
  const matches = search.batches
    ? collectMatches(search.batches, (a) => matchesAuditSearch(a, query) && matchesVerdict(a, verdict))
    : undefined;
  const found = matches && pageOfMatches(matches, matchPage, AUDITS_PAGE_SIZE);
  const shownAudited = searching ? found?.items : audited;

  // The reports of the audited contracts shown and whether each still has audited status, one multicall.
  const page = shownAudited ?? [];
  const reportsRead = useReadContracts({
    allowFailure: true,
    contracts: [
      ...page.map((a) => ({ ...r, functionName: 'get_reports' as const, args: [a.id] as const })),
      ...page.map((a) => ({ ...r, functionName: 'is_audited' as const, args: [a.contract_address] as const })),
    ],
    query: { enabled: page.length > 0 },
  });
  const reportsById = new Map<string, readonly AuditReport[]>();
  const isAuditedById = new Map<string, boolean>();
  page.forEach((a, i) => {
    const reports = ok(reportsRead.data?.[i]) as readonly AuditReport[] | undefined;
    if (reports) reportsById.set(a.id.toString(), reports);
    const isAudited = ok(reportsRead.data?.[page.length + i]) as boolean | undefined;
    if (isAudited !== undefined) isAuditedById.set(a.id.toString(), isAudited);
  });

  if (first.error && !first.data) {
    return <ReadFailed what="The audit registry" onRetry={() => void first.refetch()} />;
  }

  return (
    <>
      <Card>
        <dl className="grid grid-cols-2 gap-4">
          <Stat
            label="Audited contracts"
            value={
              auditedCount === undefined ? undefined : (
                <span data-testid="audited-count">{auditedCount.toString()}</span>
              )
            }
          />
          <Stat
            label="Requests"
            value={
              requestCount === undefined ? undefined : (
                <span data-testid="request-count">{requestCount.toString()}</span>
              )
            }
          />
        </dl>
        <Link
          href="/audits/new/"
          className="mt-4 inline-flex min-h-10 items-center rounded-md bg-teal-500 px-4 py-2 text-sm font-semibold text-slate-950 hover:bg-teal-400"
        >
          Request an audit
        </Link>
      </Card>
      <AuditedList
        audited={audited}
        shown={shownAudited}
        reportsById={reportsById}
        isAuditedById={isAuditedById}
        page={searching ? (found?.page ?? 0) : auditedPageClamped}
        pageCount={searching ? (found?.pageCount ?? 1) : auditedPages}
        onPage={searching ? setMatchPage : setAuditedPage}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setMatchPage(0);
        }}
        verdict={verdict}
        onVerdict={(v) => {
          setVerdict(v);
          setMatchPage(0);
        }}
        search={
          searching && auditedCount !== undefined && auditedCount > 0n
            ? {
                text: describeSearch(
                  { one: 'audited contract', many: 'audited contracts' },
                  auditedCount,
                  search.read,
                  matches?.length ?? 0,
                ),
                complete: search.complete,
                error: search.error,
                retry: search.retry,
              }
            : undefined
        }
      />
      <RequestQueue
        registry={registry}
        requestCount={requestCount}
        queue={queue}
        page={queueRange?.page ?? 0}
        pageCount={queueRange?.pageCount ?? 1}
        onPage={setQueuePage}
      />
    </>
  );
}

interface SearchStatus {
  text: string;
  complete: boolean;
  error: Error | null;
  retry(): void;
}

/** How far a whole-list search went, or why it stopped (with a Retry that reads on from there). */
function SearchProgress({ search, testId }: { search: SearchStatus; testId: string }) {
  return search.error ? (
    <p role="alert" className="mt-3 text-sm text-rose-200">
      The search stopped: {search.error.message.split('\n')[0]}{' '}
      <button type="button" className="underline underline-offset-2" onClick={search.retry}>
        Retry
      </button>
    </p>
  ) : (
    <p role="status" aria-live="polite" className="mt-3 text-sm text-slate-300" data-testid={testId}>
      {search.text}
      {search.complete ? '.' : '…'}
    </p>
  );
}

function AuditedList({
  audited,
  shown,
  reportsById,
  isAuditedById,
  page,
  pageCount,
  onPage,
  query,
  onQuery,
  verdict,
  onVerdict,
  search,
}: {
  audited: readonly AuditRequest[] | undefined;
  /** The page of audited contracts shown: the loaded page, or with a search on, a page of the matches. */
  shown: readonly AuditRequest[] | undefined;
  reportsById: Map<string, readonly AuditReport[]>;
  isAuditedById: Map<string, boolean>;
  page: number;
  pageCount: number;
  onPage(page: number): void;
  query: string;
  onQuery(query: string): void;
  verdict: VerdictFilter;
  onVerdict(verdict: VerdictFilter): void;
  search: SearchStatus | undefined;
}) {
  const base = useId();

  return (
    <Card title="Audited contracts">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${base}-search`} className="block text-sm font-medium">
            Search by address or name
          </label>
          <input
            id={`${base}-search`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            className={inputClass}
            aria-describedby={`${base}-search-hint`}
          />
          <p id={`${base}-search-hint`} className="mt-1 text-xs text-slate-400">
            Searches every audited contract, not only this page.
          </p>
        </div>
        <div>
          <label htmlFor={`${base}-verdict`} className="block text-sm font-medium">
            Verdict
          </label>
          <select
            id={`${base}-verdict`}
            value={verdict}
            onChange={(e) => onVerdict(e.target.value as VerdictFilter)}
            className={inputClass}
          >
            {VERDICT_FILTERS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
      </div>
      {search && <SearchProgress search={search} testId="audited-search-progress" />}
      {audited === undefined || shown === undefined ? (
        <p role="status" className="mt-4 text-sm text-slate-300">
          Loading the audited contracts…
        </p>
      ) : audited.length === 0 ? (
        <p className="mt-4 text-sm text-slate-300">No contract has been audited yet.</p>
      ) : shown.length === 0 ? (
        <p className="mt-4 text-sm text-slate-300">
          {search?.complete ? 'No audited contract matches.' : 'No audited contract matches so far.'}
        </p>
      ) : (
        <ul className="mt-4 space-y-3" aria-label="Audited contracts" data-testid="audited-list">
          {shown.map((a) => (
            <AuditedItem
              key={a.id.toString()}
              audit={a}
              reports={reportsById.get(a.id.toString())}
              isAudited={isAuditedById.get(a.id.toString())}
            />
          ))}
        </ul>
      )}
      <Pager page={page} pageCount={pageCount} onPage={onPage} label="Audited contracts pages" />
    </Card>
  );
}

function AuditedItem({
  audit: a,
  reports,
  isAudited,
}: {
  audit: AuditRequest;
  reports: readonly AuditReport[] | undefined;
  isAudited: boolean | undefined;
}) {
  const { chain } = useNetwork();
  const revealed = (reports ?? []).filter((r) => r.revealed);
  const status = isAudited === undefined ? undefined : auditedStatus(a, isAudited, chain.id);
  return (
    <li className="rounded-lg border border-slate-800 p-3" data-testid="audited-item">
      <div className="flex flex-wrap items-center gap-2">
        <VerdictBadge passed={a.passed} />
        <Link href={requestHref(a.id)} className="text-sm text-teal-300 underline underline-offset-2">
          Request #{a.id.toString()}
        </Link>
        <span className="text-xs text-slate-400">
          Completed <DateAt at={a.closed_at} />
        </span>
      </div>
      <p className="mt-2">
        <AddressText address={a.contract_address} chainId={a.chain_id} />
      </p>
      <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-200">{a.description}</p>
      {status && (
        <p
          className={`mt-1 text-xs ${status.status === 'audited' ? 'text-emerald-300' : 'text-slate-400'}`}
          data-testid="audited-status"
        >
          {status.text}.
        </p>
      )}
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline text-slate-400">Chain: </dt>
          <dd className="inline">{chainLabel(a.chain_id)}</dd>
        </div>
        <div>
          <dt className="inline text-slate-400">Findings: </dt>
          <dd className="inline" data-testid="audit-findings">
            {severitySummary(a.severity)}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="inline text-slate-400">Severity counts: </dt>
          <dd className="inline tabular-nums">
            critical {a.severity.critical}, high {a.severity.high}, medium {a.severity.medium}, low {a.severity.low},
            owner privileges {a.severity.owner_privileges}
          </dd>
        </div>
      </dl>
      {reports === undefined ? (
        <p className="mt-2 text-xs text-slate-400">Loading the reports…</p>
      ) : (
        <div className="mt-2 text-sm">
          <p className="text-slate-400">Auditors and reports</p>
          <ul className="mt-1 space-y-1" data-testid="audit-reports">
            {reports.map((r) => (
              <li key={r.auditor} className="min-w-0">
                <span className="font-mono text-xs break-all">{r.auditor}</span>
                {': '}
                {r.revealed ? <ExternalLink href={r.link} /> : <span className="text-slate-400">not revealed</span>}
              </li>
            ))}
          </ul>
          {revealed.length === 0 && <p className="text-xs text-slate-400">No report is revealed.</p>}
        </div>
      )}
    </li>
  );
}

function RequestQueue({
  registry,
  requestCount,
  queue,
  page,
  pageCount,
  onPage,
}: {
  registry: Address;
  requestCount: bigint | undefined;
  queue: readonly AuditRequest[] | undefined;
  page: number;
  pageCount: number;
  onPage(page: number): void;
}) {
  const config = useConfig();
  const [state, setState] = useState<number>(RequestState.Pending);
  const [matchPage, setMatchPage] = useState(0);
  // The first paint shows the pending requests of the loaded page (newest first), which costs no more reads.
  // Choosing a state searches every request: the contract pages by id only, so the whole list is read through
  // get_requests in batches of 100 (one request each), newest first, and the matches are paged here.
  const [searching, setSearching] = useState(false);
  const search = useWholeListSearch({
    address: registry,
    name: 'get_requests',
    count: requestCount,
    newestAt: 'end',
    enabled: searching,
    readBatch: async ({ offset, limit }: SearchBatch) => {
      const batch = await readContract(config, {
        address: registry,
        abi: auditRegistryAbi,
        functionName: 'get_requests',
        args: [offset, limit],
      });
      return [...(batch as readonly AuditRequest[])].reverse();
    },
  });
  const all = searching ? search.batches?.flat() : queue;
  const matches = all?.filter((q) => q.state === state);
  const found = searching && matches ? pageOfMatches(matches, matchPage, AUDITS_PAGE_SIZE) : undefined;
  const shown = searching ? found?.items : matches;
  const choose = (s: number) => {
    setState(s);
    setSearching(true);
    setMatchPage(0);
  };
  return (
    <Card title="Request queue">
      <div role="group" aria-label="Requests by state" className="flex flex-wrap gap-2">
        {QUEUE_STATES.map((s) => (
          <button
            key={s.state}
            type="button"
            aria-pressed={state === s.state}
            onClick={() => choose(s.state)}
            className="rounded-full border border-slate-700 px-3 py-1 text-sm aria-pressed:border-teal-500 aria-pressed:bg-teal-950 aria-pressed:text-teal-200"
          >
            {s.label} ({(all ?? []).filter((q) => q.state === s.state).length})
          </button>
        ))}
      </div>
      {searching && requestCount !== undefined && requestCount > 0n ? (
        <SearchProgress
          testId="request-search-progress"
          search={{
            text: describeSearch({ one: 'request', many: 'requests' }, requestCount, search.read, matches?.length ?? 0),
            complete: search.complete,
            error: search.error,
            retry: search.retry,
          }}
        />
      ) : (
        <p className="mt-3 text-xs text-slate-400">
          The counts are of the requests on this page; choose a state to search every request.
        </p>
      )}
      {shown === undefined ? (
        <p role="status" className="mt-4 text-sm text-slate-300">
          Loading the requests…
        </p>
      ) : shown.length === 0 ? (
        <p className="mt-4 text-sm text-slate-300">
          {!searching
            ? 'No request in this state on this page.'
            : search.complete
              ? 'No request is in this state.'
              : 'No request in this state found so far.'}
        </p>
      ) : (
        <div className="mt-4">
          <RequestTable requests={shown} caption="Audit requests" />
        </div>
      )}
      {searching ? (
        <Pager
          page={found?.page ?? 0}
          pageCount={found?.pageCount ?? 1}
          onPage={setMatchPage}
          label="Matching request pages"
        />
      ) : (
        <Pager page={page} pageCount={pageCount} onPage={onPage} label="Request pages" />
      )}
    </Card>
  );
}

/** Requests in a table: id (linked), contract, chain, state, submitted. */
export function RequestTable({ requests, caption }: { requests: readonly AuditRequest[]; caption: string }) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { label: 'Request' },
        { label: 'Contract' },
        { label: 'Chain' },
        { label: 'State' },
        { label: 'Submitted' },
      ]}
      minWidth="40rem"
    >
      {requests.map((q) => (
        <tr key={q.id.toString()} data-testid="request-row">
          <td className="py-2 pr-4">
            <Link href={requestHref(q.id)} className="text-teal-300 underline underline-offset-2">
              #{q.id.toString()}
            </Link>
          </td>
          <td className="py-2 pr-4">
            <span className="font-mono text-xs break-all">{q.contract_address}</span>
            <span className="block max-w-xs truncate text-xs text-slate-400">{q.description}</span>
          </td>
          <td className="py-2 pr-4">{chainLabel(q.chain_id)}</td>
          <td className="py-2 pr-4">
            <RequestStateBadge state={q.state} />
          </td>
          <td className="py-2 text-xs">
            <DateAt at={q.submitted_at} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
