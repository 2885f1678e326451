'use client';

import { useId, useMemo, useState } from 'react';
import type { Address } from 'viem';
import {
  AUDITS_PAGE_SIZE,
  VERDICT_FILTERS,
  isVerdictFilter,
  matchesAuditSearch,
  matchesVerdict,
  type VerdictFilter,
} from '@/lib/audits/registry';
import type { AuditRequest } from '@/lib/audits/types';
import { collectMatches, describeSearch, pageOfMatches } from '@/lib/lists/wholeList';
import { useKeepTypedValue } from '@/components/ui/useKeepTypedValue';
import { inputClass } from '@/components/ui/FormField';
import { Pager } from '@/components/ui/Pager';
import { Card } from '@/components/ui/primitives';
import { useAuditedPage } from '../hooks/useAuditedPage';
import { useAuditedStatusOf } from '../hooks/useAuditedStatusOf';
import { useAuditedSearch } from '../hooks/useListSearch';
import { useReportsOf } from '../hooks/useReportsOf';
import { AuditedItem } from './AuditedItem';
import { SearchProgress } from './SearchProgress';

/**
 * The audited contracts, newest first, a page at a time. With a search or a verdict on, every audited contract is
 * searched (the contract has no index by name) and the matches are paged here.
 */
export function AuditedContracts({ registry }: { registry: Address }) {
  const [page, setPage] = useState(0);
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState<VerdictFilter>('All');
  const [matchPage, setMatchPage] = useState(0);
  const loaded = useAuditedPage(registry, page);
  const searching = query.trim() !== '' || verdict !== 'All';
  const search = useAuditedSearch(registry, loaded.count, searching);
  const matches = search.batches
    ? collectMatches(search.batches, (a) => matchesAuditSearch(a, query) && matchesVerdict(a, verdict))
    : undefined;
  const found = matches && pageOfMatches(matches, matchPage, AUDITS_PAGE_SIZE);
  const shown = searching ? found?.items : loaded.audited;

  return (
    <Card title="Audited contracts">
      <AuditedFilters
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
      />
      {searching && loaded.count !== undefined && loaded.count > 0n && (
        <SearchProgress
          testId="audited-search-progress"
          search={{
            text: describeSearch(
              { one: 'audited contract', many: 'audited contracts' },
              loaded.count,
              search.read,
              matches?.length ?? 0,
            ),
            complete: search.complete,
            error: search.error,
            retry: search.retry,
          }}
        />
      )}
      {loaded.audited === undefined || shown === undefined ? (
        <p role="status" className="mt-4 text-sm text-slate-300">
          Loading the audited contracts…
        </p>
      ) : loaded.audited.length === 0 ? (
        <p className="mt-4 text-sm text-slate-300">No contract has been audited yet.</p>
      ) : shown.length === 0 ? (
        <p className="mt-4 text-sm text-slate-300">
          {search.complete ? 'No audited contract matches.' : 'No audited contract matches so far.'}
        </p>
      ) : (
        <AuditedItems registry={registry} audits={shown} />
      )}
      <Pager
        page={searching ? (found?.page ?? 0) : loaded.page}
        pageCount={searching ? (found?.pageCount ?? 1) : loaded.pageCount}
        onPage={searching ? setMatchPage : setPage}
        label="Audited contracts pages"
      />
    </Card>
  );
}

/** The page shown, with each contract's reports and audited status (one multicall each for the page). */
function AuditedItems({ registry, audits }: { registry: Address; audits: readonly AuditRequest[] }) {
  const ids = useMemo(() => audits.map((a) => a.id), [audits]);
  const addresses = useMemo(() => audits.map((a) => a.contract_address), [audits]);
  const reports = useReportsOf(registry, ids);
  const audited = useAuditedStatusOf(registry, addresses);
  return (
    <ul className="mt-4 space-y-3" aria-label="Audited contracts" data-testid="audited-list">
      {audits.map((a) => (
        <AuditedItem
          key={a.id.toString()}
          registry={registry}
          audit={a}
          reports={reports.get(a.id)}
          isAudited={audited.get(a.contract_address.toLowerCase())}
        />
      ))}
    </ul>
  );
}

function AuditedFilters({
  query,
  onQuery,
  verdict,
  onVerdict,
}: {
  query: string;
  onQuery(query: string): void;
  verdict: VerdictFilter;
  onVerdict(verdict: VerdictFilter): void;
}) {
  const base = useId();
  // A search typed into the static page before it hydrated is kept (see useKeepTypedValue).
  const keepQuery = useKeepTypedValue(query, onQuery);
  return (
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
          ref={keepQuery}
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
          onChange={(e) => {
            if (isVerdictFilter(e.target.value)) onVerdict(e.target.value);
          }}
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
  );
}
