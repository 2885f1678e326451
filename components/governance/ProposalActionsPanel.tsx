'use client';

import type { ReactNode } from 'react';
import type { Address } from 'viem';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { formatCloReadable } from '@/lib/format/clo';
import { formatDateTime } from '@/lib/format/time';
import { ProposalKind, VoteChoice } from '@/lib/governance/proposal';
import { type ProposalAction, type ProposalActions } from '@/lib/governance/actions';
import { choiceName } from '@/lib/governance/voters';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { closedVoteOutcome, closedVoteSentence } from '@/lib/governance/closedVote';
import type { TallySummary } from '@/lib/governance/tallies';
import { DateAt } from '@/components/ui/chainDisplay';
import { VotingPower } from './VotingPower';
import type { ProposalPageData } from './hooks/useProposalPage';
import { Amount } from '@/components/ui/Amount';
import { plural } from '@/lib/format/plural';

function Reason({ state, id }: { state: ProposalAction; id: string }) {
  if (state.allowed) return null;
  return (
    <p id={id} className="mt-1 text-xs text-slate-400" data-testid={id}>
      {state.reason}
      {state.at !== undefined ? ` ${formatDateTime(state.at)}` : ''}.
    </p>
  );
}

const CHOICES = [
  { choice: VoteChoice.For, word: 'FOR', variant: 'primary' },
  { choice: VoteChoice.Against, word: 'AGAINST', variant: 'danger' },
  { choice: VoteChoice.Abstain, word: 'ABSTAIN', variant: 'secondary' },
] as const;

interface Props {
  governance: Address;
  account: Address | undefined;
  data: ProposalPageData;
  actions: ProposalActions;
  voteWindow: { start: bigint; end: bigint };
  /** The tallies against the quorum, for what a closed vote amounts to. */
  summary: TallySummary;
}

