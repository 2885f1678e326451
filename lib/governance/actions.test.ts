import { refusalOf } from '../tx/actionState';
import { describe, expect, it } from 'vitest';
import { parseEther } from 'viem';
import { payeeNote, proposalActions, votingPowerNote } from './actions';
import { parameterRule } from './parameters';
import { ProposalKind, ProposalParam, ProposalStatus } from './proposal';
import { ALICE, BOB, proposal } from './testProposal';

describe('proposalActions', () => {
  const base = { genesis: 1_000n, epochLength: 100n, dueEpochs: 0n, availableBalance: parseEther('1000') };

  it('offers the vote during the voting epoch to stakers only', () => {
    const p = proposal({ voting_epoch: 5n });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 4n, account: BOB, stake: 1n }).vote).toEqual({
      shown: true,
      allowed: false,
      reason: 'Voting has not started: it opens at',
      at: 1_500n,
    });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: BOB, stake: 1n }).vote.allowed).toBe(
      true,
    );
    expect(
      refusalOf(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: BOB, stake: 0n }).vote),
    ).toMatch(/no stake/);
    expect(refusalOf(proposalActions({ ...base, proposal: p, currentEpoch: 5n }).vote)).toMatch(/Connect/);
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 6n, account: BOB, stake: 1n }).vote).toMatchObject({
      allowed: false,
      at: 1_600n,
    });
    const closed = proposal({ status: ProposalStatus.Rejected });
    expect(proposalActions({ ...base, proposal: closed, currentEpoch: 5n, account: BOB, stake: 1n }).vote.shown).toBe(
      false,
    );
  });

  it('closes evaluation with the epoch after the vote, then offers only expiry', () => {
    const p = proposal({ voting_epoch: 5n });
    const during = proposalActions({ ...base, proposal: p, currentEpoch: 6n, account: BOB });
    expect(during.evaluate.allowed).toBe(true);
    expect(during.evaluateBy).toBe(1_700n);
    expect(during.expire.shown).toBe(false);
    const late = proposalActions({ ...base, proposal: p, currentEpoch: 7n, account: BOB });
    expect(late.evaluate).toEqual({
      shown: true,
      allowed: false,
      reason: 'Nobody evaluated it in time: evaluation closed at',
      at: 1_700n,
    });
    expect(late.expire).toEqual({ shown: true, allowed: true });
    expect(refusalOf(proposalActions({ ...base, proposal: p, currentEpoch: 7n }).expire)).toMatch(/Connect/);
    const expired = proposal({ voting_epoch: 5n, status: ProposalStatus.Expired });
    const after = proposalActions({ ...base, proposal: expired, currentEpoch: 9n, account: BOB });
    expect([after.evaluate.shown, after.expire.shown, after.vote.shown, after.evaluateBy]).toEqual([
      false,
      false,
      false,
      undefined,
    ]);
  });

  it('explains a funding payee that is the cold staking contract', () => {
    const staking = '0x00000000000000000000000000000000000000aa';
    expect(payeeNote(staking.toUpperCase().replace('0X', '0x'), staking)).toMatch(/reward pool/);
    expect(payeeNote(BOB, staking)).toBeUndefined();
    expect(payeeNote(staking, undefined)).toBeUndefined();
  });

  it('states the parameter bounds and the one-step range from today', () => {
    expect(parameterRule(ProposalParam.Quorum, 1000n)).toBe(
      'Allowed: 1% to 30%, at most 5 percentage points a change. From today’s 10%, this proposal may set 5% to 15%.',
    );
    expect(parameterRule(ProposalParam.SubmissionDeposit, undefined)).toBe(
      'Allowed: 1 CLO to 100000 CLO, at most double or half a change.',
    );
    expect(parameterRule(ProposalParam.StorageFloorPrice, parseEther('0.01'))).toMatch(
      /may set 0.005 CLO a MB to 0.02 CLO a MB/,
    );
  });

  it('opens evaluation after the voting epoch, to anyone', () => {
    const p = proposal({ voting_epoch: 5n });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: BOB }).evaluate).toMatchObject({
      allowed: false,
      at: 1_600n,
    });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 6n, account: BOB }).evaluate.allowed).toBe(true);
  });

  it('lets only the author withdraw, before the vote ends', () => {
    const p = proposal({ voting_epoch: 5n });
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 4n, account: ALICE }).withdraw.allowed).toBe(true);
    expect(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: ALICE }).withdraw.allowed).toBe(true);
    expect(refusalOf(proposalActions({ ...base, proposal: p, currentEpoch: 5n, account: BOB }).withdraw)).toMatch(
      /Only the author/,
    );
    expect(refusalOf(proposalActions({ ...base, proposal: p, currentEpoch: 6n, account: ALICE }).withdraw)).toMatch(
      /ended/,
    );
  });

  it('pays accepted funding when epochs are due and the treasury covers them', () => {
    const accepted = proposal({ status: ProposalStatus.Accepted, first_pay_epoch: 6n, voting_epoch: 5n });
    const at = (currentEpoch: bigint, extra: Partial<typeof base> = {}) =>
      proposalActions({ ...base, ...extra, proposal: accepted, currentEpoch, account: BOB }).pay;
    expect(at(5n)).toMatchObject({ allowed: false, at: 1_600n });
    expect(at(6n, { dueEpochs: 1n }).allowed).toBe(true);
    expect(refusalOf(at(7n, { dueEpochs: 2n, availableBalance: parseEther('150') }))).toMatch(
      /200 CLO is due and 150 CLO is available/,
    );
    const done = proposal({ status: ProposalStatus.Accepted, paid_epochs: 3, epochs: 3 });
    expect(refusalOf(proposalActions({ ...base, proposal: done, currentEpoch: 9n }).pay)).toBe('All 3 epochs are paid');
    const param = proposal({ kind: ProposalKind.SetParameter, status: ProposalStatus.Accepted });
    expect(proposalActions({ ...base, proposal: param, currentEpoch: 9n }).pay.shown).toBe(false);
  });
});

describe('votingPowerNote', () => {
  it('says why an account cannot vote', () => {
    expect(votingPowerNote({ open: true })).toEqual({ reason: 'no-account' });
    expect(votingPowerNote({ account: BOB, stake: 0n, open: true })).toEqual({ reason: 'no-stake' });
    expect(votingPowerNote({ account: BOB, stake: 5n, open: false, opensAt: 9n })).toEqual({
      reason: 'not-open',
      opensAt: 9n,
    });
    expect(votingPowerNote({ account: BOB, stake: 5n, open: true })).toBeUndefined();
  });
});
