import { describe, expect, it } from 'vitest';
import { keccak256, toHex } from 'viem';
import { RequestState } from './requests';
import {
  AUTHOR_REASON,
  auditedStatus,
  byKarma,
  confirmNominationAction,
  rollOverAction,
  chainLabel,
  isActiveAt,
  linkCommitment,
  linkMatchesCommitment,
  matchesAuditSearch,
  matchesVerdict,
  parseComplexity,
  parseErrorCount,
  parseRequestId,
  parseSeverity,
  recentEndedPeriods,
  requestActions,
  requestHref,
  validateMemberAddress,
  validateReportLink,
} from './view';

const A = '0x00000000000000000000000000000000000000aa' as const;
const B = '0x00000000000000000000000000000000000000bb' as const;
const C = '0x00000000000000000000000000000000000000cc' as const;

describe('requestActions', () => {
  const base = { reports: [], account: A, isManager: true, isAuditor: false };

  it('offers approve, reject only on a pending request', () => {
    const a = requestActions({ ...base, state: RequestState.Pending });
    expect(a.approve.enabled).toBe(true);
    expect(a.reject.enabled).toBe(true);
    expect(a.start.enabled).toBe(false);
    expect(a.start.reason).toMatch(/pending/);
    expect(a.complete.enabled).toBe(false);
    expect(a.commit.shown).toBe(false);
  });

  it('signs unsigned reports, reveals signed ones and completes once one is revealed', () => {
    const reports = [
      { auditor: C, signed: true, revealed: false },
      { auditor: B, signed: false, revealed: false },
    ];
    const a = requestActions({ ...base, state: RequestState.InProgress, reports });
    expect(a.sign.enabled).toBe(true);
    expect(a.reveal.enabled).toBe(true);
    expect(a.complete.enabled).toBe(false);
    expect(a.complete.reason).toBe('Reveal at least one report first');
    const done = requestActions({
      ...base,
      state: RequestState.InProgress,
      reports: [{ auditor: C, signed: true, revealed: true }],
    });
    expect(done.complete.enabled).toBe(true);
    expect(done.sign.enabled).toBe(false);
    expect(done.reveal.enabled).toBe(false);
  });

  it('reveals only in progress or completed, never for a rejected request', () => {
    const reports = [{ auditor: B, signed: true, revealed: false }];
    const approved = requestActions({ ...base, state: RequestState.Approved, reports });
    expect(approved.reveal.enabled).toBe(false);
    expect(approved.reveal.reason).toMatch(/revealed once it is in progress/);
    expect(requestActions({ ...base, state: RequestState.Completed, reports }).reveal.enabled).toBe(true);
    const rejected = requestActions({ ...base, state: RequestState.Rejected, reports });
    expect(rejected.reveal.enabled).toBe(false);
    expect(rejected.reveal.reason).toMatch(/never revealed and earn nothing/);
  });

  it('keeps a manager who wrote a report for the request from signing or revealing any of its reports', () => {
    const reports = [
      { auditor: A, signed: true, revealed: false },
      { auditor: B, signed: false, revealed: false },
    ];
    const a = requestActions({ ...base, state: RequestState.InProgress, reports });
    expect(a.sign).toEqual({ shown: true, enabled: false, reason: AUTHOR_REASON });
    expect(a.reveal).toEqual({ shown: true, enabled: false, reason: AUTHOR_REASON });
    // Another manager may.
    const other = requestActions({ ...base, account: C, state: RequestState.InProgress, reports });
    expect(other.sign.enabled).toBe(true);
    expect(other.reveal.enabled).toBe(true);
  });

  it('lets an auditor commit or replace until signed', () => {
    const auditor = { ...base, isManager: false, isAuditor: true };
    expect(requestActions({ ...auditor, state: RequestState.Approved }).commit.enabled).toBe(true);
    expect(requestActions({ ...auditor, state: RequestState.Pending }).commit.enabled).toBe(false);
    const signed = requestActions({
      ...auditor,
      state: RequestState.InProgress,
      reports: [{ auditor: A, signed: true, revealed: false }],
    });
    expect(signed.commit.enabled).toBe(false);
    expect(signed.commit.reason).toMatch(/signed/);
    expect(requestActions({ ...auditor, state: RequestState.Approved }).approve.shown).toBe(false);
  });

  it('shows every action disabled without an account', () => {
    const a = requestActions({ ...base, account: undefined, state: RequestState.Pending });
    expect(a.approve).toEqual({ shown: true, enabled: false, reason: 'Connect a manager’s wallet' });
    expect(a.commit.enabled).toBe(false);
  });
});

describe('report links', () => {
  it('hashes the UTF-8 bytes of the link like the contract', () => {
    const link = 'https://gist.github.com/x/ü';
    expect(linkCommitment(link)).toBe(keccak256(toHex(link)));
    expect(linkMatchesCommitment(link, linkCommitment(link).toUpperCase().replace('0X', '0x'))).toBe(true);
    expect(linkMatchesCommitment(`${link} `, linkCommitment(link))).toBe(false);
  });

  it('validates the link an auditor commits', () => {
    expect(validateReportLink('')).toBeDefined();
    expect(validateReportLink(' https://a.b')).toMatch(/spaces/);
    expect(validateReportLink('http://a.b')).toMatch(/https/);
    expect(validateReportLink('ipfs://bafy')).toBeUndefined();
  });
});

