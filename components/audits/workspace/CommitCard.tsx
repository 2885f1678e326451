'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import type { Address } from 'viem';
import { requestActions } from '@/lib/audits/actions';
import { chainLabel, isOpenForReports, reportOf, requestHref, requestStateLabel } from '@/lib/audits/requests';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { inputClass } from '@/components/ui/FormField';
import { Card } from '@/components/ui/primitives';
import { CommitReportForm } from '../request/CommitReportForm';
import { SafeText } from '@/components/ui/SafeText';

/** Pick an approved or in-progress request of the loaded page and deliver its report privately, or commit (or
 * replace) a report link's hash on it. */
export function CommitCard({
  registry,
  requests,
  reports,
  account,
  isAuditor,
}: {
  registry: Address;
  requests: readonly AuditRequest[];
  reports: ReadonlyMap<bigint, readonly AuditReport[]>;
  account: Address | undefined;
  isAuditor: boolean;
}) {
  const [picked, setPicked] = useState('');
  const id = `${useId()}-request`;
  const open = requests.filter((q) => isOpenForReports(q.state));
  const chosen = open.find((q) => q.id.toString() === picked) ?? open[0];
  const chosenReports = chosen ? (reports.get(chosen.id) ?? []) : [];
  return (
    <Card title="Deliver a report">
      {!chosen ? (
        <p className="text-sm text-slate-300">No request on the loaded page is approved or in progress.</p>
      ) : (
        <>
          <div className="mb-4">
            <label htmlFor={id} className="block text-sm font-medium">
              Request to audit
            </label>
            <select
              id={id}
              value={chosen.id.toString()}
              onChange={(e) => setPicked(e.target.value)}
              className={inputClass}
            >
              {open.map((q) => (
                <option key={q.id.toString()} value={q.id.toString()}>
                  #{q.id.toString()} {requestStateLabel(q.state)}: {q.contract_address} ({chainLabel(q.chain_id)})
                </option>
              ))}
            </select>
            <p className="mt-1 text-xs break-words text-slate-400">
              <SafeText text={chosen.description} multiline />{' '}
              <Link href={requestHref(chosen.id)} className="text-teal-300 underline underline-offset-2">
                Request #{chosen.id.toString()}
              </Link>
            </p>
          </div>
          <CommitReportForm
            key={chosen.id.toString()}
            registry={registry}
            requestId={chosen.id}
            myReport={reportOf(chosenReports, account)}
            action={
              requestActions({ state: chosen.state, reports: chosenReports, account, isManager: false, isAuditor })
                .commit
            }
          />
        </>
      )}
    </Card>
  );
}
