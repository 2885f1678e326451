'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useSearchParams } from 'next/navigation';
import type { Address } from 'viem';
import { useAccount } from 'wagmi';
import {
  ProposalKind,
  executionFailed,
  isAuditManagerKind,
  isHostNodeKind,
  evaluationDeadline,
  proposalStatusLabel,
  reasonToMessage,
  votingWindow,
  type Proposal,
} from '@/lib/governance/proposal';
import { payeeNote, proposalActions } from '@/lib/governance/actions';
import { formatMb, MB_NOTE } from '@/lib/governance/hostNodes';
import { parseProposalId } from '@/lib/governance/paging';
import { describeParameterChange } from '@/lib/governance/parameters';
import { formatBps } from '@/lib/format/percent';
import { isEvaluated, quorumBase, tallySummary } from '@/lib/governance/tallies';
import { executionLabel, executionTarget, kindLabel } from '@/lib/governance/terms';
import { AddressText } from '@/components/ui/AddressText';
import { Card, ReadFailed } from '@/components/ui/primitives';
import { DeployedGate } from '@/components/ui/DeployedGate';
import { NoSuchItem } from '@/components/ui/NoSuchItem';
import { OtherActions, VotePanel } from './ProposalActionsPanel';
import { RefundPanel } from './RefundPanel';
import { ProposalDescription } from './ProposalDescription';
import { TallyBars } from './TallyBars';
import { VotersList } from './VotersList';
import { EndpointText, StatusBadge, proposalHref } from '@/components/governance/pageParts';
import { Countdown, DateAt, useChainNow, useRefetchWhenPassed } from '@/components/ui/chainDisplay';
import { useProposalPage, type ProposalPageData } from './hooks/useProposalPage';
import { useGovernanceEvents } from './hooks/useGovernanceEvents';
import { Amount } from '@/components/ui/Amount';
import { plural } from '@/lib/format/plural';
import { SafeText } from '@/components/ui/SafeText';

function BackLink() {
  return (
    <Link href="/governance/" className="text-sm text-teal-300 underline underline-offset-2">
      ← All proposals
    </Link>
  );
}

function NoSuchProposal({ raw }: { raw: string | null }) {
  return (
    <NoSuchItem title="No such proposal" backHref="/governance/" backLabel="All proposals">
      {raw === null || raw === ''
        ? 'The address names no proposal: it needs ?id= and a proposal number.'
        : 'There is no proposal with this number. Proposal numbers start at 0.'}
    </NoSuchItem>
  );
}

/** The proposal named by `?id=` in the address. Must sit inside <Suspense>: it reads the query string. */
export function ProposalDetailPage() {
  const params = useSearchParams();
  const raw = params.get('id');
  const id = parseProposalId(raw);
  return (
    <DeployedGate contracts={['TreasuryGovernance', 'ColdStaking']} feature="Treasury governance">
      {(a) =>
        id === undefined ? (
          <NoSuchProposal raw={raw} />
        ) : (
          <ProposalView
            key={id.toString()}
            governance={a.TreasuryGovernance}
            staking={a.ColdStaking}
            id={id}
            raw={raw}
          />
        )
      }
    </DeployedGate>
  );
}