/** Vote, with the account's power and its current vote; then the other actions that apply to this proposal. */
export function VotePanel({ governance, account, data, actions, voteWindow, summary }: Props) {
  const tx = useTransaction();
  const { proposal: p, myVote, myStake, currentEpoch } = data;
  if (!actions.vote.shown) return null;
  const voted = myVote && myVote.choice !== VoteChoice.None ? myVote : undefined;
  // A finished vote shows what happened and what comes next, not a Vote card that can no longer be used.
  if (currentEpoch > p.voting_epoch && tx.state.phase === 'idle') {
    return <ClosedVote data={data} actions={actions} closedAt={voteWindow.end} summary={summary} voted={voted} />;
  }
  const open = currentEpoch === p.voting_epoch;

  return (
    <Card title={voted ? 'Change your vote' : 'Vote'}>
      <VotingPower
        account={account}
        stake={myStake}
        open={open}
        opensAt={currentEpoch < p.voting_epoch ? voteWindow.start : undefined}
        endsAt={voteWindow.end}
      />
      {voted && (
        <p className="mt-3 text-sm" data-testid="my-vote">
          Your vote: <strong>{choiceName(voted.choice)?.toUpperCase()}</strong> with <Amount wei={voted.weight} />.
          Voting again moves it to the new choice with your current stake.
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label="Your vote">
        {CHOICES.map(({ choice, word, variant }) => (
          <Button
            key={word}
            variant={variant}
            disabled={!actions.vote.allowed || tx.isBusy}
            aria-pressed={voted ? voted.choice === choice : undefined}
            aria-describedby={actions.vote.allowed ? undefined : 'vote-reason'}
            onClick={() =>
              tx.send(
                {
                  address: governance,
                  abi: treasuryGovernanceAbi,
                  functionName: 'vote',
                  args: [p.id, choice],
                },
                { successMessage: `Voted ${word}${myStake ? ` with ${formatCloReadable(myStake)}` : ''}` },
              )
            }
          >
            Vote {word}
          </Button>
        ))}
      </div>
      <Reason state={actions.vote} id="vote-reason" />
      <TxStatus state={tx.state} />
    </Card>
  );
}

/** The vote is over and not evaluated yet: when it closed, where it stands, and who may evaluate it until when. */
function ClosedVote({
  data,
  actions,
  closedAt,
  summary,
  voted,
}: {
  data: ProposalPageData;
  actions: ProposalActions;
  closedAt: bigint;
  summary: TallySummary;
  voted: NonNullable<ProposalPageData['myVote']> | undefined;
}) {
  const p = data.proposal;
  const outcome = closedVoteOutcome(p, summary);
  return (
    <Card title="Vote closed">
      <div className="space-y-2 text-sm text-slate-300" data-testid="vote-closed">
        <p>
          The vote closed on <DateAt at={closedAt} />. Result so far:{' '}
          {summary.rows.map((row) => `${row.choice.toUpperCase()} ${row.ofVotes}`).join(', ')}, quorum{' '}
          {summary.quorumMet ? 'reached' : 'not reached'}. {closedVoteSentence(outcome)}
        </p>
        {voted && (
          <p data-testid="my-vote">
            You voted <strong>{choiceName(voted.choice)?.toUpperCase()}</strong> with <Amount wei={voted.weight} />.
          </p>
        )}
        {actions.expire.shown ? (
          <p>Nobody evaluated it in the epoch after its vote, so it can only expire: see Expire below.</p>
        ) : (
          <p>
            Anyone may evaluate it
            {actions.evaluateBy !== undefined && (
              <>
                {' '}
                until <DateAt at={actions.evaluateBy} />
              </>
            )}
            , with Evaluate below; nobody needs a stake for it.
          </p>
        )}
      </div>
    </Card>
  );
}

type Tx = ReturnType<typeof useTransaction>;

/** One action: its explanation, its button and why it is disabled. Its transaction status outlives the action,
 * so "Evaluated" stays on screen after the proposal it evaluated no longer offers Evaluate. */
function ActionBlock({
  state,
  tx,
  label,
  reasonId,
  variant = 'primary',
  onClick,
  children,
}: {
  state: ProposalAction;
  tx: Tx;
  label: string;
  reasonId: string;
  variant?: 'primary' | 'secondary';
  onClick(): void;
  children: ReactNode;
}) {
  if (!state.shown && tx.state.phase === 'idle') return null;
  return (
    <div>
      {state.shown && (
        <>
          <p className="text-sm text-slate-300">{children}</p>
          <Button
            variant={variant}
            className="mt-2"
            disabled={!state.allowed || tx.isBusy}
            aria-describedby={state.allowed ? undefined : reasonId}
            onClick={onClick}
          >
            {label}
          </Button>
          <Reason state={state} id={reasonId} />
        </>
      )}
      <TxStatus state={tx.state} />
    </div>
  );
}

/** Evaluate, pay and withdraw: shown when they belong to the proposal, disabled with the reason when they would
 * fail now. */
export function OtherActions({ governance, data, actions }: Omit<Props, 'account' | 'voteWindow' | 'summary'>) {
  const evaluateTx = useTransaction();
  const expireTx = useTransaction();
  const payTx = useTransaction();
  const withdrawTx = useTransaction();
  const { proposal: p, dueEpochs } = data;
  const anyTx = [evaluateTx, expireTx, payTx, withdrawTx].some((tx) => tx.state.phase !== 'idle');
  const shown = [actions.evaluate, actions.expire, actions.pay, actions.withdraw].some((a) => a.shown);
  if (!shown && !anyTx) return null;
  const c = { address: governance, abi: treasuryGovernanceAbi } as const;
  const due = dueEpochs * p.amount_per_epoch;
  const salary = p.kind === ProposalKind.ElectHostNode;
  const payee = salary ? 'the node' : 'the payee';

  return (
    <Card title="Actions">
      <div className="grid gap-4 sm:grid-cols-2">
        <ActionBlock
          state={actions.evaluate}
          tx={evaluateTx}
          label="Evaluate"
          reasonId="evaluate-reason"
          onClick={() =>
            void evaluateTx.send(
              { ...c, functionName: 'evaluate', args: [p.id] },
              { successMessage: `Evaluated proposal ${p.id.toString()}`, alsoTouches: [p.author] },
            )
          }
        >
          Closes the vote: counts the quorum (against the stake at the end of the vote) and the majority, credits the
          author’s deposit back and, if accepted, carries it out: commits the funding from this epoch, applies the
          parameter, or asks the audit registry or the file system for the change (an elected node’s salary is committed
          only if the file system takes the node). Anyone may do it, once, during the epoch after the vote
          {actions.evaluateBy !== undefined && (
            <strong className="text-amber-200" data-testid="evaluate-by">
              {' '}
              (evaluate by {formatDateTime(actions.evaluateBy)})
            </strong>
          )}
          ; after that the proposal can only expire.
        </ActionBlock>
        <ActionBlock
          state={actions.expire}
          tx={expireTx}
          label="Expire"
          reasonId="expire-reason"
          variant="secondary"
          onClick={() =>
            void expireTx.send(
              { ...c, functionName: 'expire', args: [p.id] },
              { successMessage: `Proposal ${p.id.toString()} expired; the deposit is credited to its author` },
            )
          }
        >
          Nobody evaluated this proposal during the epoch after its vote, so it can no longer take effect. Expiring it
          closes it for good and credits the <Amount wei={p.deposit} /> deposit back to its author. Anyone may do it.
        </ActionBlock>
        <ActionBlock
          state={actions.pay}
          tx={payTx}
          label="Pay due epochs"
          reasonId="pay-reason"
          onClick={() =>
            void payTx.send(
              { ...c, functionName: 'pay', args: [p.id] },
              { successMessage: `Paid ${formatCloReadable(due)} to ${payee}`, alsoTouches: [p.payee] },
            )
          }
        >
          Sends every due, unpaid epoch {salary ? 'of the salary ' : ''}to {payee} in one transfer
          {dueEpochs > 0n && (
            <>
              {' '}
              ({plural(dueEpochs, 'epoch')}, <Amount wei={due} />)
            </>
          )}
          . Anyone may trigger it; nobody can redirect it. {p.paid_epochs} of {plural(p.epochs, 'epoch')} paid so far.
        </ActionBlock>
        <ActionBlock
          state={actions.withdraw}
          tx={withdrawTx}
          label="Withdraw proposal"
          reasonId="withdraw-reason"
          variant="secondary"
          onClick={() =>
            void withdrawTx.send(
              { ...c, functionName: 'withdraw', args: [p.id] },
              { successMessage: `Withdrew proposal ${p.id.toString()}; the deposit is refunded` },
            )
          }
        >
          The author may take the proposal back before its vote ends and get the <Amount wei={p.deposit} /> deposit
          back.
        </ActionBlock>
      </div>
    </Card>
  );
}
