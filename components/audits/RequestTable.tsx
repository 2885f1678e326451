'use client';

import Link from 'next/link';
import { chainLabel, requestHref } from '@/lib/audits/requests';
import type { AuditRequest } from '@/lib/audits/types';
import { DataTable } from '@/components/ui/DataTable';
import { DateAt } from '@/components/ui/chainDisplay';
import { RequestStateBadge } from '@/components/audits/pageParts';
import { SafeText } from '@/components/ui/SafeText';

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
            <span className="block max-w-xs truncate text-xs text-slate-400">
              <SafeText text={q.description} maxChars={120} expandable={false} />
            </span>
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
