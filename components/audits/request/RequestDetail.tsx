'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import { requestActions } from '@/lib/audits/actions';
import { refused } from '@/lib/tx/actionState';
import { RequestState, awaitingReveal, parseRequestId, reportOf } from '@/lib/audits/requests';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { NoSuchItem } from '@/components/ui/NoSuchItem';
import { Card } from '@/components/ui/primitives';
import { QueryState } from '@/components/ui/QueryState';
import { useAuditRequest } from '../hooks/useAuditRequest';
import { useKarmaParameters } from '../hooks/useKarmaParameters';
import { useRoles } from '../hooks/useRoles';
import { AuditsNav, RequestStateBadge, VerdictBadge } from '@/components/audits/pageParts';
import { DeliveredReports } from '@/components/audits/inbox/DeliveredReports';
import { envelopeReportsOf } from '@/components/audits/inbox/deliveredReports';
import { CommitReportForm } from './CommitReportForm';
import { InboxRevealAction } from './actions/InboxRevealAction';
import { ManagerActions } from './actions/ManagerActions';
import { ReportsTable } from './ReportsTable';
import { RequestOutcome, isFinished } from './RequestOutcome';
import { RevealedReports } from '@/components/audits/archive/RevealedReports';
import { RequestContract, RequestTimeline } from './RequestSummary';

function NoSuchRequest({ raw }: { raw: string | null }) {
  return (
    <NoSuchItem title="No such request" backHref="/audits/" backLabel="The audit registry">
      {raw === null || raw === ''
        ? 'The address names no request: it needs ?id= and a request number.'
        : 'There is no audit request with this number. Request numbers start at 0.'}
    </NoSuchItem>
  );
}

/** The request named by `?id=`. Must sit inside <Suspense>: it reads the query string. */
export function RequestDetailPage() {
  const params = useSearchParams();
  const raw = params.get('id');
  const id = parseRequestId(raw);
  return (
    <DeployedGate contracts={['AuditRegistry']} feature="The audit registry">
      {({ AuditRegistry }) =>
        id === undefined ? (
          <NoSuchRequest raw={raw} />
        ) : (
          <RequestView key={id.toString()} registry={AuditRegistry} id={id} raw={raw} />
        )
      }
    </DeployedGate>
  );
}

/** The page of request `id` on `registry` (exported for the chain DOM tests, which name their own registry). */
export function RequestView({ registry, id, raw }: { registry: Address; id: bigint; raw: string | null }) {
  const data = useAuditRequest(registry, id);
  if (data.missing) return <NoSuchRequest raw={raw} />;
  return (
    <QueryState
      query={data}
      what={`Request #${id.toString()}`}
      loading={<p className="text-sm text-slate-300">Loading request #{id.toString()}…</p>}
    >
      {({ request, reports }) => (
        <RequestBody registry={registry} request={request} reports={reports} complexity={data.complexity} />
      )}
    </QueryState>
  );
}

function RequestBody({
  registry,
  request: q,
  reports,
  complexity,
}: {
  registry: Address;
  request: AuditRequest;
  reports: readonly AuditReport[];
  complexity: bigint | undefined;
}) {
  const { address } = useAccount();
  const roles = useRoles(registry, address);
  const karmaParams = useKarmaParameters(registry);
  const actions = requestActions({ state: q.state, reports, account: address, ...roles });
  // Finished, with no signed report left to reveal: nothing anyone can do.
  const closed =
    q.state === RequestState.Rejected || (q.state === RequestState.Completed && awaitingReveal(reports).length === 0);
  const role = roles.isManager ? 'manager' : roles.isAuditor ? 'auditor' : address ? 'neither' : 'none';

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <AuditsNav />
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">Audit request #{q.id.toString()}</h1>
          <RequestStateBadge state={q.state} />
          {q.state === RequestState.Completed && <VerdictBadge passed={q.passed} />}
        </div>
      </div>
      <RequestOutcome request={q} reports={reports} />
      <RequestContract request={q} />
      <RequestTimeline request={q} />
      <ReportsTable reports={reports} />
      <RevealedReports registry={registry} requestId={q.id} reports={reports} />
      <DeliveredReports
        registry={registry}
        requestId={q.id}
        reports={envelopeReportsOf(reports)}
        revealState={
          complexity === 0n
            ? refused(
                'the audited contract is not on this chain, so the “Reveal a report” form reveals it, with its code size.',
              )
            : actions.reveal
        }
        revealAction={
          roles.isManager
            ? (report, input) => (
                <InboxRevealAction
                  registry={registry}
                  id={q.id}
                  report={report}
                  input={input}
                  action={actions.reveal}
                  complexity={complexity}
                />
              )
            : undefined
        }
      />
      <p className="text-sm text-slate-400" data-testid="my-role">
        {closed && 'This request is closed: nothing more can be done on it. '}
        {role === 'manager' && 'You are a manager of the registry.'}
        {role === 'auditor' && 'You are an auditor of the registry.'}
        {role === 'neither' &&
          !closed &&
          'Your account is neither a manager nor an auditor: there is nothing for you to do here.'}
        {role === 'none' && !closed && 'Connect a wallet to act on this request.'}
      </p>
      {(role === 'manager' || role === 'none') && (
        <ManagerActions
          registry={registry}
          request={q}
          reports={reports}
          actions={actions}
          complexity={complexity}
          karmaParams={karmaParams}
        />
      )}
      {(role === 'auditor' || role === 'none') && !isFinished(q.state) && (
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
