'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { Address } from 'viem';
import { auditorLabel } from '@/lib/audits/members';
import { requestHref } from '@/lib/audits/requests';
import { Pager } from '@/components/ui/Pager';
import { Card } from '@/components/ui/primitives';
import { SafeText } from '@/components/ui/SafeText';
import { useAuditRequestsPage } from '../hooks/useAuditRequestsPage';
import { useAuditorContacts } from '../hooks/useMembers';
import { useReportsOf } from '../hooks/useReportsOf';
import { deliveredAwaitingManagers, requestsWithReports } from './deliveredQueue';

/**
 * Reports auditors delivered encrypted that no manager has revealed yet, per request and auditor, on the loaded page
 * of requests (newest first): the page's requests are the Needs action list's read, and their reports one more
 * multicall, whatever the page holds. Each links to its request page, where a manager decrypts and reads it.
 */
export function DeliveredInbox({ registry }: { registry: Address }) {
  const [page, setPage] = useState(0);
  const loaded = useAuditRequestsPage(registry, page);
  const open = useMemo(() => (loaded.requests ? requestsWithReports(loaded.requests) : undefined), [loaded.requests]);
  const ids = useMemo(() => open?.map((r) => r.id) ?? [], [open]);
  const reportsById = useReportsOf(registry, ids);
  const contacts = useAuditorContacts(registry);
  const allRead = open !== undefined && ids.every((id) => reportsById.has(id));
  const entries = allRead ? deliveredAwaitingManagers(open, reportsById) : undefined;
  return (
    <Card title="Delivered reports">
      <p className="mb-2 text-xs text-slate-400">
        Reports auditors delivered encrypted for the managers, not revealed yet, on the loaded page of requests (newest
        first). Open the request to decrypt and read one in your browser, sign it, and reveal it.
      </p>
      {entries === undefined ? (
        <p role="status" className="text-sm text-slate-300">
          Loading the delivered reports…
        </p>
      ) : entries.length === 0 ? (
        <p className="text-sm text-slate-300" data-testid="delivered-inbox-empty">
          No delivered report waits for a manager on this page.
        </p>
      ) : (
        <ul className="space-y-2" aria-label="Delivered reports waiting for a manager">
          {entries.map((e) => (
            <li
              key={`${e.requestId.toString()}-${e.auditor}`}
              className="min-w-0 rounded-md border border-slate-800 p-2 text-sm"
              data-testid="delivered-inbox-item"
            >
              <Link href={requestHref(e.requestId)} className="text-teal-300 underline underline-offset-2">
                Request #{e.requestId.toString()}
              </Link>{' '}
              <span className="text-xs text-slate-400">
                <SafeText text={e.description} maxChars={80} expandable={false} />
              </span>
              <p className="text-xs">
                From {auditorLabel(e.auditor, contacts.get(e.auditor.toLowerCase()))} ·{' '}
                <span data-testid="delivered-inbox-state">{e.signed ? 'signed, not revealed' : 'not signed yet'}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={loaded.page} pageCount={loaded.pageCount} onPage={setPage} label="Delivered report pages" />
    </Card>
  );
}
