'use client';

import Link from 'next/link';
import type { Address } from 'viem';
import { auditedStatus } from '@/lib/audits/registry';
import { chainLabel, requestHref, severitySummary } from '@/lib/audits/requests';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { AddressText } from '@/components/ui/AddressText';
import { DateAt } from '@/components/ui/chainDisplay';
import { useNetwork } from '@/components/ui/NetworkContext';
import { VerdictBadge } from '@/components/audits/pageParts';
import { RevealedReport } from '@/components/audits/archive/RevealedReport';
import { SafeText } from '@/components/ui/SafeText';

/** One audited contract: verdict, findings, whether it still has audited status, and its auditors' reports. */
export function AuditedItem({
  registry,
  audit: a,
  reports,
  isAudited,
}: {
  registry: Address;
  audit: AuditRequest;
  reports: readonly AuditReport[] | undefined;
  isAudited: boolean | undefined;
}) {
  const { chain } = useNetwork();
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
      <p className="mt-1 text-sm text-slate-200">
        <SafeText text={a.description} multiline />
      </p>
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
        <ReportLinks registry={registry} requestId={a.id} reports={reports} />
      )}
    </li>
  );
}

function ReportLinks({
  registry,
  requestId,
  reports,
}: {
  registry: Address;
  requestId: bigint;
  reports: readonly AuditReport[];
}) {
  return (
    <div className="mt-2 text-sm">
      <p className="text-slate-400">Auditors and reports</p>
      <ul className="mt-1 space-y-1" data-testid="audit-reports">
        {reports.map((r) => (
          <li key={r.auditor} className="min-w-0">
            <span className="font-mono text-xs break-all">{r.auditor}</span>
            {': '}
            {r.revealed ? (
              <RevealedReport registry={registry} requestId={requestId} report={r} />
            ) : (
              <span className="text-slate-400">not revealed</span>
            )}
          </li>
        ))}
      </ul>
      {!reports.some((r) => r.revealed) && <p className="text-xs text-slate-400">No report is revealed.</p>}
    </div>
  );
}
