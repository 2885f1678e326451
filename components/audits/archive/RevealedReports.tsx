'use client';

import type { Address } from 'viem';
import type { AuditReport } from '@/lib/audits/types';
import { Card } from '@/components/ui/primitives';
import { RevealedReport } from './RevealedReport';

/** A request's revealed reports, each readable in the page (verified) or, on https, linked out. */
export function RevealedReports({
  registry,
  requestId,
  reports,
}: {
  registry: Address;
  requestId: bigint;
  reports: readonly AuditReport[];
}) {
  const revealed = reports.filter((r) => r.revealed);
  if (revealed.length === 0) return null;
  return (
    <Card title="Revealed reports">
      <p className="mb-3 text-xs text-slate-400">
        A report stored on the Callisto File System (ipfs://) is read from the elected host nodes and shown only after
        every block matches its CID; its link is checked against the commitment the auditor made on chain before the
        reveal.
      </p>
      <ul className="space-y-3" aria-label="Revealed reports">
        {revealed.map((r) => (
          <li key={r.auditor} className="min-w-0">
            <p className="mb-1 text-xs text-slate-400">
              Auditor <span className="font-mono break-all text-slate-200">{r.auditor}</span>
            </p>
            <RevealedReport registry={registry} requestId={requestId} report={r} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
