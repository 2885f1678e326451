'use client';

import type { Address } from 'viem';
import { treasuryGovernanceAbi } from '@/contracts-abi/TreasuryGovernance';
import { formatCloWithUnit } from '@/lib/format/clo';
import { formatDateTime } from '@/lib/format/time';
import { VoteChoice } from '@/lib/governance/proposal';
import { choiceName, type ActionState, type ProposalActions } from '@/lib/governance/view';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { VotingPower } from './VotingPower';
import type { ProposalPageData } from './useProposalData';

function Reason({ state, id }: { state: ActionState; id: string }) {
  if (state.enabled || !state.reason) return null;
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
}

/** Vote, with the account's power and its current vote; then the other actions that apply to this proposal. */
export function VotePanel({ governance, account, data, actions, voteWindow }: Props) {
  const tx = useTransaction();
  const { proposal: p, myVote, myStake, currentEpoch } = data;
  if (!actions.vote.shown) return null;
  const voted = myVote && myVote.choice !== VoteChoice.None ? myVote : undefined;
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
          Your vote: <strong>{choiceName(voted.choice)?.toUpperCase()}</strong> with {formatCloWithUnit(voted.weight)}.
          Voting again moves it to the new choice with your current stake.
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label="Your vote">
        {CHOICES.map(({ choice, word, variant }) => (
          <Button
            key={word}
            variant={variant}
            disabled={!actions.vote.enabled || tx.isBusy}
            aria-pressed={voted ? voted.choice === choice : undefined}
            aria-describedby={actions.vote.enabled ? undefined : 'vote-reason'}
            onClick={() =>
              tx.send(
                {
                  address: governance,
                  abi: treasuryGovernanceAbi,
                  functionName: 'vote',
                  args: [p.id, choice],
                },
                { successMessage: `Voted ${word}${myStake ? ` with ${formatCloWithUnit(myStake)}` : ''}` },
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

/** Evaluate, pay and withdraw: shown when they belong to the proposal, disabled with the reason when they would
 * fail now. */
export function OtherActions({ governance, data, actions }: Omit<Props, 'account' | 'voteWindow'>) {
  const evaluateTx = useTransaction();
  const payTx = useTransaction();
  const withdrawTx = useTransaction();
  const { proposal: p, dueEpochs } = data;
  if (!actions.evaluate.shown && !actions.pay.shown && !actions.withdraw.shown) return null;
  const c = { address: governance, abi: treasuryGovernanceAbi } as const;
  const due = dueEpochs * p.amount_per_epoch;

  return (
    <Card title="Actions">
      <div className="grid gap-4 sm:grid-cols-2">
        {actions.evaluate.shown && (
          <div>
            <p className="text-sm text-slate-300">
              Closes the vote: counts the quorum and the majority, refunds the author’s deposit and, if accepted,
              commits the funding or applies the parameter. Anyone may do it, once.
            </p>
            <Button
              className="mt-2"
              disabled={!actions.evaluate.enabled || evaluateTx.isBusy}
              aria-describedby={actions.evaluate.enabled ? undefined : 'evaluate-reason'}
              onClick={() =>
                evaluateTx.send(
                  { ...c, functionName: 'evaluate', args: [p.id] },
                  { successMessage: `Evaluated proposal ${p.id.toString()}`, alsoTouches: [p.author] },
                )
              }
            >
              Evaluate
            </Button>
            <Reason state={actions.evaluate} id="evaluate-reason" />
            <TxStatus state={evaluateTx.state} />
          </div>
        )}
        {actions.pay.shown && (
          <div>
            <p className="text-sm text-slate-300">
              Sends every due, unpaid epoch to the payee in one transfer
              {dueEpochs > 0n ? ` (${dueEpochs.toString()} epoch(s), ${formatCloWithUnit(due)})` : ''}. Anyone may
              trigger it; nobody can redirect it. {p.paid_epochs} of {p.epochs} epoch(s) paid so far.
            </p>
            <Button
              className="mt-2"
              disabled={!actions.pay.enabled || payTx.isBusy}
              aria-describedby={actions.pay.enabled ? undefined : 'pay-reason'}
              onClick={() =>
                payTx.send(
                  { ...c, functionName: 'pay', args: [p.id] },
                  { successMessage: `Paid ${formatCloWithUnit(due)} to the payee`, alsoTouches: [p.payee] },
                )
              }
            >
              Pay due epochs
            </Button>
            <Reason state={actions.pay} id="pay-reason" />
            <TxStatus state={payTx.state} />
          </div>
        )}
        {actions.withdraw.shown && (
          <div>
            <p className="text-sm text-slate-300">
              The author may take the proposal back before its vote ends and get the {formatCloWithUnit(p.deposit)}{' '}
              deposit back.
            </p>
            <Button
              variant="secondary"
              className="mt-2"
              disabled={!actions.withdraw.enabled || withdrawTx.isBusy}
              aria-describedby={actions.withdraw.enabled ? undefined : 'withdraw-reason'}
              onClick={() =>
                withdrawTx.send(
                  { ...c, functionName: 'withdraw', args: [p.id] },
                  { successMessage: `Withdrew proposal ${p.id.toString()}; the deposit is refunded` },
                )
              }
            >
              Withdraw proposal
            </Button>
            <Reason state={actions.withdraw} id="withdraw-reason" />
            <TxStatus state={withdrawTx.state} />
          </div>
        )}
      </div>
    </Card>
  );
}
