'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { needsManager } from '@/lib/audits/requests';
import { Pager } from '@/components/ui/Pager';
import { Card } from '@/components/ui/primitives';
import { useAuditRequestsPage } from '../hooks/useAuditRequestsPage';
import { RequestTable } from '../RequestTable';

/** The pending, approved and in-progress requests of the loaded page, newest first: open one to act on it. */
export function NeedsAction({ registry }: { registry: Address }) {
  const [page, setPage] = useState(0);
  const loaded = useAuditRequestsPage(registry, page);
  const queue = loaded.requests?.filter((q) => needsManager(q.state));
  return (
    <Card title="Needs action">
      <p className="mb-2 text-xs text-slate-400">
        Pending, approved and in-progress requests on the loaded page (newest first). Open one to act on it.
      </p>
      {queue === undefined ? (
        <p role="status" className="text-sm text-slate-300">
          Loading the requests…
        </p>
      ) : queue.length === 0 ? (
        <p className="text-sm text-slate-300">No request on this page needs action.</p>
      ) : (
        <RequestTable requests={queue} caption="Requests needing action" />
      )}
      <Pager page={loaded.page} pageCount={loaded.pageCount} onPage={setPage} label="Request pages" />
    </Card>
  );
}