function ProposalView({
  governance,
  staking,
  id,
  raw,
}: {
  governance: Address;
  staking: Address;
  id: bigint;
  raw: string | null;
}) {
  const { address } = useAccount();
  const { data, missing, error, refetch } = useProposalPage(governance, staking, id, address);
  // The page's events (votes, refusals, ended salaries) are one cached scan of the contract, whatever the proposal:
  // started with the proposal's reads rather than after them, its first requests ride in their batch.
  useGovernanceEvents(governance);
  const clock = useChainNow();
  const boundary = data
    ? (() => {
        const w = votingWindow(data.proposal.voting_epoch, data.genesis, data.epochLength);
        // The next moment the page's state can change by time alone: the vote opening, closing, then the end
        // of the evaluation epoch (after which the proposal can only expire).
        if (data.currentEpoch < data.proposal.voting_epoch) return w.start;
        return data.currentEpoch === data.proposal.voting_epoch ? w.end : w.end + data.epochLength;
      })()
    : undefined;
  useRefetchWhenPassed(boundary, clock.now, () => Promise.all([refetch(), clock.refetch()]));

  if (missing) return <NoSuchProposal raw={raw} />;
  if (!data) {
    return (
      <div className="space-y-4">
        <BackLink />
        {error ? (
          <ReadFailed what="The proposal" error={error} onRetry={() => void refetch()} />
        ) : (
          <Card>
            <p role="status" className="text-sm text-slate-300">
              Loading proposal {id.toString()}…
            </p>
          </Card>
        )}
      </div>
    );
  }
  return <ProposalBody governance={governance} data={data} account={address} now={clock.now} />;
}

/** Why the audit registry or the file system refused an accepted proposal, from its ExecutionFailed event.
 * Optional: without it the page still says that the action did not take effect. */
function RefusalReason({ governance, proposal }: { governance: Address; proposal: Proposal }) {
  const target = executionTarget(proposal) ?? 'the contract';
  const events = useGovernanceEvents(governance);
  const reason = events.logs.findLast((log) => log.eventName === 'ExecutionFailed' && log.args.id === proposal.id);
  if (reason?.eventName !== 'ExecutionFailed') return null;
  return (
    <span className="block text-xs text-slate-300" data-testid="execution-failed-reason">
      {target.charAt(0).toUpperCase() + target.slice(1)} said: {reasonToMessage(reason.args.reason)}
    </span>
  );
}

/**
 * The salary an executed removal ended, from the SalaryEnded event: on an election, which removal ended it; on a
 * removal, whose salary it ended. No event on an executed removal means the node drew no salary with epochs left
 * (elected at deployment, or its election's epochs all passed).
 */
function SalaryEndedNote({ governance, proposal }: { governance: Address; proposal: Proposal }) {
  const events = useGovernanceEvents(governance);
  const election = proposal.kind === ProposalKind.ElectHostNode;
  // Until the scan is complete, "no event" is not yet an answer.
  if (events.status !== 'complete') return null;
  const found = events.logs.findLast(
    (log) =>
      log.eventName === 'SalaryEnded' && (election ? log.args.id === proposal.id : log.args.removal_id === proposal.id),
  );
  const e =
    found?.eventName === 'SalaryEnded'
      ? {
          election: found.args.id,
          removal: found.args.removal_id,
          epochs: found.args.epochs_cancelled,
          amount: found.args.amount,
        }
      : null;
  if (election) {
    if (!e) return null;
    return (
      <Field label="Salary ended" testId="salary-ended">
        By the removal{' '}
        <Link href={proposalHref(e.removal)} className="text-teal-300 underline underline-offset-2">
          #{e.removal.toString()}
        </Link>
        : {plural(e.epochs, 'epoch')} cancelled, <Amount wei={e.amount} /> released
      </Field>
    );
  }
  return (
    <Field label="Salary" testId="salary-ended">
      {e ? (
        <>
          Ended the node’s salary from the election{' '}
          <Link href={proposalHref(e.election)} className="text-teal-300 underline underline-offset-2">
            #{e.election.toString()}
          </Link>
          : {plural(e.epochs, 'later epoch')} cancelled, <Amount wei={e.amount} /> released
        </>
      ) : (
        'No salary to end: the node had no election with epochs left after this one'
      )}
    </Field>
  );
}

/** An election's or a removal's terms: the node, and for an election its endpoint, capacity and salary; then
 * whether the file system took it, and the salary a removal ended. */
