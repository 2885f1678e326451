import { describe, expect, it } from 'vitest';
import {
  RequestState,
  awaitingReveal,
  awaitingSignature,
  chainLabel,
  errorsText,
  needsManager,
  parseRequestId,
  reportOf,
  requestHref,
  requestStateLabel,
  severitySummary,
} from './requests';

const A = '0x00000000000000000000000000000000000000aA' as const;
const B = '0x00000000000000000000000000000000000000bb' as const;

describe('labels', () => {
  it('names every state', () => {
    expect(Object.values(RequestState).map(requestStateLabel)).toEqual([
      'Pending',
      'Approved',
      'In progress',
      'Completed',
      'Rejected',
    ]);
    expect(() => requestStateLabel(9)).toThrow();
  });

  it('summarises findings', () => {
    expect(severitySummary({ critical: 0, high: 0, medium: 0, low: 0, owner_privileges: 0 })).toBe('No findings');
    expect(severitySummary({ critical: 1, high: 2, medium: 0, low: 3, owner_privileges: 1 })).toBe(
      '1 critical, 2 high, 3 low, 1 owner privilege',
    );
    expect(severitySummary({ critical: 0, high: 0, medium: 4, low: 0, owner_privileges: 2 })).toBe(
      '4 medium, 2 owner privileges',
    );
  });

  it('names known chains', () => {
    expect(chainLabel(820n)).toBe('820 (Callisto)');
    expect(chainLabel(5n)).toBe('5');
  });
});

describe('the manager queue', () => {
  it('holds pending, approved and in-progress requests, not closed ones', () => {
    expect([0, 1, 2, 3, 4].filter(needsManager)).toEqual([
      RequestState.Pending,
      RequestState.Approved,
      RequestState.InProgress,
    ]);
  });
});

describe('request addresses', () => {
  it('reads a request id from the query string and links back to it', () => {
    expect(parseRequestId('3')).toBe(3n);
    expect(parseRequestId(' 12 ')).toBe(12n);
    expect(parseRequestId('-1')).toBeUndefined();
    expect(parseRequestId('1e3')).toBeUndefined();
    expect(parseRequestId('x')).toBeUndefined();
    expect(parseRequestId(null)).toBeUndefined();
    expect(requestHref(parseRequestId('3')!)).toBe('/audits/request/?id=3');
  });
});

describe('reportOf', () => {
  it('finds the account’s report whatever the case of its address', () => {
    const reports = [{ auditor: A }, { auditor: B }];
    expect(reportOf(reports, '0x00000000000000000000000000000000000000AA')).toBe(reports[0]);
    expect(reportOf(reports, '0x00000000000000000000000000000000000000cc')).toBeUndefined();
    expect(reportOf(reports, undefined)).toBeUndefined();
  });
});

describe('reports waiting for a manager', () => {
  it('are signed first, then revealed', () => {
    const committed = { auditor: A, signed: false, revealed: false };
    const signed = { auditor: B, signed: true, revealed: false };
    const revealed = { auditor: B, signed: true, revealed: true };
    expect(awaitingSignature([committed, signed, revealed])).toEqual([committed]);
    expect(awaitingReveal([committed, signed, revealed])).toEqual([signed]);
  });
});

describe('errors in words', () => {
  it('counts without "(s)"', () => {
    expect(errorsText(0n)).toBe('no error');
    expect(errorsText(1n)).toBe('1 error');
    expect(errorsText(12n)).toBe('12 errors');
  });
});
