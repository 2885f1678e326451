'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { reportOf, requestHref, requestStateLabel } from '@/lib/audits/requests';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { ExternalLink } from '@/components/ui/chainDisplay';
import { DataTable } from '@/components/ui/DataTable';
import { Pager } from '@/components/ui/Pager';
import { Card } from '@/components/ui/primitives';

/** The account's reports on the loaded page of requests: signed or not, errors, karma and the revealed link. */
export function MyReports({
  account,
  requests,
  reports,
  page,
  pageCount,
  onPage,
}: {
  account: Address | undefined;
  requests: readonly AuditRequest[];
  reports: ReadonlyMap<bigint, readonly AuditReport[]>;
  page: number;
  pageCount: number;
  onPage(page: number): void;
}) {
  const mine = requests.flatMap((request) => {
    const report = reportOf(reports.get(request.id) ?? [], account);
    return report ? [{ request, report }] : [];
  });
  return (
    <Card title="My reports">
      <p className="mb-2 text-xs text-slate-400">From the requests on the loaded page (newest first).</p>
      {!account ? (
        <p className="text-sm text-slate-300">Connect a wallet to see your reports.</p>
      ) : mine.length === 0 ? (
        <p className="text-sm text-slate-300">No report of yours on this page of requests.</p>
      ) : (
        <DataTable
          caption="My reports"
          columns={[
            { label: 'Request' },
            { label: 'State' },
            { label: 'Signed' },
            { label: 'Errors', align: 'right' },
            { label: 'Karma', align: 'right' },
            { label: 'Report' },
          ]}
        >
          {mine.map(({ request: q, report }) => (
            <tr key={q.id.toString()} data-testid="my-report-row">
              <td className="py-2 pr-4">
                <Link href={requestHref(q.id)} className="text-teal-300 underline underline-offset-2">
                  #{q.id.toString()}
                </Link>
              </td>
              <td className="py-2 pr-4">{requestStateLabel(q.state)}</td>
              <td className="py-2 pr-4">{report.signed ? 'Signed' : 'Not yet'}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{report.signed ? report.errors.toString() : '—'}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{report.revealed ? report.karma.toString() : '—'}</td>
              <td className="py-2">
                {report.revealed ? (
                  <ExternalLink href={report.link} />
                ) : (
                  <span className="text-slate-400">Private</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager page={page} pageCount={pageCount} onPage={onPage} label="Request pages" />
    </Card>
  );
}
