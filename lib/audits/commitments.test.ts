import { describe, expect, it } from 'vitest';
import { linkCommitment, linkMatchesCommitment } from './commitments';

describe('report commitments', () => {
  it('are the Keccak-256 of the link (published test vectors)', () => {
    expect(linkCommitment('')).toBe('0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
    expect(linkCommitment('abc')).toBe('0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
  });

  it('hash the UTF-8 bytes of the link, as Solidity sees a string', () => {
    // "é" is one UTF-16 unit but two UTF-8 bytes; the precomposed and decomposed forms are different links.
    expect(linkCommitment('https://x/é')).not.toBe(linkCommitment('https://x/e\u0301'));
    expect(linkCommitment('https://x/é')).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('reveal only the exact link committed', () => {
    const link = 'https://gist.github.com/x/ü';
    const commitment = linkCommitment(link);
    expect(linkMatchesCommitment(link, commitment)).toBe(true);
    // The contract compares bytes32 values: the hex case of the commitment does not matter.
    expect(linkMatchesCommitment(link, `0x${commitment.slice(2).toUpperCase()}`)).toBe(true);
    expect(linkMatchesCommitment(`${link} `, commitment)).toBe(false);
    expect(linkMatchesCommitment(link.replace('gist', 'Gist'), commitment)).toBe(false);
  });
});
