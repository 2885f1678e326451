import { describe, expect, it } from 'vitest';
import { keccak256, toHex } from 'viem';
import { RequestState } from './requests';
import {
  byKarma,
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
      { auditor: A, signed: true, revealed: false },
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
      reports: [{ auditor: A, signed: true, revealed: true }],
    });
    expect(done.complete.enabled).toBe(true);
    expect(done.sign.enabled).toBe(false);
    expect(done.reveal.enabled).toBe(false);
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
    expect(parseComplexity(String(2 ** 30)).value).toBe(2n ** 30n);
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
