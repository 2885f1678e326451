// Which actions a proposal offers now (vote, evaluate, expire, pay, withdraw) and, for each that would fail, why,
// checked as the contract does.
import type { Address } from 'viem';
import { formatClo } from '../format/clo';
import { allowed, refused, type ActionState } from '../tx/actionState';
import { paysPerEpoch, ProposalKind, ProposalStatus, type Proposal } from './proposal';

/** One of a proposal's actions: the app's one ActionState, plus whether the action belongs on this proposal at all
 * (Pay on a parameter change does not) and a block time its refusal refers to ("opens at …"), for the UI to format
 * in the user's zone. */
export type ProposalAction = ActionState & { shown: boolean; at?: bigint };

export interface ActionInput {
  proposal: Proposal;
  currentEpoch: bigint;
  genesis: bigint;
  epochLength: bigint;
  account?: Address;
  /** The account's stake in cold staking (its voting power). */
  stake?: bigint;
  /** The contract's `due_epochs(id)`. */
  dueEpochs: bigint;
  /** The contract's `available_balance()`. */
  availableBalance?: bigint;
}

export interface ProposalActions {
  vote: ProposalAction;
  evaluate: ProposalAction;
  /** Ends a proposal nobody evaluated in its evaluation epoch; its deposit is credited to the author. */
  expire: ProposalAction;
  pay: ProposalAction;
  withdraw: ProposalAction;
  /** The block time `evaluate` refuses from (the end of the evaluation epoch), while the proposal is in voting. */
  evaluateBy?: bigint;
}

const off = (reason: string, at?: bigint): ProposalAction => ({ ...refused(reason), shown: true, at });
const on: ProposalAction = { ...allowed(), shown: true };
const hidden: ProposalAction = { ...refused('This action does not belong to this proposal'), shown: false };

/** Which actions a proposal offers now, each with the reason it cannot succeed, checked as the contract does. */
export function proposalActions(input: ActionInput): ProposalActions {
  const { proposal: p, currentEpoch, genesis, epochLength, account, stake } = input;
  const start = genesis + p.voting_epoch * epochLength;
  const end = start + epochLength;
  const inVoting = p.status === ProposalStatus.Voting;

  let vote: ProposalAction;
  if (!inVoting) vote = hidden;
  else if (currentEpoch < p.voting_epoch) vote = off('Voting has not started: it opens at', start);
  else if (currentEpoch > p.voting_epoch) vote = off('Voting has ended, at', end);
  else if (!account) vote = off('Connect a wallet to vote');
  else if (stake === undefined) vote = off('Reading your stake…');
  else if (stake === 0n) vote = off('Only cold stakers vote, and this account has no stake in cold staking');
  else vote = on;

  const deadline = end + epochLength;
  let evaluate: ProposalAction;
  if (!inVoting) evaluate = hidden;
  else if (currentEpoch <= p.voting_epoch) evaluate = off('The vote can be evaluated once it ends, at', end);
  else if (currentEpoch > p.voting_epoch + 1n) {
    evaluate = off('Nobody evaluated it in time: evaluation closed at', deadline);
  } else if (!account) evaluate = off('Connect a wallet to evaluate');
  else evaluate = on;

  let expire: ProposalAction;
  if (!inVoting || currentEpoch <= p.voting_epoch + 1n) expire = hidden;
  else if (!account) expire = off('Connect a wallet to expire it');
  else expire = on;

  let pay: ProposalAction;
  if (
    p.status !== ProposalStatus.Accepted ||
    (p.kind !== ProposalKind.Funding && p.kind !== ProposalKind.ElectHostNode)
  ) {
    pay = hidden;
  } else if (!paysPerEpoch(p)) {
    pay = off('The file system refused the election, so no salary is paid');
  } else if (p.paid_epochs >= p.epochs) pay = off(`All ${p.epochs} epochs are paid`);
  else if (input.dueEpochs === 0n) {
    pay = off(
      'Nothing is due yet: the next epoch falls due at',
      genesis + (p.first_pay_epoch + BigInt(p.paid_epochs)) * epochLength,
    );
  } else if (input.availableBalance !== undefined && input.availableBalance < input.dueEpochs * p.amount_per_epoch) {
    pay = off(
      `The treasury cannot cover the payment: ${formatClo(input.dueEpochs * p.amount_per_epoch)} CLO is due and ` +
        `${formatClo(input.availableBalance)} CLO is available. It stays due`,
    );
  } else if (!account) pay = off('Connect a wallet to trigger the payment');
  else pay = on;

  let withdraw: ProposalAction;
  if (!inVoting) withdraw = hidden;
  else if (currentEpoch > p.voting_epoch) withdraw = off('The vote has ended: a proposal can only be withdrawn before');
  else if (!account) withdraw = off('Connect the author’s wallet to withdraw');
  else if (account.toLowerCase() !== p.author.toLowerCase()) withdraw = off('Only the author may withdraw');
  else withdraw = on;

  return { vote, evaluate, expire, pay, withdraw, evaluateBy: inVoting ? deadline : undefined };
}

/** What a funding proposal's payee means when it is the cold staking contract: the treasury pays it with the
 * contract's donation function, so the CLO goes to the stakers' reward pool instead of becoming a stake. */
export function payeeNote(payee: string, staking: string | undefined): string | undefined {
  if (!staking || payee.trim().toLowerCase() !== staking.toLowerCase()) return undefined;
  return 'This is the cold staking contract: each payment is donated to the stakers’ reward pool, shared by all cold stakers as rewards (it does not become a stake).';
}

/** Why an account has no voting power, in words, or undefined when it has some. */
export function votingPowerNote(input: {
  account?: Address;
  stake?: bigint;
  open: boolean;
  opensAt?: bigint;
}): { reason: 'no-account' | 'no-stake' | 'not-open' | 'loading'; opensAt?: bigint } | undefined {
  if (!input.account) return { reason: 'no-account' };
  if (input.stake === undefined) return { reason: 'loading' };
  if (input.stake === 0n) return { reason: 'no-stake' };
  if (!input.open) return { reason: 'not-open', opensAt: input.opensAt };
  return undefined;
}
