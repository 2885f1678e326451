'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { requestActions } from '@/lib/audits/actions';
import { RequestState, parseRequestId, reportOf } from '@/lib/audits/requests';
import { contractAddress } from '@/lib/chain/deployments';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Card, NotDeployed, ReadFailed } from '@/components/ui/primitives';
import { useAuditRequest } from '../hooks/useAuditRequest';
import { useKarmaParameters } from '../hooks/useKarmaParameters';
import { useRoles } from '../hooks/useRoles';
import { AuditsNav, RequestStateBadge, VerdictBadge } from '../shared';
import { CommitReportForm } from './CommitReportForm';
import { ManagerActions } from './actions/ManagerActions';
import { ReportsTable } from './ReportsTable';
import { RequestContract, RequestTimeline } from './RequestSummary';

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

function RequestView({ registry, id, raw }: { registry: Address; id: bigint; raw: string | null }) {
  const { address } = useAccount();
  const data = useAuditRequest(registry, id);
  const roles = useRoles(registry, address);
  const karmaParams = useKarmaParameters(registry);
  if (data.missing) return <NoSuchRequest raw={raw} />;
  const { request: q, reports } = data;
  if (!q || !reports) {
    if (data.error) return <ReadFailed what="The request" onRetry={() => void data.refetch()} />;
    return (
      <p role="status" className="text-sm text-slate-300">
        Loading request #{id.toString()}…
      </p>
    );
  }
  const actions = requestActions({ state: q.state, reports, account: address, ...roles });
  const role = roles.isManager ? 'manager' : roles.isAuditor ? 'auditor' : address ? 'neither' : 'none';

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
      <RequestContract request={q} />
      <RequestTimeline request={q} />
      <ReportsTable reports={reports} />
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
          karmaParams={karmaParams}
        />
      )}
      {(role === 'auditor' || role === 'none') && (
        <Card title="Your report">
          <CommitReportForm
            registry={registry}
            requestId={q.id}
            myReport={reportOf(reports, address)}
            action={actions.commit}
          />
        </Card>
      )}
      <Link href="/audits/" className="inline-block text-sm text-teal-300 underline underline-offset-2">
        ← Back to the registry
      </Link>
    </div>
  );
}
