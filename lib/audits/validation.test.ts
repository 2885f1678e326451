import { describe, expect, it } from 'vitest';
import {
  Reasons,
  parseChainId,
  parseComplexity,
  parseErrorCount,
  parseSeverity,
  reasonToMessage,
  validateContact,
  validateMemberAddress,
  validateRejectReason,
  validateReportLink,
  validateRequestForm,
  type RequestFormInput,
} from './validation';

const good: RequestFormInput = {
  contractAddress: '0x1111111111111111111111111111111111111111',
  chainId: '820',
  sourceUrl: 'https://github.com/example/token',
  description: 'An ERC-20 token',
  platform: 'Solidity 0.8.30',
};

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

describe('the manager’s and auditor’s fields', () => {
  it('validates contacts and reject reasons like the contract', () => {
    expect(validateContact('a')).toBeUndefined();
    expect(validateContact('')).toBe('Contact must be 1 to 100 bytes');
    expect(validateContact('x'.repeat(101))).toBe('Contact must be 1 to 100 bytes');
    expect(validateRejectReason('r'.repeat(200))).toBeUndefined();
    expect(validateRejectReason('r'.repeat(201))).toBe(reasonToMessage(Reasons.rejectReason));
  });

  it('validates the link an auditor commits', () => {
    expect(validateReportLink('')).toBeDefined();
    expect(validateReportLink(' https://a.b')).toMatch(/spaces/);
    expect(validateReportLink('http://a.b')).toMatch(/https/);
    expect(validateReportLink('ipfs://bafy')).toBeUndefined();
    // The registry reveals at most 256 bytes: a longer link is refused before its hash is committed.
    expect(validateReportLink(`https://example.org/${'a'.repeat(236)}`)).toBeUndefined();
    expect(validateReportLink(`https://example.org/${'a'.repeat(237)}`)).toBe(
      'The link must be at most 256 bytes, as the registry stores it (this one is 257)',
    );
    expect(validateReportLink(`https://example.org/${'a'.repeat(100_001)}`)).toMatch(/this one is 100,021/);
  });

  it('bounds errors, complexity and severity counts', () => {
    expect(parseErrorCount('1').value).toBe(1n);
    expect(parseErrorCount('1001').error).toBe('Errors must be 0 to 1000');
    expect(parseErrorCount('1.5').error).toBe('Errors must be a whole number');
    expect(parseComplexity('0').error).toBeDefined();
    expect(parseComplexity('24576').value).toBe(24_576n);
    // The contract caps a manager's figure at EIP-170's largest contract code.
    expect(parseComplexity('24577').error).toMatch(/24,576/);
    const ok = parseSeverity({ critical: '0', high: '1', medium: '2', low: '3', owner_privileges: '0' });
    expect(ok.value).toEqual({ critical: 0, high: 1, medium: 2, low: 3, owner_privileges: 0 });
    const bad = parseSeverity({ critical: '65536', high: '', medium: '0', low: '0', owner_privileges: '0' });
    expect(bad.value).toBeUndefined();
    expect(bad.errors).toEqual({ critical: 'Critical must be 0 to 65535', high: 'High must be a whole number' });
  });

  it('validates member addresses', () => {
    expect(validateMemberAddress('0x00000000000000000000000000000000000000aa')).toBeUndefined();
    expect(validateMemberAddress('0x' + '0'.repeat(40))).toMatch(/zero/);
    expect(validateMemberAddress('0x12')).toBeDefined();
  });
});