describe('parsers', () => {
  it('parses request ids', () => {
    expect(parseRequestId('3')).toBe(3n);
    expect(parseRequestId('-1')).toBeUndefined();
    expect(parseRequestId('x')).toBeUndefined();
    expect(parseRequestId(null)).toBeUndefined();
    expect(requestHref(3n)).toBe('/audits/request/?id=3');
  });

  it('bounds errors, complexity and severity counts', () => {
    expect(parseErrorCount('1').value).toBe(1n);
    expect(parseErrorCount('1001').error).toBeDefined();
    expect(parseErrorCount('1.5').error).toBeDefined();
    expect(parseComplexity('0').error).toBeDefined();
    expect(parseComplexity('24576').value).toBe(24_576n);
    // The contract caps a manager's figure at EIP-170's largest contract code.
    expect(parseComplexity('24577').error).toMatch(/24,576/);
    const ok = parseSeverity({ critical: '0', high: '1', medium: '2', low: '3', owner_privileges: '0' });
    expect(ok.value).toEqual({ critical: 0, high: 1, medium: 2, low: 3, owner_privileges: 0 });
    const bad = parseSeverity({ critical: '65536', high: '', medium: '0', low: '0', owner_privileges: '0' });
    expect(bad.value).toBeUndefined();
    expect(Object.keys(bad.errors).sort()).toEqual(['critical', 'high']);
  });

  it('validates member addresses', () => {
    expect(validateMemberAddress(A)).toBeUndefined();
    expect(validateMemberAddress('0x' + '0'.repeat(40))).toMatch(/zero/);
    expect(validateMemberAddress('0x12')).toBeDefined();
  });
});

describe('lists', () => {
  it('searches by address or description and filters by verdict', () => {
    const r = { contract_address: A, description: 'Token Vault', passed: false };
    expect(matchesAuditSearch(r, 'vault')).toBe(true);
    expect(matchesAuditSearch(r, '00AA')).toBe(true);
    expect(matchesAuditSearch(r, 'swap')).toBe(false);
    expect(matchesAuditSearch(r, '  ')).toBe(true);
    expect(matchesVerdict(r, 'Issues found')).toBe(true);
    expect(matchesVerdict(r, 'Passed')).toBe(false);
    expect(matchesVerdict(r, 'All')).toBe(true);
  });

  it('names known chains', () => {
    expect(chainLabel(820n)).toBe('820 (Callisto)');
    expect(chainLabel(5n)).toBe('5');
  });

  it('sorts auditors by karma and tells who is active', () => {
    const m = (account: `0x${string}`, karma: bigint, reports_revealed = 0n) => ({ account, karma, reports_revealed });
    expect(byKarma([m(A, 1n), m(B, 5n)]).map((x) => x.account)).toEqual([B, A]);
    expect(byKarma([m(B, 5n, 1n), m(A, 5n, 2n)]).map((x) => x.account)).toEqual([A, B]);
    expect(isActiveAt({ active_role: true, active_until: 100n }, 99)).toBe(true);
    expect(isActiveAt({ active_role: true, active_until: 100n }, 100)).toBe(false);
    expect(isActiveAt({ active_role: false, active_until: 100n }, 1)).toBe(false);
  });

  it('lists the latest ended periods', () => {
    expect(recentEndedPeriods(0n)).toEqual([]);
    expect(recentEndedPeriods(2n)).toEqual([1n, 0n]);
    expect(recentEndedPeriods(10n, 3)).toEqual([9n, 8n, 7n]);
  });
});

describe('nominations', () => {
  it('are confirmed by a manager other than the nominating one', () => {
    const nomination = { nominated_by: A };
    expect(confirmNominationAction(nomination, B, true)).toEqual({ shown: true, enabled: true });
    expect(confirmNominationAction(nomination, A, true)).toEqual({
      shown: true,
      enabled: false,
      reason: 'You nominated this account: another manager must confirm it',
    });
    expect(confirmNominationAction(nomination, B, false).enabled).toBe(false);
    expect(confirmNominationAction(nomination, undefined, false).reason).toBe('Connect a manager’s wallet');
  });
});

describe('audited status', () => {
  const passedHere = { passed: true, chain_id: 31337n };
  it('says why a completed audit gives no audited status', () => {
    expect(auditedStatus(passedHere, true, 31337).status).toBe('audited');
    expect(auditedStatus({ ...passedHere, passed: false }, false, 31337).status).toBe('issues');
    const elsewhere = auditedStatus({ ...passedHere, chain_id: 61n }, false, 31337);
    expect(elsewhere.status).toBe('other-chain');
    expect(elsewhere.text).toMatch(/Ethereum Classic/);
    expect(auditedStatus(passedHere, false, 31337).status).toBe('code-changed');
  });
});

describe('roll over', () => {
  it('is offered for an ended period with a budget and no karma', () => {
    expect(rollOverAction(100n, 0n).enabled).toBe(true);
    expect(rollOverAction(100n, 5n).enabled).toBe(false);
    expect(rollOverAction(0n, 0n).enabled).toBe(false);
  });
});
