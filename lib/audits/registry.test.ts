import { describe, expect, it } from 'vitest';
import { auditedStatus, isVerdictFilter, matchesAuditSearch, matchesVerdict } from './registry';

const A = '0x00000000000000000000000000000000000000aa' as const;

describe('the registry search', () => {
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

  it('accepts only the verdicts the filter offers', () => {
    expect(isVerdictFilter('Passed')).toBe(true);
    expect(isVerdictFilter('Failed')).toBe(false);
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
