import { describe, expect, it } from 'vitest';
import { UserRejectedRequestError } from 'viem';
import { encryptionKeyStatus, keyFingerprint, signatureProblem } from './keyStatus';

const ZERO = `0x${'0'.repeat(64)}` as const;
const A = `0x${'ab'.repeat(32)}` as const;
const B = `0x${'cd'.repeat(32)}` as const;

describe('encryptionKeyStatus', () => {
  it('says none is registered for a zero key, whatever this tab derived', () => {
    expect(encryptionKeyStatus(ZERO, undefined)).toEqual({ kind: 'none-registered' });
    expect(encryptionKeyStatus(ZERO, A)).toEqual({ kind: 'none-registered' });
  });

  it('tells a registered key not yet checked here from one that matches or differs', () => {
    expect(encryptionKeyStatus(A, undefined)).toEqual({ kind: 'registered', registered: A });
    expect(encryptionKeyStatus(A, A)).toEqual({ kind: 'matches', registered: A });
    expect(encryptionKeyStatus(A, B)).toEqual({ kind: 'differs', registered: A, derived: B });
  });

  it('compares keys whatever the case of their hex digits', () => {
    expect(encryptionKeyStatus(A.toUpperCase().replace('0X', '0x') as `0x${string}`, A).kind).toBe('matches');
  });
});

describe('keyFingerprint', () => {
  it('keeps the start and the end of the key', () => {
    expect(keyFingerprint(`0x1234567890${'0'.repeat(48)}abcdef`)).toBe('0x123456…abcdef');
  });
});

describe('signatureProblem', () => {
  it('answers a refusal with what the signature is for', () => {
    const refusal = new UserRejectedRequestError(new Error('User rejected the request.'));
    expect(signatureProblem(refusal)).toMatch(
      /^You declined the signature\. It sends no transaction and costs nothing/,
    );
    expect(signatureProblem({ code: 4001, message: 'rejected' })).toContain('derive your encryption key');
  });

  it('passes on another failure in the wallet’s first line', () => {
    expect(signatureProblem(new Error('Ledger locked\ndetails'))).toBe(
      'Your wallet could not sign the key message: Ledger locked',
    );
  });
});
