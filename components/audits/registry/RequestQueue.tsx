'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { AUDITS_PAGE_SIZE, QUEUE_STATES } from '@/lib/audits/registry';
import { RequestState } from '@/lib/audits/requests';
import { describeSearch, pageOfMatches } from '@/lib/lists/wholeList';
import { Pager } from '@/components/ui/Pager';
import { Card } from '@/components/ui/primitives';
import { useAuditRequestsPage } from '../hooks/useAuditRequestsPage';
import { useRequestSearch } from '../hooks/useListSearch';
import { RequestTable } from '../RequestTable';
import { SearchProgress } from './SearchProgress';

/**
 * The request queue by state. The first paint shows the pending requests of the loaded page (newest first), which
 * costs no more reads; choosing a state searches every request (the contract pages by id only), newest first, and
 * the matches are paged here.
 */
export function RequestQueue({ registry }: { registry: Address }) {
  const [page, setPage] = useState(0);
  const [state, setState] = useState<number>(RequestState.Pending);
  const [matchPage, setMatchPage] = useState(0);
  const [searching, setSearching] = useState(false);
  const loaded = useAuditRequestsPage(registry, page);
  const search = useRequestSearch(registry, loaded.count, searching);
  const all = searching ? search.batches?.flat() : loaded.requests;
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
      {searching && loaded.count !== undefined && loaded.count > 0n ? (
        <SearchProgress
          testId="request-search-progress"
          search={{
            text: describeSearch({ one: 'request', many: 'requests' }, loaded.count, search.read, matches?.length ?? 0),
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
        <Pager page={loaded.page} pageCount={loaded.pageCount} onPage={setPage} label="Request pages" />
      )}
    </Card>
  );
}
