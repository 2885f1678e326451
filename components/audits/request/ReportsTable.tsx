'use client';

import type { AuditReport } from '@/lib/audits/types';
import { ExternalLink } from '@/components/ui/chainDisplay';
import { DataTable } from '@/components/ui/DataTable';
import { Card } from '@/components/ui/primitives';

/** The reports committed on a request: who, the commitment, whether signed (with the errors missed), the karma
 * earned once revealed, and the link once revealed. */
export function ReportsTable({ reports }: { reports: readonly AuditReport[] }) {
  return (
    <Card title="Reports">
      {reports.length === 0 ? (
        <p className="text-sm text-slate-300">No report is committed yet.</p>
      ) : (
        <DataTable
          caption="Committed reports"
          columns={[
            { label: 'Auditor' },
            { label: 'Commitment' },
            { label: 'Signed' },
            { label: 'Errors', align: 'right' },
            { label: 'Karma', align: 'right' },
            { label: 'Late' },
            { label: 'Report' },
          ]}
          minWidth="56rem"
        >
          {reports.map((r) => (
            <tr key={r.auditor} data-testid="report-row">
              <td className="py-2 pr-4 font-mono text-xs break-all">{r.auditor}</td>
              <td className="max-w-[14rem] py-2 pr-4 font-mono text-xs break-all">{r.commitment}</td>
              <td className="py-2 pr-4">{r.signed ? 'Signed' : 'Not yet'}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{r.signed ? r.errors.toString() : '—'}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{r.revealed ? r.karma.toString() : '—'}</td>
              <td className="py-2 pr-4">{r.late ? 'Late' : 'No'}</td>
              <td className="py-2">
                {r.revealed ? <ExternalLink href={r.link} /> : <span className="text-slate-400">Not revealed</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
