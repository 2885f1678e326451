// A proposal's actions as a visitor sees them, inside the app's real providers on the local chain with no wallet:
// each action that would fail now is disabled with its reason right beside it, tied to the button for screen
// readers, and nothing is sent.
import { render, screen } from '@testing-library/react';
import { parseEther, type Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { proposalActions } from '@/lib/governance/actions';
import { tallySummary } from '@/lib/governance/tallies';
import { formatDateTime } from '@/lib/format/time';
import { ProposalKind, ProposalStatus, type Proposal } from '@/lib/governance/proposal';
import { ALICE, BOB, proposal } from '@/lib/governance/testProposal';
import { AppProviders } from '@/components/ui/AppProviders';
import type { ProposalPageData } from './hooks/useProposalPage';
import { OtherActions, VotePanel } from './ProposalActionsPanel';

const GOVERNANCE: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const clock = { genesis: 1_000n, epochLength: 100n };

function page(p: Proposal, currentEpoch: bigint, extra: Partial<ProposalPageData> = {}): ProposalPageData {
  return {
    ...clock,
    currentEpoch,
    proposal: p,
    dueEpochs: 0n,
    availableBalance: parseEther('1000'),
    totalStaked: parseEther('10000'),
    staking: BOB,
    ...extra,
  };
}

function renderActions(data: ProposalPageData, account?: Address) {
  const actions = proposalActions({
    proposal: data.proposal,
    currentEpoch: data.currentEpoch,
    genesis: data.genesis,
    epochLength: data.epochLength,
    account,
    stake: data.myStake,
    dueEpochs: data.dueEpochs,
    availableBalance: data.availableBalance,
  });
  const voteWindow = { start: 1_500n, end: 1_600n };
  render(
    <AppProviders>
      <VotePanel
        governance={GOVERNANCE}
        account={account}
        data={data}
        actions={actions}
        voteWindow={voteWindow}
        summary={tallySummary(data.proposal, data.totalStaked, data.proposal.quorum_bps)}
      />
      <OtherActions governance={GOVERNANCE} data={data} actions={actions} />
    </AppProviders>,
  );
}

/** The button and the reason it points at. */
function refusal(name: string) {
  const button = screen.getByRole<HTMLButtonElement>('button', { name });
  const describedBy = button.getAttribute('aria-describedby');
  return { button, reason: describedBy ? document.getElementById(describedBy)?.textContent : undefined };
}

describe('a proposal’s actions', () => {
  it('refuses the vote before it opens, saying when it opens, and evaluation until it ends', () => {
    renderActions(page(proposal({ voting_epoch: 5n }), 4n));
    const vote = refusal('Vote FOR');
    expect(vote.button.disabled).toBe(true);
    expect(vote.reason).toBe(`Voting has not started: it opens at ${formatDateTime(1_500n)}.`);
    const evaluate = refusal('Evaluate');
    expect(evaluate.button.disabled).toBe(true);
    expect(evaluate.reason).toBe(`The vote can be evaluated once it ends, at ${formatDateTime(1_600n)}.`);
  });

  it('asks for a wallet to vote during the vote, and lets only the author withdraw', () => {
    renderActions(page(proposal({ voting_epoch: 5n, author: ALICE }), 5n));
    const vote = refusal('Vote AGAINST');
    expect(vote.button.disabled).toBe(true);
    expect(vote.reason).toBe('Connect a wallet to vote.');
    const withdraw = refusal('Withdraw proposal');
    expect(withdraw.button.disabled).toBe(true);
    expect(withdraw.reason).toBe('Connect the author’s wallet to withdraw.');
  });

  it('shows a closed vote as what happened, not as a disabled Vote card: when it closed, the result, who evaluates', () => {
    const closed = proposal({
      voting_epoch: 5n,
      quorum_bps: 1_000,
      votes_for: parseEther('2000'),
      votes_against: parseEther('300'),
    });
    renderActions(page(closed, 6n));
    expect(screen.queryByRole('button', { name: 'Vote FOR' })).toBeNull();
    expect(screen.queryByText(/holds your stake/)).toBeNull();
    const what = screen.getByTestId('vote-closed').textContent;
    expect(what).toContain(`The vote closed on ${formatDateTime(1_600n)}.`);
    expect(what).toMatch(/Result so far: FOR 87%, AGAINST 13%, ABSTAIN 0%, quorum reached\./);
    expect(what).toContain('evaluating it accepts it');
    expect(what).toContain(`Anyone may evaluate it until ${formatDateTime(1_700n)}, with Evaluate below`);
    expect(screen.getByRole('button', { name: 'Evaluate' })).toBeTruthy();
  });

  it('says a closed vote nobody evaluated in time can only expire', () => {
    renderActions(page(proposal({ voting_epoch: 5n }), 7n));
    expect(screen.getByTestId('vote-closed').textContent).toContain('it can only expire');
    expect(screen.getByRole('button', { name: 'Expire' })).toBeTruthy();
  });

  it('says that a payment is refused once every epoch is paid', () => {
    const paid = proposal({ status: ProposalStatus.Accepted, first_pay_epoch: 6n, epochs: 2, paid_epochs: 2 });
    renderActions(page(paid, 9n));
    expect(refusal('Pay due epochs').reason).toBe('All 2 epochs are paid.');
  });

  it('says when the treasury cannot cover what is due', () => {
    const due = proposal({
      kind: ProposalKind.Funding,
      status: ProposalStatus.Accepted,
      first_pay_epoch: 6n,
      epochs: 3,
      amount_per_epoch: parseEther('100'),
    });
    renderActions(page(due, 7n, { dueEpochs: 2n, availableBalance: parseEther('150') }));
    const pay = refusal('Pay due epochs');
    expect(pay.button.disabled).toBe(true);
    expect(pay.reason).toBe(
      'The treasury cannot cover the payment: 200 CLO is due and 150 CLO is available. It stays due.',
    );
  });
});
