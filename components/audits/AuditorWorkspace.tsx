'use client';

import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import { zeroAddress, type Address, type ContractFunctionParameters } from 'viem';
import { useAccount, useReadContracts } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { contractAddress } from '@/lib/chain/deployments';
import { formatCloWithUnit } from '@/lib/format/clo';
import { formatDuration } from '@/lib/format/time';
import { RequestState, requestStateLabel } from '@/lib/audits/requests';
import {
  AUDITS_PAGE_SIZE,
  chainLabel,
  recentEndedPeriods,
  requestActions,
  requestHref,
  type AuditMember,
  type AuditReport,
  type AuditRequest,
  rollOverAction,
} from '@/lib/audits/view';
import { newestFirstPage } from '@/lib/governance/view';
import { DataTable } from '@/components/ui/DataTable';
import { useNetwork } from '@/components/ui/NetworkContext';
import { Button, Card, NotDeployed, ReadFailed, Stat } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useChainNow } from '@/components/ui/chainDisplay';
import { CommitReportForm } from './CommitReportForm';
import { Pager } from '@/components/ui/Pager';
import { PageHeading } from './shared';
import { DateAt, ExternalLink, ok } from '@/components/ui/chainDisplay';
import { inputClass } from '@/components/ui/FormField';

/** How many ended payout periods the workspace asks `claimable` about. */
const PERIODS_SHOWN = 4;
/** Auditors are a small team; one read of this many covers it (the leaderboard pages beyond). */
const MEMBERS_READ = 200n;

export function AuditorWorkspace() {
  const { chain } = useNetwork();
  const registry = contractAddress(chain.id, 'AuditRegistry');
  return (
    <div className="space-y-6">
      <PageHeading title="Auditor workspace">
        Commit the hash of your private report, follow your reports, karma and active status, and claim your share of
        each ended payout period.
      </PageHeading>
      {registry ? <Workspace registry={registry} /> : <NotDeployed feature="The audit registry" network={chain.name} />}
    </div>
  );
}

