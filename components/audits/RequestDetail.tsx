'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { zeroAddress, type Address } from 'viem';
import { useAccount, useReadContracts } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { contractAddress } from '@/lib/chain/deployments';
import { RequestState, severitySummary } from '@/lib/audits/requests';
import { chainLabel, parseRequestId, requestActions, type AuditReport, type AuditRequest } from '@/lib/audits/view';
import { DataTable } from '@/components/ui/DataTable';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, NotDeployed, ReadFailed } from '@/components/ui/primitives';
import { CommitReportForm } from './CommitReportForm';
import { ManagerActions } from './ManagerActions';
import { AddressText } from '@/components/ui/AddressText';
import { AuditsNav, RequestStateBadge, VerdictBadge } from './shared';
import { DateAt, ExternalLink, ok } from '@/components/ui/chainDisplay';

function NoSuchRequest({ raw }: { raw: string | null }) {
  return (
    <div className="space-y-4">
      <AuditsNav />
      <Card>
        <h1 className="text-xl font-bold">No such request</h1>
        <p className="mt-2 text-sm text-slate-300">
          {raw === null || raw === ''
            ? 'The address names no request: it needs ?id= and a request number.'
            : 'There is no audit request with this number. Request numbers start at 0.'}
        </p>
      </Card>
    </div>
  );
}

/** The request named by `?id=`. Must sit inside <Suspense>: it reads the query string. */
export function RequestDetailPage() {
  const params = useSearchParams();
  const raw = params.get('id');
  const id = parseRequestId(raw);
  const { chain } = useNetwork();
  const registry = contractAddress(chain.id, 'AuditRegistry');
  if (!registry) return <NotDeployed feature="The audit registry" network={chain.name} />;
  if (id === undefined) return <NoSuchRequest raw={raw} />;
  return <RequestView key={id.toString()} registry={registry} id={id} raw={raw} />;
}

/** The request page's first reads, one multicall. With no account the role reads use the zero address. */
function useRequestData(registry: Address, id: bigint, account: Address | undefined) {
  const r = { address: registry, abi: auditRegistryAbi } as const;
  const who = account ?? zeroAddress;
  const reads = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...r, functionName: 'request_count' },
      { ...r, functionName: 'get_request', args: [id] },
      { ...r, functionName: 'get_reports', args: [id] },
      { ...r, functionName: 'complexity_of', args: [id] },
      { ...r, functionName: 'is_manager', args: [who] },
      { ...r, functionName: 'is_auditor', args: [who] },
      { ...r, functionName: 'karma_per_kb' },
      { ...r, functionName: 'error_penalty' },
    ],
  });
  const d = reads.data;
  const count = ok(d?.[0]);
  const request = ok(d?.[1]) as AuditRequest | undefined;
  const reports = ok(d?.[2]) as readonly AuditReport[] | undefined;
  const missing = count !== undefined && id >= count;
  return {
    missing,
    request,
    reports,
    complexity: ok(d?.[3]),
    isManager: account ? ok(d?.[4]) === true : false,
    isAuditor: account ? ok(d?.[5]) === true : false,
    karmaPerKb: ok(d?.[6]),
    errorPenalty: ok(d?.[7]),
    error: reads.error ?? (d && !missing && (!request || !reports) ? new Error('The contract did not answer') : null),
    refetch: reads.refetch,
  };
}

function RequestView({ registry, id, raw }: { registry: Address; id: bigint; raw: string | null }) {
  const { address } = useAccount();
  const data = useRequestData(registry, id, address);
  if (data.missing) return <NoSuchRequest raw={raw} />;
  if (data.error && !data.request) {
    return <ReadFailed what="The request" onRetry={() => void data.refetch()} />;
  }
  const { request: q, reports } = data;
  if (!q || !reports) {
    return (
      <p role="status" className="text-sm text-slate-300">
        Loading request #{id.toString()}…
      </p>
    );
  }
  const actions = requestActions({
    state: q.state,
    reports,
    account: address,
    isManager: data.isManager,
    isAuditor: data.isAuditor,
  });
  const myReport = address ? reports.find((r) => r.auditor.toLowerCase() === address.toLowerCase()) : undefined;
  const role = data.isManager ? 'manager' : data.isAuditor ? 'auditor' : address ? 'neither' : 'none';

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <AuditsNav />
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">Audit request #{id.toString()}</h1>
          <RequestStateBadge state={q.state} />
          {q.state === RequestState.Completed && <VerdictBadge passed={q.passed} />}
        </div>
      </div>

      <Card title="Contract">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <Item label="Address">
            <AddressText address={q.contract_address} chainId={q.chain_id} />
          </Item>
          <Item label="Chain id">{chainLabel(q.chain_id)}</Item>
          <Item label="Source">
            <ExternalLink href={q.source_url} />
          </Item>
          <Item label="Platform">
            <span className="break-words">{q.platform}</span>
          </Item>
          <Item label="Requested by">
            <span className="font-mono text-xs break-all">{q.requester}</span>
          </Item>
          {q.state === RequestState.Completed && (
            <Item label="Findings">
              <span data-testid="request-findings">{severitySummary(q.severity)}</span>
            </Item>
          )}
          <div className="sm:col-span-2">
            <dt className="text-slate-400">Description</dt>
            <dd className="mt-0.5 break-words whitespace-pre-wrap" data-testid="request-description">
              {q.description}
            </dd>
          </div>
        </dl>
      </Card>

      <Card title="Timeline">
        <ol className="space-y-1 text-sm" data-testid="request-timeline">
          <TimelineStep label="Submitted" at={q.submitted_at} />
          <TimelineStep label="Approved" at={q.approved_at} />
          <TimelineStep label="Started (in progress)" at={q.started_at} />
          <TimelineStep label={q.state === RequestState.Rejected ? 'Rejected' : 'Completed'} at={q.closed_at} />
        </ol>
        {q.state === RequestState.Rejected && (
          <p className="mt-2 text-sm">
            <span className="text-slate-400">Reason: </span>
            <span className="break-words" data-testid="reject-reason">
              {q.reject_reason}
            </span>
          </p>
        )}
      </Card>

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

      <p className="text-sm text-slate-400" data-testid="my-role">
        {role === 'manager' && 'You are a manager of the registry.'}
        {role === 'auditor' && 'You are an auditor of the registry.'}
        {role === 'neither' && 'Your account is neither a manager nor an auditor: there is nothing for you to do here.'}
        {role === 'none' && 'Connect a wallet to act on this request.'}
      </p>

      {(role === 'manager' || role === 'none') && (
        <ManagerActions
          registry={registry}
          request={q}
          reports={reports}
          actions={actions}
          complexity={data.complexity}
          karmaParams={
            data.karmaPerKb !== undefined && data.errorPenalty !== undefined
              ? { karmaPerKb: data.karmaPerKb, errorPenalty: data.errorPenalty }
              : undefined
          }
        />
      )}
      {(role === 'auditor' || role === 'none') && (
        <Card title="Your report">
          <CommitReportForm registry={registry} requestId={q.id} myReport={myReport} action={actions.commit} />
        </Card>
      )}
      <Link href="/audits/" className="inline-block text-sm text-teal-300 underline underline-offset-2">
        ← Back to the registry
      </Link>
    </div>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-400">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

function TimelineStep({ label, at }: { label: string; at: bigint }) {
  return (
    <li className="flex flex-wrap gap-x-2">
      <span className={at > 0n ? 'font-medium' : 'text-slate-500'}>{label}</span>
      {at > 0n ? <DateAt at={at} /> : <span className="text-slate-500">not yet</span>}
    </li>
  );
}
