import { describe, expect, it } from 'vitest';
import { RequestState } from './requests';
import {
  AUTHOR_REASON,
  cancelNominationAction,
  claimAction,
  confirmNominationAction,
  managerRefusal,
  requestActions,
  rollOverAction,
} from './actions';

const A = '0x00000000000000000000000000000000000000aa' as const;
const B = '0x00000000000000000000000000000000000000bb' as const;
const C = '0x00000000000000000000000000000000000000cc' as const;

describe('requestActions', () => {
  const base = { reports: [], account: A, isManager: true, isAuditor: false };

  it('offers approve, reject only on a pending request', () => {
    const a = requestActions({ ...base, state: RequestState.Pending });
    expect(a.approve.allowed).toBe(true);
    expect(a.reject.allowed).toBe(true);
    expect(a.start).toEqual({
      allowed: false,
      reason: 'The request is pending: only an approved request can be started',
    });
    expect(a.complete.allowed).toBe(false);
    expect(a.commit).toEqual({ allowed: false, reason: 'Only an auditor may do this' });
  });

  it('signs unsigned reports, reveals signed ones and completes once one is revealed', () => {
    const reports = [
      { auditor: C, signed: true, revealed: false },
      { auditor: B, signed: false, revealed: false },
    ];
    const a = requestActions({ ...base, state: RequestState.InProgress, reports });
    expect(a.sign.allowed).toBe(true);
    expect(a.reveal.allowed).toBe(true);
    expect(a.complete).toEqual({ allowed: false, reason: 'Reveal at least one report first' });
    const done = requestActions({
      ...base,
      state: RequestState.InProgress,
      reports: [{ auditor: C, signed: true, revealed: true }],
    });
    expect(done.complete.allowed).toBe(true);
    expect(done.sign.allowed).toBe(false);
    expect(done.reveal.allowed).toBe(false);
  });

  it('reveals only in progress or completed, never for a rejected request', () => {
    const reports = [{ auditor: B, signed: true, revealed: false }];
    const approved = requestActions({ ...base, state: RequestState.Approved, reports });
    expect(approved.reveal).toEqual({
      allowed: false,
      reason: 'The request is approved: reports are revealed once it is in progress',
    });
    expect(requestActions({ ...base, state: RequestState.Completed, reports }).reveal.allowed).toBe(true);
    const rejected = requestActions({ ...base, state: RequestState.Rejected, reports });
    expect(rejected.reveal).toEqual({
      allowed: false,
      reason: 'The request is rejected: its reports are never revealed and earn nothing',
    });
  });

  it('keeps a manager who wrote a report for the request from signing or revealing any of its reports', () => {
    const reports = [
      { auditor: A, signed: true, revealed: false },
      { auditor: B, signed: false, revealed: false },
    ];
    const a = requestActions({ ...base, state: RequestState.InProgress, reports });
    expect(a.sign).toEqual({ allowed: false, reason: AUTHOR_REASON });
    expect(a.reveal).toEqual({ allowed: false, reason: AUTHOR_REASON });
    // Another manager may.
    const other = requestActions({ ...base, account: C, state: RequestState.InProgress, reports });
    expect(other.sign.allowed).toBe(true);
    expect(other.reveal.allowed).toBe(true);
  });

  it('lets an auditor commit or replace until signed', () => {
    const auditor = { ...base, isManager: false, isAuditor: true };
    expect(requestActions({ ...auditor, state: RequestState.Approved }).commit.allowed).toBe(true);
    expect(requestActions({ ...auditor, state: RequestState.Pending }).commit).toEqual({
      allowed: false,
      reason: 'The request is pending: reports are committed while it is approved or in progress',
    });
    const signed = requestActions({
      ...auditor,
      state: RequestState.InProgress,
      reports: [{ auditor: A, signed: true, revealed: false }],
    });
    expect(signed.commit).toEqual({ allowed: false, reason: 'Your report is signed: it can no longer be replaced' });
    expect(requestActions({ ...auditor, state: RequestState.Approved }).approve).toEqual({
      allowed: false,
      reason: 'Only a manager may do this',
    });
  });

  it('refuses every action without an account, naming the role it takes', () => {
    const a = requestActions({ ...base, account: undefined, state: RequestState.Pending });
    expect(a.approve).toEqual({ allowed: false, reason: 'Connect a manager’s wallet' });
    expect(a.commit).toEqual({ allowed: false, reason: 'Connect an auditor’s wallet' });
  });
});

describe('the manager console', () => {
  it('says why an account cannot act as a manager', () => {
    expect(managerRefusal(undefined, false, A)).toBe('Connect a manager’s wallet to act.');
    expect(managerRefusal(A, true, B)).toBeUndefined();
    expect(managerRefusal(A, false, A)).toMatch(/owner, not a manager/);
    expect(managerRefusal(A, false, B)).toMatch(/not a manager of the registry/);
  });

  it('has a nomination confirmed by a manager other than the nominating one', () => {
    const nomination = { nominated_by: A };
    expect(confirmNominationAction(nomination, B, true)).toEqual({ allowed: true });
    expect(confirmNominationAction(nomination, A, true)).toEqual({
      allowed: false,
      reason: 'You nominated this account: another manager must confirm it',
    });
    expect(confirmNominationAction(nomination, B, false)).toEqual({
      allowed: false,
      reason: 'Only a manager may confirm',
    });
    expect(confirmNominationAction(nomination, undefined, false)).toEqual({
      allowed: false,
      reason: 'Connect a manager’s wallet',
    });
  });

  it('lets any manager cancel a nomination, the nominating one included', () => {
    expect(cancelNominationAction(A, true)).toEqual({ allowed: true });
    expect(cancelNominationAction(A, false)).toEqual({ allowed: false, reason: 'Only a manager may cancel' });
  });
});

describe('payouts', () => {
  it('claims once, for karma earned in a period with a budget', () => {
    const ready = { account: A, claimed: false, karma: 10n, claimable: 5n };
    expect(claimAction(ready)).toEqual({ allowed: true });
    expect(claimAction({ ...ready, account: undefined })).toEqual({ allowed: false, reason: 'Connect a wallet' });
    expect(claimAction({ ...ready, claimed: true })).toEqual({ allowed: false, reason: 'Already claimed' });
    expect(claimAction({ ...ready, karma: 0n })).toEqual({ allowed: false, reason: 'No karma earned in this period' });
    expect(claimAction({ ...ready, claimable: 0n })).toEqual({
      allowed: false,
      reason: 'Nothing to claim: the period had no budget',
    });
  });

  it('rolls over an ended period with a budget and no karma', () => {
    expect(rollOverAction(100n, 0n).allowed).toBe(true);
    expect(rollOverAction(100n, 5n).allowed).toBe(false);
    expect(rollOverAction(0n, 0n).allowed).toBe(false);
  });
});