function Workspace({ registry }: { registry: Address }) {
  const { address } = useAccount();
  const who = address ?? zeroAddress;
  const r = { address: registry, abi: auditRegistryAbi } as const;
  const [page, setPage] = useState(0);
  const { now } = useChainNow();

  const first = useReadContracts({
    allowFailure: true,
    contracts: [
      { ...r, functionName: 'is_auditor', args: [who] },
      { ...r, functionName: 'request_count' },
      { ...r, functionName: 'current_period' },
      { ...r, functionName: 'karma_per_kb' },
      { ...r, functionName: 'error_penalty' },
      { ...r, functionName: 'active_period' },
      { ...r, functionName: 'payout_period' },
      { ...r, functionName: 'genesis' },
      { ...r, functionName: 'get_auditors', args: [0n, MEMBERS_READ] },
    ],
  });
  const d = first.data;
  const isAuditor = address ? ok(d?.[0]) === true : false;
  const requestCount = ok(d?.[1]);
  const currentPeriod = ok(d?.[2]);
  const karmaPerKb = ok(d?.[3]);
  const errorPenalty = ok(d?.[4]);
  const activePeriod = ok(d?.[5]);
  const payoutPeriod = ok(d?.[6]);
  const genesis = ok(d?.[7]);
  const auditors = ok(d?.[8]) as readonly AuditMember[] | undefined;
  const me = address ? auditors?.find((m) => m.account.toLowerCase() === address.toLowerCase()) : undefined;

  const range = requestCount === undefined ? undefined : newestFirstPage(requestCount, page, AUDITS_PAGE_SIZE);
  const periods = currentPeriod === undefined ? [] : recentEndedPeriods(currentPeriod, PERIODS_SHOWN);
  // One multicall: the page of requests and, per recent ended period, what is claimable, the karma and the claim.
  const secondCalls: ContractFunctionParameters<typeof auditRegistryAbi, 'view'>[] = [
    { ...r, functionName: 'get_requests', args: [range?.offset ?? 0n, range?.limit ?? 0n] },
    ...periods.map((p) => ({ ...r, functionName: 'claimable' as const, args: [p, who] as const })),
    ...periods.map((p) => ({ ...r, functionName: 'karma_in_period' as const, args: [p, who] as const })),
    ...periods.map((p) => ({ ...r, functionName: 'claimed' as const, args: [p, who] as const })),
    ...periods.map((p) => ({ ...r, functionName: 'period_budget' as const, args: [p] as const })),
    ...periods.map((p) => ({ ...r, functionName: 'total_karma_in_period' as const, args: [p] as const })),
    { ...r, functionName: 'period_budget', args: [currentPeriod ?? 0n] },
    { ...r, functionName: 'rolled_over_into', args: [currentPeriod ?? 0n] },
  ];
  const second = useReadContracts({
    allowFailure: true,
    contracts: secondCalls,
    query: { enabled: range !== undefined },
  });
  const periodRead = (kind: number, i: number) => ok(second.data?.[1 + kind * periods.length + i]);
  const currentBudget = ok(second.data?.[1 + 5 * periods.length]) as bigint | undefined;
  const currentRolledOver = ok(second.data?.[2 + 5 * periods.length]) as bigint | undefined;
  const requests = useMemo(() => {
    const rows = ok(second.data?.[0]) as readonly AuditRequest[] | undefined;
    return rows ? [...rows].reverse() : undefined;
  }, [second.data]);

  const third = useReadContracts({
    allowFailure: true,
    contracts: (requests ?? []).map((q) => ({ ...r, functionName: 'get_reports' as const, args: [q.id] as const })),
    query: { enabled: requests !== undefined && requests.length > 0 },
  });
  const reportsById = useMemo(() => {
    const map = new Map<string, readonly AuditReport[]>();
    (requests ?? []).forEach((q, i) => {
      const rows = ok(third.data?.[i]) as readonly AuditReport[] | undefined;
      if (rows) map.set(q.id.toString(), rows);
    });
    return map;
  }, [requests, third.data]);

  const mine = useMemo(() => {
    if (!address || !requests) return [];
    return requests.flatMap((q) => {
      const report = reportsById.get(q.id.toString())?.find((x) => x.auditor.toLowerCase() === address.toLowerCase());
      return report ? [{ request: q, report }] : [];
    });
  }, [address, requests, reportsById]);

  const open = (requests ?? []).filter((q) => q.state === RequestState.Approved || q.state === RequestState.InProgress);

  if (first.error && !first.data) {
    return <ReadFailed what="The audit registry" onRetry={() => void first.refetch()} />;
  }

  return (
    <>
      <Card title="You">
        {!address ? (
          <p className="text-sm text-slate-300">Connect an auditor’s wallet to commit reports and claim payouts.</p>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-300" data-testid="auditor-role">
              {isAuditor
                ? 'You are an auditor of the registry.'
                : me
                  ? 'You were removed as an auditor: you cannot commit new reports, but you may still claim karma earned.'
                  : 'Your account is not an auditor. A manager adds auditors (see the manager console).'}
            </p>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              <Stat
                label="Karma"
                value={d ? <span data-testid="my-karma">{(me?.karma ?? 0n).toString()}</span> : undefined}
              />
              <Stat label="Reports revealed" value={d ? (me?.reports_revealed ?? 0n).toString() : undefined} />
              <Stat
                label="Active until"
                value={d ? me && me.active_until > 0n ? <DateAt at={me.active_until} /> : 'Never active' : undefined}
                hint={me && me.active_until > BigInt(now) ? 'Active now' : 'Not active now'}
              />
              <Stat label="Contact" value={d ? <span className="break-all">{me?.contact || '—'}</span> : undefined} />
            </dl>
          </>
        )}
      </Card>

      <CommitCard registry={registry} open={open} reportsById={reportsById} account={address} isAuditor={isAuditor} />

      <Card title="My reports">
        <p className="mb-2 text-xs text-slate-400">From the requests on the loaded page (newest first).</p>
        {!address ? (
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
        <Pager page={range?.page ?? 0} pageCount={range?.pageCount ?? 1} onPage={setPage} label="Request pages" />
      </Card>

      <Card title="Payouts">
        <p className="mb-3 text-sm text-slate-300">
          Each payout period
          {payoutPeriod !== undefined ? ` (${formatDuration(Number(payoutPeriod))})` : ''} has a budget; after it ends,
          each auditor claims budget × own karma ÷ all karma earned in it, once. The budget of a period in which nobody
          earned karma is not lost: anyone rolls it over to the current period.
          {currentPeriod !== undefined && genesis !== undefined && payoutPeriod !== undefined && (
            <>
              {' '}
              Now period {currentPeriod.toString()}, ending{' '}
              <DateAt at={genesis + (currentPeriod + 1n) * payoutPeriod} />.
            </>
          )}
        </p>
        {currentBudget !== undefined && (
          <p className="mb-3 text-sm text-slate-300" data-testid="current-budget">
            This period’s budget: {formatCloWithUnit(currentBudget)}
            {currentRolledOver
              ? `, of which ${formatCloWithUnit(currentRolledOver)} rolled over from earlier periods`
              : ''}
            .
          </p>
        )}
        {periods.length === 0 ? (
          <p className="text-sm text-slate-300">No payout period has ended yet.</p>
        ) : (
          <DataTable
            caption="Claimable payouts by ended period"
            columns={[
              { label: 'Period' },
              { label: 'Budget', align: 'right' },
              { label: 'Your karma', align: 'right' },
              { label: 'Claimable', align: 'right' },
              { label: 'Claim', hiddenLabel: true },
            ]}
            minWidth="36rem"
          >
            {periods.map((p, i) => (
              <PeriodRow
                key={p.toString()}
                registry={registry}
                period={p}
                account={address}
                claimable={periodRead(0, i) as bigint | undefined}
                karma={periodRead(1, i) as bigint | undefined}
                claimed={periodRead(2, i) as boolean | undefined}
                budget={periodRead(3, i) as bigint | undefined}
                totalKarma={periodRead(4, i) as bigint | undefined}
                currentPeriod={currentPeriod}
              />
            ))}
          </DataTable>
        )}
      </Card>

      <Card title="How karma is counted">
        <p className="text-sm text-slate-300" data-testid="karma-formula">
          A revealed report earns {karmaPerKb === undefined ? '…' : karmaPerKb.toString()} karma for each started KiB
          (1024 bytes) of the audited contract’s code, less {errorPenalty === undefined ? '…' : errorPenalty.toString()}{' '}
          for each error it missed (a vulnerability another auditor found), never below zero. The code size is measured
          on chain when the contract is on this chain; otherwise the manager gives it. A report that was not late keeps
          you active for {activePeriod === undefined ? '…' : formatDuration(Number(activePeriod))} after its reveal.
        </p>
        {karmaPerKb !== undefined && errorPenalty !== undefined && (
          <p className="mt-2 text-sm text-slate-400">
            Example: a 5,000-byte contract (5 started KiB) with 1 error earns{' '}
            {(() => {
              const gross = karmaPerKb * 5n;
              return (gross > errorPenalty ? gross - errorPenalty : 0n).toString();
            })()}{' '}
            karma.
          </p>
        )}
      </Card>
    </>
  );
}

function CommitCard({
  registry,
  open,
  reportsById,
  account,
  isAuditor,
}: {
  registry: Address;
  open: readonly AuditRequest[];
  reportsById: Map<string, readonly AuditReport[]>;
  account: Address | undefined;
  isAuditor: boolean;
}) {
  const [picked, setPicked] = useState('');
  const id = `${useId()}-request`;
  const chosen = open.find((q) => q.id.toString() === picked) ?? open[0];
  const reports = chosen ? (reportsById.get(chosen.id.toString()) ?? []) : [];
  const myReport = account ? reports.find((x) => x.auditor.toLowerCase() === account.toLowerCase()) : undefined;
  const action = chosen
    ? requestActions({ state: chosen.state, reports, account, isManager: false, isAuditor }).commit
    : { shown: true, enabled: false, reason: 'No request on this page is approved or in progress' };
  return (
    <Card title="Commit a report">
      {open.length === 0 ? (
        <p className="text-sm text-slate-300">No request on the loaded page is approved or in progress.</p>
      ) : (
        <div className="mb-4">
          <label htmlFor={id} className="block text-sm font-medium">
            Request to audit
          </label>
          <select
            id={id}
            value={chosen?.id.toString() ?? ''}
            onChange={(e) => setPicked(e.target.value)}
            className={inputClass}
          >
            {open.map((q) => (
              <option key={q.id.toString()} value={q.id.toString()}>
                #{q.id.toString()} {requestStateLabel(q.state)}: {q.contract_address} ({chainLabel(q.chain_id)})
              </option>
            ))}
          </select>
          {chosen && (
            <p className="mt-1 text-xs break-words text-slate-400">
              {chosen.description}{' '}
              <Link href={requestHref(chosen.id)} className="text-teal-300 underline underline-offset-2">
                Request #{chosen.id.toString()}
              </Link>
            </p>
          )}
        </div>
      )}
      {chosen && (
        <CommitReportForm
          key={chosen.id.toString()}
          registry={registry}
          requestId={chosen.id}
          myReport={myReport}
          action={action}
        />
      )}
      {!chosen && !action.enabled && <p className="text-sm text-slate-400">{action.reason}.</p>}
    </Card>
  );
}

function PeriodRow({
  registry,
  period,
  account,
  claimable,
  karma,
  claimed,
  budget,
  totalKarma,
  currentPeriod,
}: {
  registry: Address;
  period: bigint;
  account: Address | undefined;
  claimable: bigint | undefined;
  karma: bigint | undefined;
  claimed: boolean | undefined;
  budget: bigint | undefined;
  totalKarma: bigint | undefined;
  currentPeriod: bigint | undefined;
}) {
  const tx = useTransaction();
  const rollOver = useTransaction();
  const rollOverState =
    budget !== undefined && totalKarma !== undefined ? rollOverAction(budget, totalKarma) : undefined;
  const reason = !account
    ? 'Connect a wallet'
    : claimed
      ? 'Already claimed'
      : !karma
        ? 'No karma earned in this period'
        : !claimable
          ? 'Nothing to claim: the period had no budget'
          : undefined;
  const reasonId = `claim-reason-${period.toString()}`;
  return (
    <tr data-testid="payout-row">
      <td className="py-2 pr-4">Period {period.toString()}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{budget === undefined ? '…' : formatCloWithUnit(budget)}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{karma === undefined ? '…' : karma.toString()}</td>
      <td className="py-2 pr-4 text-right tabular-nums">
        {claimable === undefined ? '…' : formatCloWithUnit(claimable)}
      </td>
      <td className="py-2">
        <Button
          variant="secondary"
          disabled={reason !== undefined || tx.isBusy}
          aria-describedby={reason ? reasonId : undefined}
          aria-label={`Claim period ${period.toString()}`}
          onClick={() =>
            void tx.send(
              { address: registry, abi: auditRegistryAbi, functionName: 'claim', args: [period] },
              { successMessage: `Claimed ${formatCloWithUnit(claimable ?? 0n)} for period ${period.toString()}` },
            )
          }
        >
          Claim
        </Button>
        {reason && (
          <span id={reasonId} className="ml-2 text-xs text-slate-400">
            {reason}
          </span>
        )}
        {rollOverState?.enabled && (
          <div className="mt-2">
            <Button
              variant="secondary"
              disabled={rollOver.isBusy}
              aria-describedby={`roll-over-note-${period.toString()}`}
              aria-label={`Roll over period ${period.toString()}`}
              onClick={() =>
                void rollOver.send(
                  { address: registry, abi: auditRegistryAbi, functionName: 'roll_over', args: [period] },
                  {
                    successMessage: `Rolled ${formatCloWithUnit(budget ?? 0n)} of period ${period.toString()} over to period ${(currentPeriod ?? 0n).toString()}`,
                  },
                )
              }
            >
              Roll over
            </Button>
            <span id={`roll-over-note-${period.toString()}`} className="ml-2 text-xs text-slate-400">
              Nobody earned karma in this period: anyone moves its budget to the current period.
            </span>
          </div>
        )}
        <TxStatus state={rollOver.state} />
        <TxStatus state={tx.state} />
      </td>
    </tr>
  );
}
