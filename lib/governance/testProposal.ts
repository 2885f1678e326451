// A proposal as get_proposal returns it, for the tests of lib/governance: a funding proposal in voting unless
// overridden, and the accounts that author, receive and vote.
import { parseEther, type Address, type Hash } from 'viem';
import { ProposalKind, ProposalStatus, type Proposal } from './proposal';

export const ALICE: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const BOB: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
export const CAROL: Address = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
export const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hash;

export function proposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: 0n,
    kind: ProposalKind.Funding,
    status: ProposalStatus.Voting,
    author: ALICE,
    quorum_bps: 1000,
    title: 'Fund a thing',
    description_url: 'https://example.org/p.md',
    description_hash: hash(1),
    payee: BOB,
    amount_per_epoch: parseEther('100'),
    epochs: 3,
    paid_epochs: 0,
    voting_epoch: 5n,
    first_pay_epoch: 0n,
    param: 0,
    param_value: 0n,
    deposit: parseEther('500'),
    votes_for: 0n,
    votes_against: 0n,
    votes_abstain: 0n,
    total_staked_at_vote_end: 0n,
    subject: '0x0000000000000000000000000000000000000000',
    contact: '',
    executed: false,
    ...overrides,
  };
}
