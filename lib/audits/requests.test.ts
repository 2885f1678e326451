import { describe, expect, it } from 'vitest';
import { keccak256, toHex } from 'viem';
import {
  parseChainId,
  Reasons,
  reasonToMessage,
  reportCommitment,
  RequestState,
  requestStateLabel,
  severitySummary,
  validateContact,
  validateRejectReason,
  validateRequestForm,
  verdictLabel,
  type RequestFormInput,
} from './requests';

const good: RequestFormInput = {
  contractAddress: '0x1111111111111111111111111111111111111111',
  chainId: '820',
  sourceUrl: 'https://github.com/example/token',
  description: 'An ERC-20 token',
  platform: 'Solidity 0.8.30',
};

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

  it('shows a verdict only for completed requests', () => {
    expect(verdictLabel({ state: RequestState.Completed, passed: true })).toBe('Passed');
    expect(verdictLabel({ state: RequestState.Completed, passed: false })).toBe('Failed');
    expect(verdictLabel({ state: RequestState.InProgress, passed: false })).toBeUndefined();
    expect(verdictLabel({ state: RequestState.Rejected, passed: false })).toBeUndefined();
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
});

describe('reportCommitment', () => {
  it('is keccak256 of the UTF-8 bytes of the link', () => {
    expect(reportCommitment('https://gist.github.com/a/b')).toBe(keccak256(toHex('https://gist.github.com/a/b')));
  });
});

describe('validateRequestForm', () => {
  it('returns the arguments of a valid form', () => {
    expect(validateRequestForm(good)).toEqual({
      errors: {},
      args: [good.contractAddress, 820n, good.sourceUrl, good.description, good.platform],
    });
  });

  it('gives one message per bad field, as the contract words it', () => {
    const result = validateRequestForm({
      contractAddress: '0x0000000000000000000000000000000000000000',
      chainId: '0',
      sourceUrl: 'http://example.com',
      description: '',
      platform: 'p'.repeat(33),
    });
    expect(result.args).toBeUndefined();
    expect(result.errors).toEqual({
      contractAddress: 'Contract address is the zero address',
      chainId: 'Chain id must be 1 to 2^64 - 1',
      sourceUrl: 'Source URL must start with https:// or ipfs://',
      description: 'Description must be 1 to 500 bytes',
      platform: 'Platform must be 1 to 32 bytes',
    });
  });

  it('checks the byte bounds, not the character counts', () => {
    expect(validateRequestForm({ ...good, description: 'é'.repeat(250) }).errors).toEqual({});
    expect(validateRequestForm({ ...good, description: 'é'.repeat(251) }).errors.description).toBeDefined();
    expect(validateRequestForm({ ...good, sourceUrl: `ipfs://${'a'.repeat(249)}` }).errors).toEqual({});
    expect(validateRequestForm({ ...good, sourceUrl: `ipfs://${'a'.repeat(250)}` }).errors.sourceUrl).toBe(
      'Source URL must be 1 to 256 bytes',
    );
    expect(validateRequestForm({ ...good, sourceUrl: '' }).errors.sourceUrl).toBe('Source URL must be 1 to 256 bytes');
  });

  it('refuses malformed addresses and chain ids', () => {
    expect(validateRequestForm({ ...good, contractAddress: '0x123' }).errors.contractAddress).toBe(
      'Contract address must be 0x and 40 hex digits',
    );
    expect(parseChainId('abc').error).toBe('Chain id must be a whole number');
    expect(parseChainId('18446744073709551615').value).toBe(2n ** 64n - 1n);
    expect(parseChainId('18446744073709551616').error).toBe('Chain id must be 1 to 2^64 - 1');
  });
});

describe('other fields', () => {
  it('validates contacts and reject reasons like the contract', () => {
    expect(validateContact('a')).toBeUndefined();
    expect(validateContact('')).toBe('Contact must be 1 to 100 bytes');
    expect(validateContact('x'.repeat(101))).toBe('Contact must be 1 to 100 bytes');
    expect(validateRejectReason('r'.repeat(200))).toBeUndefined();
    expect(validateRejectReason('r'.repeat(201))).toBe(reasonToMessage(Reasons.rejectReason));
  });
});