function HostNodeSummary({
  governance,
  proposal: p,
  dueEpochs,
}: {
  governance: Address;
  proposal: Proposal;
  dueEpochs: bigint;
}) {
  const execution = executionLabel(p);
  const election = p.kind === ProposalKind.ElectHostNode;
  return (
    <>
      <Field label="Change" testId="proposal-terms">
        {kindLabel(p.kind)}
      </Field>
      <Field label="Node" testId="proposal-subject">
        <AddressText address={p.subject} />
      </Field>
      {election && (
        <>
          <Field label="Endpoint" testId="proposal-endpoint">
            <EndpointText endpoint={p.contact} testId="proposal-endpoint-text" />
          </Field>
          <Field label="Capacity" testId="proposal-capacity">
            {formatMb(p.param_value)} <span className="text-xs text-slate-400">({MB_NOTE})</span>
          </Field>
          <Field label="Salary" testId="proposal-salary">
            <Amount wei={p.amount_per_epoch} /> × {plural(p.epochs, 'epoch')} ={' '}
            <Amount wei={p.amount_per_epoch * BigInt(p.epochs)} />
          </Field>
          {p.first_pay_epoch > 0n && (
            <Field label="Payments" testId="proposal-payments">
              {p.paid_epochs} of {plural(p.epochs, 'epoch')} paid, from epoch {p.first_pay_epoch.toString()}
              {dueEpochs > 0n && `; ${dueEpochs.toString()} due now`}
            </Field>
          )}
        </>
      )}
      {execution && (
        <Field label="Outcome" testId="proposal-execution">
          {execution}
          {executionFailed(p) && <RefusalReason governance={governance} proposal={p} />}
          {election && executionFailed(p) && (
            <span className="block text-xs text-slate-400">No salary is committed or paid for a refused election.</span>
          )}
        </Field>
      )}
      {execution === 'Took effect' && <SalaryEndedNote governance={governance} proposal={p} />}
    </>
  );
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs tracking-wide text-slate-400 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-100" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

const isFundingKind = (kind: number) => kind === ProposalKind.Funding;

function ProposalBody({
  governance,
  data,
  account,
  now,
}: {
  governance: Address;
  data: ProposalPageData;
  account: Address | undefined;
  now: number;
}) {
  const p = data.proposal;
  const isFunding = isFundingKind(p.kind);
  const label = proposalStatusLabel(p, data.currentEpoch);
  const voteWindow = votingWindow(p.voting_epoch, data.genesis, data.epochLength);
  // Decided by the quorum in force at submission, against the stake at the end of the vote.
  const summary = tallySummary(p, quorumBase(p, data.totalStaked), BigInt(p.quorum_bps));
  const evaluateBy = evaluationDeadline(p.voting_epoch, data.genesis, data.epochLength);
  const toStaking = isFunding ? payeeNote(p.payee, data.staking) : undefined;
  const actions = proposalActions({
    proposal: p,
    currentEpoch: data.currentEpoch,
    genesis: data.genesis,
    epochLength: data.epochLength,
    account,
    stake: data.myStake,
    dueEpochs: data.dueEpochs,
    availableBalance: data.availableBalance,
  });
  const execution = executionLabel(p);

  return (
    <div className="space-y-6">
      <BackLink />
      <div>
        <p className="text-sm text-slate-400">
          Proposal #{p.id.toString()} · {kindLabel(p.kind)}
        </p>
        <div className="mt-1 flex flex-wrap items-start gap-3">
          <h1 className="min-w-0 text-2xl font-bold tracking-tight break-words" data-testid="proposal-title">
            <SafeText text={p.title} kind="name" />
          </h1>
          <StatusBadge label={label} />
        </div>
      </div>

      <Card title="Summary">
        <dl className="grid gap-4 sm:grid-cols-2">
          {isFunding ? (
            <>
              <Field label="Asks for" testId="proposal-terms">
                <Amount wei={p.amount_per_epoch} /> × {plural(p.epochs, 'epoch')} ={' '}
                <Amount wei={p.amount_per_epoch * BigInt(p.epochs)} />
              </Field>
              <Field label="Payee" testId="proposal-payee">
                <AddressText address={p.payee} />
                {toStaking && (
                  <span className="block text-xs text-slate-300" data-testid="payee-note">
                    {toStaking}
                  </span>
                )}
              </Field>
              {p.first_pay_epoch > 0n && (
                <Field label="Payments">
                  {p.paid_epochs} of {plural(p.epochs, 'epoch')} paid, from epoch {p.first_pay_epoch.toString()}
                  {data.dueEpochs > 0n && `; ${data.dueEpochs.toString()} due now`}
                </Field>
              )}
            </>
          ) : isAuditManagerKind(p.kind) ? (
            <>
              <Field label="Change" testId="proposal-terms">
                {kindLabel(p.kind)}
              </Field>
              <Field label="Audit manager" testId="proposal-subject">
                <AddressText address={p.subject} />
              </Field>
              {p.kind === ProposalKind.AppointAuditManager && (
                <Field label="Manager contact" testId="proposal-contact">
                  <SafeText text={p.contact} kind="name" />
                </Field>
              )}
              {execution && (
                <Field label="Outcome" testId="proposal-execution">
                  {execution}
                  {executionFailed(p) && <RefusalReason governance={governance} proposal={p} />}
                </Field>
              )}
            </>
          ) : isHostNodeKind(p.kind) ? (
            <HostNodeSummary governance={governance} proposal={p} dueEpochs={data.dueEpochs} />
          ) : (
            <>
              <Field label="Change" testId="proposal-terms">
                {p.kind === ProposalKind.SetParameter ? describeParameterChange(p) : kindLabel(p.kind)}
              </Field>
              {execution && (
                <Field label="Outcome" testId="proposal-execution">
                  {execution}
                  {executionFailed(p) && <RefusalReason governance={governance} proposal={p} />}
                </Field>
              )}
            </>
          )}
          <Field label="Author">
            <AddressText address={p.author} />
          </Field>
          <Field label="Deposit">
            <Amount wei={p.deposit} /> (credited back to the author at evaluation or expiry, to withdraw under “Your
            refunds”; sent back at once if the author withdraws the proposal)
          </Field>
          <Field label="Quorum" testId="proposal-quorum">
            {formatBps(p.quorum_bps)} of the CLO staked at the end of the vote (the quorum when it was submitted)
          </Field>
          <Field label="Voting window" testId="voting-window">
            Epoch {p.voting_epoch.toString()}: <DateAt at={voteWindow.start} /> to <DateAt at={voteWindow.end} />
            {label === 'Voting' && (
              <>
                {' '}
                (ends <Countdown at={voteWindow.end} now={now} />)
              </>
            )}
            {label === 'Pending vote' && (
              <>
                {' '}
                (opens <Countdown at={voteWindow.start} now={now} />)
              </>
            )}
          </Field>
          {(label === 'Voting' || label === 'Pending vote' || label === 'Awaiting evaluation') && (
            <Field label="Evaluation" testId="evaluation-deadline">
              Evaluate by <DateAt at={evaluateBy} />
              {label === 'Awaiting evaluation' && (
                <>
                  {' '}
                  (<Countdown at={evaluateBy} now={now} />)
                </>
              )}
              : anyone may, during the epoch after the vote; afterwards the proposal can only expire.
            </Field>
          )}
          {label === 'Expired' && (
            <Field label="Evaluation" testId="evaluation-deadline">
              Nobody evaluated it by <DateAt at={evaluateBy} />: it expired and nothing was carried out.
            </Field>
          )}
        </dl>
      </Card>

      <Card title="Votes">
        <TallyBars summary={summary} atEvaluation={isEvaluated(p)} />
      </Card>

      <VotePanel
        governance={governance}
        account={account}
        data={data}
        actions={actions}
        voteWindow={voteWindow}
        summary={summary}
      />
      <OtherActions governance={governance} data={data} actions={actions} />
      {account && account.toLowerCase() === p.author.toLowerCase() && (
        <RefundPanel governance={governance} account={account} />
      )}
      <ProposalDescription url={p.description_url} hash={p.description_hash} />
      <VotersList governance={governance} id={p.id} />
    </div>
  );
}
